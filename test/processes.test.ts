import { conformance } from "./harness.ts";

conformance("processes", 60_000);
