import { conformance } from "./harness.ts";
conformance("pipes", 60_000);
