// Thread lifecycle, suspension, termination and thread-local storage (issue 3).
import { type Entry } from "./params.ts";

export const THREADS: Entry[] = [
];
