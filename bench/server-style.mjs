// A server-style baseline for `npm run bench`: the design Wine uses, in JavaScript. One server worker
// owns every object (events, mutexes, semaphores, named objects, message pipes) and a handle table;
// each call is posted to it and the caller sleeps until the reply comes, as a Wine client sleeps in
// read() on its server socket. Calls go through request slots in a SharedArrayBuffer: the caller fills
// its slot, rings a doorbell word (Atomics.add + notify), and Atomics.waits on the slot's state; the
// server sleeps on the doorbell when no slot holds a request. A blocking wait keeps its slot pending in
// the server until an object change satisfies it (no busy loops anywhere). The client runs the same
// rows as guests/c/bench.c with the same calibration; a partner worker plays the other thread for
// pingpong and pipe_msg_roundtrip.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const SLOT = 128, SLOTS = 3, BASE = 16, DATA = 64, CTRL = 4; // CTRL..: partner task words
const IDLE = 0, REQUEST = 1, BUSY = 2, REPLY = 3;
const OP = { createEvent: 1, openEvent: 2, set: 3, reset: 4, close: 5, createMutex: 6, releaseMutex: 7, createSem: 8,
  releaseSem: 9, wait: 10, createPipe: 11, pipeWrite: 12, pipeRead: 13, createThread: 14, threadExit: 15, quit: 99 };
const WAIT_TIMEOUT = 258;
const ROWS = ["mutex_uncontended", "event_set_reset", "sem_release_wait", "create_close_event", "wait_any_64", "wait_all_64",
  "pingpong", "named_open", "pipe_msg_roundtrip", "thread_create_join"];

/** Runs the server-style rows; resolves to { row: ns per op }. */
export function serverStyle(minMs = 200, only = null) {
  const sab = new SharedArrayBuffer(4 * (BASE + SLOT * SLOTS));
  const url = new URL(import.meta.url);
  const server = new Worker(url, { workerData: { role: "server", sab } });
  const partner = new Worker(url, { workerData: { role: "partner", sab } });
  const client = new Worker(url, { workerData: { role: "client", sab, minMs, only } });
  // Exit listeners go on at once: the server and the partner may end before the results arrive.
  const exited = [server, partner, client].map((w) => new Promise((r) => { w.on("exit", r); }));
  return new Promise((resolve, reject) => {
    let results;
    for (const w of [server, partner, client]) w.on("error", reject);
    client.on("message", (r) => { results = r; });
    Promise.all(exited).then(() => results ? resolve(results) : reject(new Error("server-style: the client ended without results")));
  });
}

// ------------------------------------------------------------------------------------------ server
function runServer(i32) {
  const handles = new Map();
  const names = new Map();
  let nextHandle = 4;
  const put = (o) => { const h = nextHandle; nextHandle += 4; handles.set(h, o); o.refs = (o.refs ?? 0) + 1; return h; };
  const slotBase = (s) => BASE + s * SLOT;
  const reply = (s, result) => {
    const b = slotBase(s);
    i32[b + 2] = result;
    Atomics.store(i32, b, REPLY);
    Atomics.notify(i32, b, 1);
  };
  const signaled = (o, s) => o.type === "event" ? o.signaled : o.type === "mutex" ? (o.owner === -1 || o.owner === s)
    : o.type === "sem" ? o.count > 0 : o.type === "thread" ? o.done : o.queue.length > 0;
  const satisfy = (o, s) => {
    if (o.type === "event") { if (!o.manual) o.signaled = false; }
    else if (o.type === "mutex") { o.owner = s; o.count++; }
    else if (o.type === "sem") o.count--;
  };
  /** Tries a wait: returns the reply value, or -1 if it must keep waiting. */
  const tryWait = (w) => {
    if (w.all) {
      if (!w.objs.every((o) => signaled(o, w.slot))) return -1;
      for (const o of w.objs) satisfy(o, w.slot);
      return 0;
    }
    for (let i = 0; i < w.objs.length; i++) if (signaled(w.objs[i], w.slot)) { satisfy(w.objs[i], w.slot); return i; }
    return -1;
  };
  const wake = (o) => {
    for (const w of [...o.waiters]) {
      const r = tryWait(w);
      if (r < 0) continue;
      for (const x of w.objs) x.waiters.splice(x.waiters.indexOf(w), 1);
      if (w.read) { pipeRead(w.slot, w.objs[0]); continue; }
      reply(w.slot, r);
    }
  };
  const pipeRead = (s, end) => {
    const msg = end.queue.shift();
    i32.set(msg, slotBase(s) + DATA);
    reply(s, msg.length * 4);
  };
  const serve = (s) => {
    const b = slotBase(s), op = i32[b + 1], a = (k) => i32[b + 3 + k];
    switch (op) {
      case OP.createEvent: {
        const key = a(2);
        if (key && names.has(key)) { const o = names.get(key); return reply(s, put(o)); }
        const o = { type: "event", manual: !!a(0), signaled: !!a(1), waiters: [], name: key };
        if (key) names.set(key, o);
        return reply(s, put(o));
      }
      case OP.openEvent: { const o = names.get(a(0)); return reply(s, o ? put(o) : 0); }
      case OP.set: { const o = handles.get(a(0)); o.signaled = true; wake(o); return reply(s, 1); }
      case OP.reset: handles.get(a(0)).signaled = false; return reply(s, 1);
      case OP.close: {
        const o = handles.get(a(0));
        if (!o) return reply(s, 0);
        handles.delete(a(0));
        if (--o.refs === 0 && o.name) names.delete(o.name);
        return reply(s, 1);
      }
      case OP.createMutex: return reply(s, put({ type: "mutex", owner: -1, count: 0, waiters: [] }));
      case OP.releaseMutex: {
        const o = handles.get(a(0));
        if (o.owner !== s) return reply(s, 0);
        if (--o.count === 0) { o.owner = -1; wake(o); }
        return reply(s, 1);
      }
      case OP.createSem: return reply(s, put({ type: "sem", count: a(0), max: a(1), waiters: [] }));
      case OP.releaseSem: {
        const o = handles.get(a(0));
        if (o.count + a(1) > o.max) return reply(s, 0);
        o.count += a(1);
        wake(o);
        return reply(s, 1);
      }
      case OP.wait: {
        const w = { slot: s, all: !!a(1), objs: [] };
        for (let i = 0; i < a(0); i++) w.objs.push(handles.get(a(3 + i)));
        const r = tryWait(w);
        if (r >= 0) return reply(s, r);
        if (a(2) === 0) return reply(s, WAIT_TIMEOUT);
        for (const o of w.objs) o.waiters.push(w);
        return; // pending: replied by wake()
      }
      case OP.createPipe: {
        const x = { type: "pipe", queue: [], waiters: [] }, y = { type: "pipe", queue: [], waiters: [], peer: x };
        x.peer = y;
        const h = put(x);
        put(y);
        return reply(s, h);
      }
      case OP.pipeWrite: {
        const end = handles.get(a(0));
        end.peer.queue.push(i32.slice(b + DATA, b + DATA + (a(1) >> 2)));
        wake(end.peer);
        return reply(s, a(1));
      }
      case OP.pipeRead: {
        const end = handles.get(a(0));
        if (end.queue.length) return pipeRead(s, end);
        const w = { slot: s, all: false, objs: [end], read: true };
        end.waiters.push(w);
        return;
      }
      case OP.createThread: return reply(s, put({ type: "thread", done: false, waiters: [] }));
      case OP.threadExit: { const o = handles.get(a(0)); o.done = true; wake(o); return reply(s, 1); }
      case OP.quit: reply(s, 0); return "quit";
    }
  };
  for (;;) {
    const seen = Atomics.load(i32, 0);
    let served = false;
    for (let s = 0; s < SLOTS; s++) {
      const b = slotBase(s);
      if (Atomics.load(i32, b) !== REQUEST) continue;
      Atomics.store(i32, b, BUSY);
      served = true;
      if (serve(s) === "quit") return;
    }
    if (!served) Atomics.wait(i32, 0, seen);
  }
}

// ------------------------------------------------------------------------------------------ clients
function caller(i32, slot) {
  const b = BASE + slot * SLOT;
  return (op, ...args) => {
    i32[b + 1] = op;
    for (let k = 0; k < args.length; k++) i32[b + 3 + k] = args[k];
    Atomics.store(i32, b, REQUEST);
    Atomics.add(i32, 0, 1);
    Atomics.notify(i32, 0, 1);
    for (;;) {
      const v = Atomics.load(i32, b);
      if (v === REPLY) break;
      Atomics.wait(i32, b, v);
    }
    Atomics.store(i32, b, IDLE);
    return i32[b + 2];
  };
}

/** The partner: waits for a task in the CTRL words ([seq, kind, h1, h2, rounds]) and runs it. */
function runPartner(i32) {
  const call = caller(i32, 1);
  let seq = 0;
  for (;;) {
    while (Atomics.load(i32, CTRL) === seq) Atomics.wait(i32, CTRL, seq);
    seq = Atomics.load(i32, CTRL);
    const [kind, h1, h2, rounds] = [i32[CTRL + 1], i32[CTRL + 2], i32[CTRL + 3], i32[CTRL + 4]];
    if (kind === 0) return;
    if (kind === 1) for (let i = 0; i < rounds; i++) { call(OP.wait, 1, 0, -1, h1); call(OP.set, h2); }
    if (kind === 2) for (let i = 0; i < rounds; i++) { const len = call(OP.pipeRead, h1); call(OP.pipeWrite, h1, len); }
  }
}

function runClient(i32, minMs, only) {
  const call = caller(i32, 0);
  const partner = (kind, h1, h2, rounds) => {
    i32[CTRL + 1] = kind; i32[CTRL + 2] = h1; i32[CTRL + 3] = h2; i32[CTRL + 4] = rounds;
    Atomics.add(i32, CTRL, 1);
    Atomics.notify(i32, CTRL, 1);
  };
  const now = () => performance.now() / 1000;
  const manyEvents = (all) => {
    const hs = [];
    for (let i = 0; i < 64; i++) hs.push(call(OP.createEvent, 1, all || i === 63 ? 1 : 0, 0));
    return hs;
  };
  const bodies = {
    mutex_uncontended(n) {
      const m = call(OP.createMutex);
      const t = now();
      for (let i = 0; i < n; i++) { call(OP.wait, 1, 0, -1, m); call(OP.releaseMutex, m); }
      const d = now() - t; call(OP.close, m); return d;
    },
    event_set_reset(n) {
      const e = call(OP.createEvent, 1, 0, 0);
      const t = now();
      for (let i = 0; i < n; i++) { call(OP.set, e); call(OP.reset, e); }
      const d = now() - t; call(OP.close, e); return d;
    },
    sem_release_wait(n) {
      const s = call(OP.createSem, 0, 1);
      const t = now();
      for (let i = 0; i < n; i++) { call(OP.releaseSem, s, 1); call(OP.wait, 1, 0, 0, s); }
      const d = now() - t; call(OP.close, s); return d;
    },
    create_close_event(n) {
      const t = now();
      for (let i = 0; i < n; i++) call(OP.close, call(OP.createEvent, 1, 0, 0));
      return now() - t;
    },
    wait_any_64(n) {
      const hs = manyEvents(false);
      const t = now();
      for (let i = 0; i < n; i++) call(OP.wait, 64, 0, 0, ...hs);
      const d = now() - t; for (const h of hs) call(OP.close, h); return d;
    },
    wait_all_64(n) {
      const hs = manyEvents(true);
      const t = now();
      for (let i = 0; i < n; i++) call(OP.wait, 64, 1, 0, ...hs);
      const d = now() - t; for (const h of hs) call(OP.close, h); return d;
    },
    pingpong(n) {
      const ping = call(OP.createEvent, 0, 0, 0), pong = call(OP.createEvent, 0, 0, 0);
      partner(1, ping, pong, n + 1);
      call(OP.set, ping); call(OP.wait, 1, 0, -1, pong);
      const t = now();
      for (let i = 0; i < n; i++) { call(OP.set, ping); call(OP.wait, 1, 0, -1, pong); }
      const d = now() - t; call(OP.close, ping); call(OP.close, pong); return d;
    },
    named_open(n) {
      const e = call(OP.createEvent, 1, 0, 7);
      const t = now();
      for (let i = 0; i < n; i++) call(OP.close, call(OP.openEvent, 7));
      const d = now() - t; call(OP.close, e); return d;
    },
    // A worker per thread, as each guest thread has one; the thread object lives in the server, and the
    // new thread reports its end there (slot 2), as a Wine thread tells wineserver.
    thread_create_join(n) {
      const t = now();
      for (let i = 0; i < n; i++) {
        const h = call(OP.createThread);
        new Worker(new URL(import.meta.url), { workerData: { role: "thread", sab: i32.buffer, h } });
        call(OP.wait, 1, 0, -1, h);
        call(OP.close, h);
      }
      return now() - t;
    },
    pipe_msg_roundtrip(n) {
      const h = call(OP.createPipe);
      partner(2, h + 4, 0, n + 1);
      const b = BASE + DATA;
      for (let i = 0; i <= n; i++) {
        if (i === 1) var t = now();
        i32.fill(0x6d6d6d6d, b, b + 16);
        call(OP.pipeWrite, h, 64);
        call(OP.pipeRead, h);
      }
      const d = now() - t; call(OP.close, h); call(OP.close, h + 4); return d;
    },
  };
  const results = {};
  for (const row of ROWS) {
    if (only && !only.includes(row)) continue;
    let n = 1;
    for (;;) {
      const t = bodies[row](n);
      if (t >= minMs / 1000 || n >= 2 ** 30) { results[row] = t * 1e9 / n; break; }
      n *= t < minMs / 1000 / 16 ? 8 : 2;
    }
  }
  partner(0, 0, 0, 0);
  call(OP.quit);
  parentPort.postMessage(results);
}

if (!isMainThread && workerData?.sab && workerData.role) {
  const i32 = new Int32Array(workerData.sab);
  if (workerData.role === "server") runServer(i32);
  else if (workerData.role === "partner") runPartner(i32);
  else if (workerData.role === "thread") caller(i32, 2)(OP.threadExit, workerData.h);
  else runClient(i32, workerData.minMs, workerData.only);
}
