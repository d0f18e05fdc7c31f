// One console's output, in the order guest threads wrote it. Every write takes a number from a shared
// counter (Atomics.add in the writing worker) and the host delivers the texts in number order, though
// messages from different workers arrive in any order. A process started by a guest shares its
// parent's console, so the order also holds across processes (a child's last line comes before the
// parent's report that the child ended).

export type Sink = (stream: number, text: string) => void;

export class ConsoleOutput {
  /** The shared counter writers number their texts with. */
  readonly seq = new Int32Array(new SharedArrayBuffer(4));
  private next = 0;
  private readonly pending = new Map<number, { stream: number; text: string }>();
  private users = 0;

  constructor(private readonly sink: Sink) {}

  /** A process starts using this console. */
  attach(): void { this.users++; }

  /** A process stopped using it: when none is left, nothing more can fill a gap, so skip them. */
  detach(): void {
    if (--this.users === 0) this.skipGaps();
  }

  deliver(seq: number, stream: number, text: string): void {
    if (seq < this.next) { this.sink(stream, text); return; } // late, after a gap was skipped
    this.pending.set(seq, { stream, text });
    this.drain();
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
      this.sink(m.stream, m.text);
    }
  }
}
