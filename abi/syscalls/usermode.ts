// User-mode synchronization on guest memory: critical sections, SRW locks, condition variables, one-time init, WaitOnAddress (issue 3).
import { type Entry } from "./params.ts";

export const USERMODE: Entry[] = [
];
