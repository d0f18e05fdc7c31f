import { conformance } from "./harness.ts";
conformance("waits");
