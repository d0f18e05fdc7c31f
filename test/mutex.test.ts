import { conformance } from "./harness.ts";
conformance("mutex");
