import { conformance } from "./harness.ts";
conformance("apc");
