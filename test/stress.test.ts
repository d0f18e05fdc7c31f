import { conformance } from "./harness.ts";
conformance("stress");
