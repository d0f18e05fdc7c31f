import { conformance } from "./harness.ts";
conformance("events");
