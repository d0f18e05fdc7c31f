// One console's output, in the order guest threads wrote it. Every write takes a number from a shared
// counter (Atomics.add in the writing worker) and the host delivers the texts in number order, though
// messages from different workers arrive in any order. A process started by a guest shares its
// parent's console, so the order also holds across processes (a child's last line comes before the
// parent's report that the child ended).

export type Sink = (stream: number, text: string) => void;

export class ConsoleOutput {
  /** The shared counter writers number their texts with ([0]), and the closed flags of streams 1 and 2. */
  readonly seq = new Int32Array(new SharedArrayBuffer(12));
  private next = 0;
  private readonly pending = new Map<number, { stream: number; text: string; from?: number; last?: boolean }>();
  /** Processes (kernel records) whose crash report was delivered: their later output is dropped. */
  private readonly ended = new Set<number>();
  private users = 0;

  constructor(private readonly sink: Sink) {}

  /** Stream 1 or 2 can take no more (EPIPE): guests' writes to it fail from now on, as on a broken pipe. */
  close(stream: number): void {
    if (stream === 1 || stream === 2) Atomics.store(this.seq, stream, 1);
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
    if (m.from !== undefined && this.ended.has(m.from)) return;
    this.sink(m.stream, m.text);
    if (m.last && m.from !== undefined) this.ended.add(m.from);
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
