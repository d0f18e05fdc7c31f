// One console's output, in the order guest threads wrote it. Every write takes a number from a shared
// counter (Atomics.add in the writing worker) and the host delivers the texts in number order, though
// messages from different workers arrive in any order. A process started by a guest shares its
// parent's console, so the order also holds across processes (a child's last line comes before the
// parent's report that the child ended).
//
// The console's backlog is bounded (the consoleBacklog quota): a writer adds its text's length to a
// shared count before posting it and waits while the count is at the limit; the host takes the text
// off once its sink has taken it (Node: written to the file or pipe). A guest printing faster than its
// reader reads is slowed down instead of piling its output up in the host's memory.
import { OUT_BACKLOG, OUT_LIMIT, OUT_WORDS } from "./protocol.ts";

/** Text a console holds for its sink by default before writers wait: 16 of Linux's 64 KiB pipe buffers. */
export const CONSOLE_BACKLOG = 1 << 20;

/** Takes a text; calls `done` once it has taken it in full (the console's writers may go on). */
export type Sink = (stream: number, text: string, done: () => void) => void;

/** Calls an embedder's output callback; `done` when it has returned, or when the promise it returned has settled. */
export function handOver(write: (text: string) => unknown, text: string, done: () => void): void {
  let r: unknown;
  try { r = write(text); } catch (e) { done(); throw e; }
  if (r && typeof (r as PromiseLike<unknown>).then === "function") (r as PromiseLike<unknown>).then(done, done);
  else done();
}

export class ConsoleOutput {
  /** Shared with the console's writers: the words protocol.ts OUT_* names. */
  readonly seq = new Int32Array(new SharedArrayBuffer(4 * OUT_WORDS));
  private next = 0;
  private readonly pending = new Map<number, { stream: number; text: string; from?: number; last?: boolean }>();
  /** Processes (kernel records) whose crash report was delivered: their later output is dropped. */
  private readonly ended = new Set<number>();
  private users = 0;

  /** `backlog`: characters of text held (posted, not yet taken by the sink) at which writers wait. */
  constructor(private readonly sink: Sink, backlog: number) {
    this.seq[OUT_LIMIT] = Math.min(backlog, 2 ** 30); // an Int32 count: more would be no limit anyway
  }

  /** Stream 1 or 2 can take no more (EPIPE): guests' writes to it fail from now on, as on a broken pipe. */
  close(stream: number): void {
    if (stream !== 1 && stream !== 2) return;
    Atomics.store(this.seq, stream, 1);
    Atomics.notify(this.seq, OUT_BACKLOG); // a writer waiting for room fails at once
  }

  closed(stream: number): boolean {
    return (stream === 1 || stream === 2) && Atomics.load(this.seq, stream) !== 0;
  }

  /** A process starts using this console. */
  attach(): void { this.users++; }

  /** A process stopped using it: when none is left, nothing more can fill a gap, so skip them. */
  detach(): void {
    if (--this.users === 0) this.skipGaps();
  }

  /**
   * Text number `seq` from process `from`; `last` (a crash report) makes it the process's last: what
   * its other threads wrote after it is dropped, so the report ends its output.
   */
  deliver(seq: number, stream: number, text: string, from?: number, last?: boolean): void {
    if (seq < this.next) { this.emit({ stream, text, from, last }); return; } // late, after a gap was skipped
    this.pending.set(seq, { stream, text, from, last });
    this.drain();
  }

  /** Process `from` has ended: its record may be reused by a new process. */
  forget(from: number): void { this.ended.delete(from); }

  private emit(m: { stream: number; text: string; from?: number; last?: boolean }): void {
    if (m.from !== undefined && this.ended.has(m.from)) { this.taken(m.text.length); return; }
    this.sink(m.stream, m.text, () => this.taken(m.text.length));
    if (m.last && m.from !== undefined) this.ended.add(m.from);
  }

  /** `n` characters left the backlog: writers waiting at the limit may go on. */
  private taken(n: number): void {
    if (Atomics.sub(this.seq, OUT_BACKLOG, n) >= this.seq[OUT_LIMIT]) Atomics.notify(this.seq, OUT_BACKLOG);
  }

  /**
   * A worker was stopped: a number it took may never come. Deliver what is waiting behind gaps
   * (anything arriving later for a skipped number is still written, just late).
   */
  skipGaps(): void {
    while (this.pending.size) {
      this.next = Math.min(...this.pending.keys());
      this.drain();
    }
  }

  private drain(): void {
    for (let m = this.pending.get(this.next); m; m = this.pending.get(this.next)) {
      this.pending.delete(this.next++);
      this.emit(m);
    }
  }
}
