// The reference model of the model-based fuzzer (docs/reliability.md): a small TypeScript account of what
// Windows does for the calls the fuzzer makes, written from Microsoft's documentation and Wine's tests
// (kernel32/tests/sync.c, ntdll/tests/om.c), independent of the kernel's code. It knows objects (events,
// mutexes with owners and abandonment, semaphores, waitable timers, threads, processes), handle tables
// (values, access, flags, the order freed values are reused), the namespace (BaseNamedObjects of session
// 1 and the global one, with the Global and Local links) and waits with a timeout of 0.
//
// Where Windows leaves a choice (handle values, which of several errors comes first), the model takes the
// choice ntwasm documents: handle values are (index + 1) * 4, a closed value is reused first (LIFO), the
// low two bits of a value are ignored.

// Win32 errors (winerror.h).
export const ERROR_SUCCESS = 0;
export const ERROR_FILE_NOT_FOUND = 2;
export const ERROR_PATH_NOT_FOUND = 3;
export const ERROR_ACCESS_DENIED = 5;
export const ERROR_INVALID_HANDLE = 6;
export const ERROR_NOT_ENOUGH_MEMORY = 8;
export const ERROR_INVALID_PARAMETER = 87;
export const ERROR_INVALID_NAME = 123;
export const ERROR_BAD_PATHNAME = 161;
export const ERROR_ALREADY_EXISTS = 183;
export const ERROR_FILENAME_EXCED_RANGE = 206;
export const ERROR_NOT_OWNER = 288;
export const ERROR_TOO_MANY_POSTS = 298;
export const ERROR_NOACCESS = 998;
export const ERROR_PRIVILEGE_NOT_HELD = 1314;

// NTSTATUS (ntstatus.h), for the ntdll calls.
export const STATUS_SUCCESS = 0;
export const STATUS_INVALID_INFO_CLASS = 0xc0000003;
export const STATUS_INFO_LENGTH_MISMATCH = 0xc0000004;
export const STATUS_ACCESS_VIOLATION = 0xc0000005;
export const STATUS_INVALID_HANDLE = 0xc0000008;
export const STATUS_ACCESS_DENIED = 0xc0000022;
export const STATUS_OBJECT_TYPE_MISMATCH = 0xc0000024;

export const WAIT_OBJECT_0 = 0;
export const WAIT_ABANDONED_0 = 0x80;
export const WAIT_TIMEOUT = 0x102;
export const WAIT_FAILED = 0xffffffff;

/** What the guest leaves in an out parameter and the last error before each call: "not written". */
export const SENTINEL = 0x5eed5eed;

// Access rights (winnt.h).
export const SYNCHRONIZE = 0x00100000;
const ACCESS_SYSTEM_SECURITY = 0x01000000;
const MAXIMUM_ALLOWED = 0x02000000;
const GENERIC_ALL = 0x10000000, GENERIC_EXECUTE = 0x20000000, GENERIC_WRITE = 0x40000000, GENERIC_READ = 0x80000000;
export const EVENT_MODIFY_STATE = 0x2, EVENT_QUERY_STATE = 0x1;
export const MUTANT_QUERY_STATE = 0x1;
export const SEMAPHORE_MODIFY_STATE = 0x2, SEMAPHORE_QUERY_STATE = 0x1;
export const TIMER_MODIFY_STATE = 0x2;
export const PROCESS_DUP_HANDLE = 0x40;
export const PROCESS_ALL_ACCESS = 0x1fffff, THREAD_ALL_ACCESS = 0x1fffff;
export const HANDLE_FLAG_INHERIT = 1, HANDLE_FLAG_PROTECT_FROM_CLOSE = 2;
export const DUPLICATE_CLOSE_SOURCE = 1, DUPLICATE_SAME_ACCESS = 2;

export type Type = "Event" | "Mutant" | "Semaphore" | "Timer" | "Thread" | "Process" | "Directory" | "SymbolicLink" | "Hidden";

/** [read, write, execute, all] of each type's GENERIC_MAPPING (as Windows defines them). */
const MAPPING: Record<string, [number, number, number, number]> = {
  Event: [0x20001, 0x20002, 0x120000, 0x1f0003],
  Mutant: [0x20001, 0x20000, 0x120000, 0x1f0001],
  Semaphore: [0x20001, 0x20002, 0x120000, 0x1f0003],
  Timer: [0x20001, 0x20002, 0x120000, 0x1f0003],
  Process: [0x20410, 0x20bea, 0x121000, 0x1fffff],
  Thread: [0x20048, 0x20037, 0x121800, 0x1fffff],
  Directory: [0x20003, 0x2000c, 0x20003, 0xf000f],
  SymbolicLink: [0x20001, 0x20000, 0x20001, 0xf0001],
};

/** RtlMapGenericMask: GENERIC_* to the type's rights; MAXIMUM_ALLOWED to all of them (nobody is denied anything here). */
export function mapGeneric(type: Type, access: number): number {
  const m = MAPPING[type] ?? [0, 0, 0, 0];
  let r = access & 0x0fffffff & ~MAXIMUM_ALLOWED;
  if (access & GENERIC_READ) r |= m[0];
  if (access & GENERIC_WRITE) r |= m[1];
  if (access & GENERIC_EXECUTE) r |= m[2];
  if (access & (GENERIC_ALL | MAXIMUM_ALLOWED)) r |= m[3];
  return r >>> 0;
}

/** The access a create/open asking for `access` gets, or the error: rights the type does not have are denied. */
function granted(type: Type, access: number): number | { err: number } {
  if (access & ACCESS_SYSTEM_SECURITY) return { err: ERROR_PRIVILEGE_NOT_HELD };
  const r = mapGeneric(type, access);
  if (r & ~MAPPING[type][3]) return { err: ERROR_ACCESS_DENIED };
  return r;
}

export interface Tid { p: number; k: number }

export interface Obj {
  id: number;
  type: Type;
  /** Handles open to it, in every process: the name goes with the last one. */
  handles: number;
  manual?: boolean;
  signaled?: boolean;
  owner?: Tid; // mutex
  count?: number; // mutex recursion, semaphore count
  max?: number;
  abandoned?: boolean;
  armed?: boolean; // timer
  thread?: Tid; // thread object
  proc?: number; // process object
  /** Set up by the interpreter (baton events, the ready semaphore, worker threads, consoles): never touched. */
  hidden?: boolean;
  /** Directory: its names, oldest first. */
  entries?: Map<string, Obj>;
  /** Where it is named: its directory and the name there. */
  parent?: Obj;
  leaf?: string;
  /** Part of the namespace skeleton (never deleted, some rights refused). */
  permanent?: boolean;
  /** SymbolicLink: the absolute path it leads to. */
  target?: string;
}

export interface Entry { obj: Obj; access: number; flags: number }

export class Table {
  entries: (Entry | null)[] = [];
  /** Freed indexes, the most recently freed last: it is reused first. */
  free: number[] = [];
  insert(e: Entry): number {
    const i = this.free.length ? this.free.pop()! : this.entries.length;
    if (i === this.entries.length) this.entries.push(e); else this.entries[i] = e;
    e.obj.handles++;
    return (i + 1) * 4;
  }
  get(h: number): Entry | null {
    h >>>= 0;
    if (h < 4) return null;
    const i = (h >>> 2) - 1;
    return i < this.entries.length ? this.entries[i] : null;
  }
  /** Frees the entry of a handle known to be open. */
  remove(h: number): Entry {
    const i = ((h >>> 0) >>> 2) - 1;
    const e = this.entries[i]!;
    this.entries[i] = null;
    this.free.push(i);
    return e;
  }
  get top(): number { return this.entries.length; }
}

export interface Result { ret: number; err: number; out: number[] }

/** Longest name a link's target and what follows it may make, in bytes (ObpParseSymbolicLink). */
const MAX_REPARSED = 0xfff0;
/** Longest name kernel32 passes (UNICODE_STRING: 32,767 characters). */
export const MAX_NAME = 32767;

// NTSTATUS of name lookups and creates (the Win32 calls map them: see WIN32_OF).
export const STATUS_OBJECT_NAME_EXISTS = 0x40000000;
export const STATUS_INVALID_PARAMETER = 0xc000000d;
export const STATUS_OBJECT_NAME_INVALID = 0xc0000033;
export const STATUS_OBJECT_NAME_NOT_FOUND = 0xc0000034;
export const STATUS_OBJECT_NAME_COLLISION = 0xc0000035;
export const STATUS_OBJECT_PATH_NOT_FOUND = 0xc000003a;
export const STATUS_OBJECT_PATH_SYNTAX_BAD = 0xc000003b;
export const STATUS_PRIVILEGE_NOT_HELD = 0xc0000061;
export const STATUS_NAME_TOO_LONG = 0xc0000106;
/** RtlNtStatusToDosError of the statuses names give. */
export const WIN32_OF: Record<number, number> = {
  [STATUS_OBJECT_NAME_INVALID]: ERROR_INVALID_NAME, [STATUS_OBJECT_NAME_NOT_FOUND]: ERROR_FILE_NOT_FOUND,
  [STATUS_OBJECT_PATH_NOT_FOUND]: ERROR_PATH_NOT_FOUND, [STATUS_OBJECT_PATH_SYNTAX_BAD]: ERROR_BAD_PATHNAME,
  [STATUS_NAME_TOO_LONG]: ERROR_FILENAME_EXCED_RANGE, [STATUS_OBJECT_TYPE_MISMATCH]: ERROR_INVALID_HANDLE,
  [STATUS_INVALID_HANDLE]: ERROR_INVALID_HANDLE, [STATUS_ACCESS_DENIED]: ERROR_ACCESS_DENIED,
  [STATUS_PRIVILEGE_NOT_HELD]: ERROR_PRIVILEGE_NOT_HELD, [STATUS_INVALID_PARAMETER]: ERROR_INVALID_PARAMETER,
  [STATUS_OBJECT_NAME_COLLISION]: ERROR_ALREADY_EXISTS, [STATUS_ACCESS_VIOLATION]: ERROR_NOACCESS,
};
const OBJ_INHERIT = 0x2, OBJ_PERMANENT = 0x10, OBJ_CASE_INSENSITIVE = 0x40, OBJ_OPENIF = 0x80;
/** Rights no guest gets on the system's own objects (the namespace skeleton), as a standard user on Windows. */
const SYSTEM_DENIED = 0x10000 | 0x40000 | 0x80000; // DELETE | WRITE_DAC | WRITE_OWNER

/** ASCII and Latin-1 upper case, as the object manager compares OBJ_CASE_INSENSITIVE names. */
const upcase = (s: string) => s.replace(/[a-z\u00e0-\u00fe]/g, (c) => (c === "\u00f7" ? c : String.fromCharCode(c.charCodeAt(0) - 0x20)));

/** A name lookup's end: the object named, the directory and last component to create, or the NTSTATUS. */
type Found = { obj: Obj } | { dir: Obj; leaf: string } | { st: number };

export class Model {
  tables: Table[] = [];
  alive: boolean[][] = [];
  threads: Obj[][] = [];
  procs: Obj[] = [];
  /** "\\" and the session's BaseNamedObjects, where Win32 names start. */
  readonly root: Obj;
  readonly session: Obj;
  private nextId = 1;

  /** P processes of T threads each, their handle tables as the interpreter's setup leaves them (guest.c). */
  constructor(readonly P: number, readonly T: number) {
    for (let p = 0; p < P; p++) this.procs.push(this.obj("Process", { proc: p }));
    for (let p = 0; p < P; p++) {
      this.alive.push(Array.from({ length: T }, () => true));
      this.threads.push(Array.from({ length: T }, (_, k) => this.obj("Thread", { thread: { p, k } })));
    }
    // The namespace skeleton, as kernel32 and the session manager leave it for session 1.
    const dir = (parent: Obj | null, leaf: string) => {
      const d = this.obj("Directory", { entries: new Map(), permanent: true });
      if (parent) this.link(parent, leaf, d);
      return d;
    };
    this.root = dir(null, "");
    const global = dir(this.root, "BaseNamedObjects");
    const one = dir(dir(this.root, "Sessions"), "1");
    dir(this.root, "??");
    dir(this.root, "KernelObjects");
    this.session = dir(one, "BaseNamedObjects");
    const link = (d: Obj, leaf: string, target: string) => this.link(d, leaf, this.obj("SymbolicLink", { target, permanent: true }));
    link(global, "Global", "\\BaseNamedObjects");
    link(global, "Local", "\\BaseNamedObjects");
    link(this.session, "Global", "\\BaseNamedObjects");
    link(this.session, "Local", "\\Sessions\\1\\BaseNamedObjects");
    const hidden = (type: Type) => this.obj(type, { hidden: true });
    const turn: Obj[] = [];
    for (let j = 0; j < P * T; j++) turn.push(hidden("Event"));
    const ready = hidden("Semaphore");
    for (let p = 0; p < P; p++) {
      const t = new Table();
      for (let s = 0; s < 3; s++) t.insert({ obj: hidden("Hidden"), access: 0x1f01ff, flags: 0 }); // the standard handles
      for (const e of turn) t.insert({ obj: e, access: 0x1f0003, flags: 0 });
      t.insert({ obj: ready, access: 0x1f0003, flags: 0 });
      for (let j = 0; j < P; j++) t.insert({ obj: this.procs[j], access: PROCESS_ALL_ACCESS, flags: 0 });
      for (let k = 1; k < T; k++) {
        const h = t.insert({ obj: this.threads[p][k], access: THREAD_ALL_ACCESS, flags: 0 });
        this.hiddenHandles.add(`${p}:${h}`); // the interpreter's own handles to its worker threads
      }
      this.tables.push(t);
    }
  }

  /** Handle values of the interpreter's own (never passed to a call) that reach visible objects. */
  readonly hiddenHandles = new Set<string>();

  /** The number of setup handles in each process (guest.c checks its table has exactly these). */
  static infraTop(P: number, T: number): number { return 3 + P * T + 1 + P + (T - 1); }

  /** The value of process j's handle in every process's table. */
  procHandle(j: number): number { return (3 + this.P * this.T + 1 + j + 1) * 4; }

  isHidden(p: number, h: number): boolean {
    const e = this.tables[p].get(h);
    if (!e) return false;
    return !!e.obj.hidden || this.hiddenHandles.has(`${p}:${(h >>> 0) & ~3}`);
  }

  private obj(type: Type, fields: Partial<Obj> = {}): Obj {
    return { id: this.nextId++, type, handles: 0, ...fields };
  }

  // ---------- handles ----------

  /** The object `h` reaches in process `p` run by thread `t`, checked for type and access, or the NTSTATUS-like error. */
  lookup(p: number, t: Tid, h: number, access: number, type: Type | null, pseudo = true): { e: Entry } | { err: number; st: number } {
    h >>>= 0;
    let e: Entry | null;
    if (pseudo && h === 0xffffffff) e = { obj: this.procs[p], access: PROCESS_ALL_ACCESS, flags: 0 };
    else if (pseudo && h === 0xfffffffe) e = { obj: this.threads[t.p][t.k], access: THREAD_ALL_ACCESS, flags: 0 };
    else e = this.tables[p].get(h);
    if (!e) return { err: ERROR_INVALID_HANDLE, st: STATUS_INVALID_HANDLE };
    if (type && e.obj.type !== type) return { err: ERROR_INVALID_HANDLE, st: STATUS_OBJECT_TYPE_MISMATCH };
    if ((e.access & access) >>> 0 !== access) return { err: ERROR_ACCESS_DENIED, st: STATUS_ACCESS_DENIED };
    return { e };
  }

  /** Closes handle `h` of process `p` (known to be open): the last handle takes the name away. */
  private closeEntry(p: number, h: number): void {
    const e = this.tables[p].remove(h);
    if (--e.obj.handles === 0) this.unname(e.obj); // a temporary directory too: its names stay in it, unreachable
  }

  // ---------- names ----------

  private link(dir: Obj, leaf: string, o: Obj): void {
    dir.entries!.set(leaf, o);
    o.parent = dir;
    o.leaf = leaf;
  }

  /** The last handle closed: a name goes with it, unless it is part of the skeleton. */
  private unname(o: Obj): void {
    if (!o.parent || o.permanent) return;
    o.parent.entries!.delete(o.leaf!);
    o.parent = o.leaf = undefined;
  }

  private lookupIn(dir: Obj, comp: string, noCase: boolean): Obj | undefined {
    const exact = dir.entries!.get(comp);
    if (exact || !noCase) return exact;
    const want = upcase(comp);
    const all = [...dir.entries!.entries()].reverse(); // the newest name first, as a directory lists them
    return all.find(([n]) => n.length === comp.length && upcase(n) === want)?.[1];
  }

  /**
   * Resolves `name` from directory `start` (null: an absolute NT name) as the object manager does: components
   * split at "\\", symbolic links followed where met (the last component too, unless a link is what is wanted), the
   * last one left for a create. `tail`: bytes of name after this part, for the reparse limit.
   */
  walk(start: Obj | null, name: string, create: boolean, noCase: boolean, wantLink: boolean): Found {
    const absolute = name.startsWith("\\");
    if (absolute !== (start === null)) return { st: STATUS_OBJECT_PATH_SYNTAX_BAD };
    let dir = start ?? this.root;
    let rest = absolute ? name.slice(1) : name;
    if (absolute && !rest) return { obj: this.root };
    let links = 0;
    for (;;) {
      const cut = rest.indexOf("\\");
      const last = cut < 0;
      const comp = last ? rest : rest.slice(0, cut);
      if (!comp) return { st: STATUS_OBJECT_NAME_INVALID };
      const o = this.lookupIn(dir, comp, noCase);
      if (!o) {
        if (!last) return { st: STATUS_OBJECT_PATH_NOT_FOUND };
        return create ? { dir, leaf: comp } : { st: STATUS_OBJECT_NAME_NOT_FOUND };
      }
      if (o.type === "SymbolicLink" && !(last && wantLink)) {
        if (++links > 63) return { st: STATUS_OBJECT_NAME_NOT_FOUND };
        const after = last ? "" : rest.slice(cut); // with its leading "\\"
        if (2 * o.target!.length + 2 * after.length > MAX_REPARSED) return { st: STATUS_NAME_TOO_LONG };
        dir = this.root; // the target replaces the link, from the root
        rest = (o.target! + after).slice(1);
        if (!rest) return { obj: this.root };
        continue;
      }
      if (last) return { obj: o };
      if (o.type !== "Directory") return { st: STATUS_OBJECT_TYPE_MISMATCH };
      dir = o;
      rest = rest.slice(cut + 1);
    }
  }

  /** The access a handle to existing object `o` gets for `g` (asked `access`): some rights are refused on the skeleton. */
  private objectAccess(o: Obj, g: number, access: number): number | null {
    if (!o.permanent || !(g & SYSTEM_DENIED)) return g;
    return access & MAXIMUM_ALLOWED ? (g & ~SYSTEM_DENIED) >>> 0 : null;
  }

  /**
   * NtCreate<Type> (and the Win32 Create<Type>, `win32`: from the session's BaseNamedObjects, an existing object
   * opened): a new object named `name` from `root` (a handle, 0: absolute), or the existing one. Returns the
   * NTSTATUS and the handle.
   */
  ntCreate(p: number, t: Tid, type: Type, rootH: number, name: string | null, attr: number, access: number, win32: boolean,
    init: (o: Obj) => void): { st: number; h: number } {
    const g = granted(type, access);
    if (typeof g !== "number") return { st: g.err === ERROR_PRIVILEGE_NOT_HELD ? STATUS_PRIVILEGE_NOT_HELD : STATUS_ACCESS_DENIED, h: 0 };
    if (!win32 && attr & OBJ_PERMANENT) return { st: STATUS_PRIVILEGE_NOT_HELD, h: 0 };
    let o: Obj;
    let st = STATUS_SUCCESS;
    if (!name) {
      o = this.obj(type, type === "Directory" ? { entries: new Map() } : {});
      init(o);
    } else {
      const start = this.startDir(p, t, rootH, name, win32);
      if ("st" in start) return { st: start.st, h: 0 };
      const f = this.walk(start.dir, name, true, !win32 && (attr & OBJ_CASE_INSENSITIVE) !== 0, type === "SymbolicLink");
      if ("st" in f) return { st: f.st, h: 0 };
      if ("obj" in f) {
        if (f.obj.type !== type) return { st: STATUS_OBJECT_TYPE_MISMATCH, h: 0 };
        if (!win32 && !(attr & OBJ_OPENIF)) return { st: STATUS_OBJECT_NAME_COLLISION, h: 0 };
        o = f.obj;
        st = STATUS_OBJECT_NAME_EXISTS;
      } else {
        o = this.obj(type, type === "Directory" ? { entries: new Map() } : {});
        init(o);
        this.link(f.dir, f.leaf, o);
      }
    }
    const ga = this.objectAccess(o, g, access);
    if (ga === null) return { st: STATUS_ACCESS_DENIED, h: 0 };
    const inherit = win32 ? attr === 1 : (attr & OBJ_INHERIT) !== 0;
    const h = this.tables[p].insert({ obj: o, access: ga, flags: inherit ? HANDLE_FLAG_INHERIT : 0 });
    return { st, h };
  }

  /** Where a name starts: the session's BaseNamedObjects (Win32), the root directory handle's object, or null (absolute). */
  private startDir(p: number, t: Tid, rootH: number, name: string, win32: boolean): { dir: Obj | null } | { st: number } {
    if (win32) return { dir: this.session };
    if (!rootH) return { dir: null };
    const l = this.lookup(p, t, rootH, 0, null);
    if ("err" in l) return { st: l.st };
    if (name.startsWith("\\")) return { st: STATUS_OBJECT_PATH_SYNTAX_BAD };
    if (l.e.obj.type !== "Directory") return { st: STATUS_OBJECT_TYPE_MISMATCH };
    return { dir: l.e.obj };
  }

  /** NtOpen<Type> (and the Win32 Open<Type>, `win32`): the named object of `type`. */
  ntOpen(p: number, t: Tid, type: Type, rootH: number, name: string | null, attr: number, access: number, win32: boolean): { st: number; h: number } {
    if (name === null) return { st: STATUS_INVALID_PARAMETER, h: 0 };
    const g = granted(type, access);
    if (!name) return { st: STATUS_OBJECT_TYPE_MISMATCH, h: 0 }; // the directory itself
    const start = this.startDir(p, t, rootH, name, win32);
    if ("st" in start) return { st: start.st, h: 0 };
    const f = this.walk(start.dir, name, false, !win32 && (attr & OBJ_CASE_INSENSITIVE) !== 0, type === "SymbolicLink");
    if ("st" in f) return { st: f.st, h: 0 };
    if (!("obj" in f)) return { st: STATUS_OBJECT_NAME_NOT_FOUND, h: 0 };
    const o = f.obj;
    if (o.type !== type) return { st: STATUS_OBJECT_TYPE_MISMATCH, h: 0 };
    if (!access) return { st: STATUS_ACCESS_DENIED, h: 0 };
    if (typeof g !== "number") return { st: g.err === ERROR_PRIVILEGE_NOT_HELD ? STATUS_PRIVILEGE_NOT_HELD : STATUS_ACCESS_DENIED, h: 0 };
    const ga = this.objectAccess(o, g, access);
    if (ga === null) return { st: STATUS_ACCESS_DENIED, h: 0 };
    const inherit = win32 ? attr === 1 : (attr & OBJ_INHERIT) !== 0;
    return { st: STATUS_SUCCESS, h: this.tables[p].insert({ obj: o, access: ga, flags: inherit ? HANDLE_FLAG_INHERIT : 0 }) };
  }

  /** Create<Type>(Ex): a new object named `name` (null: unnamed), or the existing one of that name. */
  create(p: number, t: Tid, type: Type, name: string | null, access: number, inherit: boolean, init: (o: Obj) => void): Result {
    const r = this.ntCreate(p, t, type, 0, name, inherit ? 1 : 0, access, true, init);
    if (r.st !== STATUS_SUCCESS && r.st !== STATUS_OBJECT_NAME_EXISTS) return { ret: 0, err: WIN32_OF[r.st] ?? -1, out: [] };
    return { ret: r.h, err: r.st === STATUS_OBJECT_NAME_EXISTS ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS, out: [] };
  }

  open(p: number, type: Type, name: string | null, access: number, inherit: boolean): Result {
    const r = this.ntOpen(p, { p, k: 0 }, type, 0, name, inherit ? 1 : 0, access, true);
    if (r.st !== STATUS_SUCCESS) return { ret: 0, err: WIN32_OF[r.st] ?? -1, out: [] };
    return { ret: r.h, err: SENTINEL, out: [] };
  }

  // ---------- waits ----------

  signaled(o: Obj, t: Tid): boolean {
    switch (o.type) {
      case "Event": case "Timer": return !!o.signaled;
      case "Mutant": return o.count === 0 || (o.owner!.p === t.p && o.owner!.k === t.k);
      case "Semaphore": return o.count! > 0;
      case "Thread": return !this.alive[o.thread!.p][o.thread!.k];
      case "Process": return false; // every process lives until the program's end
      default: return false;
    }
  }

  /** Takes the signal; true when it was an abandoned mutex. */
  satisfy(o: Obj, t: Tid): boolean {
    switch (o.type) {
      case "Event": case "Timer": if (!o.manual) o.signaled = false; return false;
      case "Semaphore": o.count!--; return false;
      case "Mutant": {
        if (o.count === 0) o.owner = { ...t };
        o.count!++;
        const was = !!o.abandoned;
        o.abandoned = false;
        return was;
      }
      default: return false;
    }
  }

  private waitable(o: Obj): boolean { return o.type !== "Directory" && o.type !== "SymbolicLink"; }

  wait1(p: number, t: Tid, h: number): Result {
    const l = this.lookup(p, t, h, SYNCHRONIZE, null);
    if ("err" in l) return { ret: WAIT_FAILED, err: l.err, out: [] };
    if (!this.waitable(l.e.obj)) return { ret: WAIT_FAILED, err: ERROR_INVALID_HANDLE, out: [] };
    if (!this.signaled(l.e.obj, t)) return { ret: WAIT_TIMEOUT, err: SENTINEL, out: [] };
    return { ret: this.satisfy(l.e.obj, t) ? WAIT_ABANDONED_0 : WAIT_OBJECT_0, err: SENTINEL, out: [] };
  }

  /** WaitForMultipleObjects(count, handles, all, 0); `handles` null when the array cannot be read. */
  waitN(p: number, t: Tid, count: number, handles: number[] | null, all: boolean): Result {
    const fail = (err: number): Result => ({ ret: WAIT_FAILED, err, out: [] });
    if (count === 0 || count > 64) return fail(ERROR_INVALID_PARAMETER);
    if (!handles) return fail(ERROR_NOACCESS);
    const objs: Obj[] = [];
    let first = -1;
    for (let i = 0; i < count; i++) {
      const l = this.lookup(p, t, handles[i], SYNCHRONIZE, null, false);
      if ("err" in l) return fail(l.err);
      const o = l.e.obj;
      if (!this.waitable(o)) return fail(ERROR_INVALID_HANDLE);
      if (all && objs.includes(o)) return fail(ERROR_INVALID_PARAMETER); // STATUS_INVALID_PARAMETER_MIX: an object twice
      if (!all && first < 0 && this.signaled(o, t)) first = i;
      objs.push(o);
    }
    if (!all) {
      if (first < 0) return { ret: WAIT_TIMEOUT, err: SENTINEL, out: [] };
      return { ret: (this.satisfy(objs[first], t) ? WAIT_ABANDONED_0 : WAIT_OBJECT_0) + first, err: SENTINEL, out: [] };
    }
    if (!objs.every((o) => this.signaled(o, t))) return { ret: WAIT_TIMEOUT, err: SENTINEL, out: [] };
    let abandoned = false;
    for (const o of objs) if (this.satisfy(o, t)) abandoned = true;
    return { ret: abandoned ? WAIT_ABANDONED_0 : WAIT_OBJECT_0, err: SENTINEL, out: [] };
  }

  signalAndWait(p: number, t: Tid, sig: number, wait: number): Result {
    const fail = (err: number): Result => ({ ret: WAIT_FAILED, err, out: [] });
    const s = this.lookup(p, t, sig, 0, null);
    if ("err" in s) return fail(s.err);
    const w = this.lookup(p, t, wait, SYNCHRONIZE, null);
    if ("err" in w) return fail(w.err);
    if (!this.waitable(w.e.obj)) return fail(ERROR_INVALID_HANDLE);
    const o = s.e.obj;
    switch (o.type) {
      case "Event":
        if (!(s.e.access & EVENT_MODIFY_STATE)) return fail(ERROR_ACCESS_DENIED);
        o.signaled = true;
        break;
      case "Mutant":
        if (o.count === 0 || o.owner!.p !== t.p || o.owner!.k !== t.k) return fail(ERROR_NOT_OWNER);
        if (--o.count! === 0) o.owner = undefined;
        break;
      case "Semaphore":
        if (!(s.e.access & SEMAPHORE_MODIFY_STATE)) return fail(ERROR_ACCESS_DENIED);
        if (o.count! + 1 > o.max!) return fail(ERROR_TOO_MANY_POSTS);
        o.count!++;
        break;
      default: return fail(ERROR_INVALID_HANDLE);
    }
    const wo = w.e.obj;
    if (!this.signaled(wo, t)) return { ret: WAIT_TIMEOUT, err: SENTINEL, out: [] };
    return { ret: this.satisfy(wo, t) ? WAIT_ABANDONED_0 : WAIT_OBJECT_0, err: SENTINEL, out: [] };
  }

  // ---------- threads ----------

  /** Thread `t` ends: the mutexes it owns are abandoned (the next wait gets WAIT_ABANDONED and owns it). */
  exitThread(t: Tid): void {
    this.alive[t.p][t.k] = false;
    for (const o of this.allObjects()) {
      if (o.type === "Mutant" && o.count! > 0 && o.owner!.p === t.p && o.owner!.k === t.k) {
        o.count = 0;
        o.owner = undefined;
        o.abandoned = true;
      }
    }
  }

  /** Every object some handle or name still reaches. */
  allObjects(): Set<Obj> {
    const s = new Set<Obj>();
    for (const t of this.tables) for (const e of t.entries) if (e) s.add(e.obj);
    return s;
  }

  // ---------- the calls ----------

  eventOp(p: number, t: Tid, h: number, op: "set" | "reset" | "pulse"): Result {
    const l = this.lookup(p, t, h, EVENT_MODIFY_STATE, "Event");
    if ("err" in l) return { ret: 0, err: l.err, out: [] };
    l.e.obj.signaled = op === "set"; // a pulse releases the waiters there are (none: every wait here has a timeout of 0)
    return { ret: 1, err: SENTINEL, out: [] };
  }

  releaseMutex(p: number, t: Tid, h: number): Result {
    const l = this.lookup(p, t, h, 0, "Mutant");
    if ("err" in l) return { ret: 0, err: l.err, out: [] };
    const o = l.e.obj;
    if (o.count === 0 || o.owner!.p !== t.p || o.owner!.k !== t.k) return { ret: 0, err: ERROR_NOT_OWNER, out: [] };
    if (--o.count! === 0) o.owner = undefined;
    return { ret: 1, err: SENTINEL, out: [] };
  }

  /** ReleaseSemaphore; `prevOk`: lpPreviousCount is NULL or writable (else ERROR_NOACCESS and nothing released). */
  releaseSemaphore(p: number, t: Tid, h: number, n: number, prev: "null" | "ok" | "bad"): Result {
    const out = [SENTINEL];
    if (prev === "bad") return { ret: 0, err: ERROR_NOACCESS, out };
    n |= 0;
    if (n <= 0) return { ret: 0, err: ERROR_INVALID_PARAMETER, out };
    const l = this.lookup(p, t, h, SEMAPHORE_MODIFY_STATE, "Semaphore");
    if ("err" in l) return { ret: 0, err: l.err, out };
    const o = l.e.obj;
    if (o.count! + n > o.max!) return { ret: 0, err: ERROR_TOO_MANY_POSTS, out };
    const before = o.count!;
    o.count! += n;
    return { ret: 1, err: SENTINEL, out: [prev === "ok" ? before : SENTINEL] };
  }

  /** SetWaitableTimer with no completion routine; `due` null: lpDueTime unreadable. A due time in the past fires at once. */
  setTimer(p: number, t: Tid, h: number, due: bigint | null, period: number): Result {
    if (due === null) return { ret: 0, err: ERROR_NOACCESS, out: [] };
    if ((period | 0) < 0) return { ret: 0, err: ERROR_INVALID_PARAMETER, out: [] };
    const l = this.lookup(p, t, h, TIMER_MODIFY_STATE, "Timer");
    if ("err" in l) return { ret: 0, err: l.err, out: [] };
    const o = l.e.obj;
    const past = due >= 0n && due < PAST_LIMIT; // absolute times before 2000; relative ones (negative) are the future here
    o.signaled = past;
    o.armed = !past || period !== 0;
    return { ret: 1, err: SENTINEL, out: [] };
  }

  cancelTimer(p: number, t: Tid, h: number): Result {
    const l = this.lookup(p, t, h, TIMER_MODIFY_STATE, "Timer");
    if ("err" in l) return { ret: 0, err: l.err, out: [] };
    l.e.obj.armed = false; // the signaled state stays
    return { ret: 1, err: SENTINEL, out: [] };
  }

  close(p: number, h: number): Result {
    h >>>= 0;
    if (h === 0xffffffff || h === 0xfffffffe) return { ret: 1, err: SENTINEL, out: [] };
    const e = this.tables[p].get(h);
    if (!e) return { ret: 0, err: ERROR_INVALID_HANDLE, out: [] };
    if (e.flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) return { ret: 0, err: ERROR_INVALID_HANDLE, out: [] }; // STATUS_HANDLE_NOT_CLOSABLE
    this.closeEntry(p, h);
    return { ret: 1, err: SENTINEL, out: [] };
  }

  /**
   * DuplicateHandle. `target`: lpTargetHandle is NULL (the handle is made all the same), writable, or not (ERROR_NOACCESS,
   * nothing done). DUPLICATE_CLOSE_SOURCE closes the source "regardless of any error status returned" (Microsoft's
   * documentation; Wine's server closes it "no matter what happened") once the source process is known.
   */
  dup(p: number, t: Tid, srcProc: number, src: number, dstProc: number, target: "null" | "ok" | "bad", access: number, inherit: boolean, options: number): Result {
    if (target === "bad") return { ret: 0, err: ERROR_NOACCESS, out: [SENTINEL] };
    const zero = target === "ok" ? 0 : SENTINEL;
    const sp = this.lookup(p, t, srcProc, PROCESS_DUP_HANDLE, "Process");
    if ("err" in sp) return { ret: 0, err: sp.err, out: [zero] };
    const sproc = sp.e.obj.proc!;
    const closeSource = () => {
      if (!(options & DUPLICATE_CLOSE_SOURCE)) return;
      const s = src >>> 0;
      if (s === 0xffffffff || s === 0xfffffffe) return;
      const e = this.tables[sproc].get(s);
      if (e && !(e.flags & HANDLE_FLAG_PROTECT_FROM_CLOSE)) this.closeEntry(sproc, s);
    };
    const dp = this.lookup(p, t, dstProc, PROCESS_DUP_HANDLE, "Process");
    if ("err" in dp) { closeSource(); return { ret: 0, err: dp.err, out: [zero] }; }
    const dproc = dp.e.obj.proc!;
    let e: Entry | null;
    const self = sproc === p;
    if (self && (src >>> 0) === 0xffffffff) e = { obj: this.procs[p], access: PROCESS_ALL_ACCESS, flags: 0 };
    else if (self && (src >>> 0) === 0xfffffffe) e = { obj: this.threads[t.p][t.k], access: THREAD_ALL_ACCESS, flags: 0 };
    else e = this.tables[sproc].get(src);
    if (!e) return { ret: 0, err: ERROR_INVALID_HANDLE, out: [zero] };
    const o = e.obj;
    const srcAccess = e.access;
    o.handles++; // held open across closing the source: its name stays
    closeSource();
    const g = options & DUPLICATE_SAME_ACCESS ? srcAccess : mapGeneric(o.type, access);
    const h = this.tables[dproc].insert({ obj: o, access: g, flags: inherit ? HANDLE_FLAG_INHERIT : 0 });
    o.handles--;
    return { ret: 1, err: SENTINEL, out: [target === "ok" ? h : SENTINEL] };
  }

  getInfo(p: number, h: number, out: "null" | "ok" | "bad"): Result {
    if (out !== "ok") return { ret: 0, err: ERROR_NOACCESS, out: [SENTINEL] };
    const e = this.tables[p].get(h);
    if (!e) return { ret: 0, err: ERROR_INVALID_HANDLE, out: [SENTINEL] };
    return { ret: 1, err: SENTINEL, out: [e.flags] };
  }

  setInfo(p: number, h: number, mask: number, flags: number): Result {
    const e = this.tables[p].get(h);
    if (!e) return { ret: 0, err: ERROR_INVALID_HANDLE, out: [] };
    const bits = (mask & 3) >>> 0;
    e.flags = (e.flags & ~bits) | (flags & bits);
    return { ret: 1, err: SENTINEL, out: [] };
  }

  /**
   * NtQueryEvent / NtQueryMutant / NtQuerySemaphore, class 0 (the basic information, 8 bytes). `buf` / `ret`: the
   * buffer and ReturnLength are NULL, writable, not (STATUS_ACCESS_VIOLATION), or ReturnLength is the buffer's
   * second word (written after the information, so it wins). Out: the buffer's first three words, ReturnLength.
   */
  query(p: number, t: Tid, which: 0 | 1 | 2, h: number, len: number, buf: "null" | "ok" | "bad", ret: "null" | "ok" | "bad" | "overlap"): Result {
    const type: Type = which === 0 ? "Event" : which === 1 ? "Mutant" : "Semaphore";
    const none = [SENTINEL, SENTINEL, SENTINEL, ret === "ok" ? SENTINEL : SENTINEL];
    const untouched = (st: number): Result => ({ ret: st, err: SENTINEL, out: buf === "ok" ? none.slice() : [SENTINEL, SENTINEL, SENTINEL, SENTINEL] });
    if (buf === "bad" || ret === "bad") return untouched(STATUS_ACCESS_VIOLATION);
    if ((len >>> 0) !== 8) return untouched(STATUS_INFO_LENGTH_MISMATCH);
    if (buf === "null") return untouched(STATUS_ACCESS_VIOLATION);
    const l = this.lookup(p, t, h, which === 1 ? MUTANT_QUERY_STATE : which === 0 ? EVENT_QUERY_STATE : SEMAPHORE_QUERY_STATE, type);
    if ("err" in l) return untouched(l.st);
    const o = l.e.obj;
    let w0: number, w1: number;
    if (type === "Event") { w0 = o.manual ? 0 : 1; w1 = o.signaled ? 1 : 0; }
    else if (type === "Semaphore") { w0 = o.count!; w1 = o.max!; }
    else {
      w0 = (1 - o.count!) >>> 0;
      const mine = o.count! > 0 && o.owner!.p === t.p && o.owner!.k === t.k;
      w1 = (mine ? 1 : 0) | (o.abandoned ? 0x100 : 0);
    }
    const out = [w0 >>> 0, w1 >>> 0, SENTINEL, SENTINEL];
    if (ret === "overlap") out[1] = out[3] = 8; // ReturnLength is the buffer's second word: it is written last
    if (ret === "ok") out[3] = 8;
    return { ret: STATUS_SUCCESS, err: SENTINEL, out };
  }
}

/** FILETIME of 2000-01-01: absolute due times before it are in the past (the fuzzer uses 0..1000 and the far future). */
export const PAST_LIMIT = 125911584000000000n;
