// Time, waitable timers, APCs and alertable waits (issue 3).
import { type Entry } from "./params.ts";

export const TIME: Entry[] = [
];
