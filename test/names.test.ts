import { conformance } from "./harness.ts";
conformance("names");
