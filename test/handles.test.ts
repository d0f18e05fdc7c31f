import { conformance } from "./harness.ts";
conformance("handles");
