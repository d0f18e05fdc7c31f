// The demo page (dist/web/, served by `ntwasm serve`): run a bundled example or a dropped guest, show
// its console, and poll Kernel.snapshot() to draw processes, threads, objects, handles and the wait
// graph while it runs. It uses ntwasm/browser exactly as an embedding page would.
import {
  abi, boot, isIsolated, type BrowserKernel, type GuestProcess, type KernelSnapshot, type ObjectInfo, type ThreadSnapshot,
} from "ntwasm/browser";
import { layoutGraph, renderSvg, type GraphEdge, type GraphNode } from "./graph.ts";

interface Example { file: string; title: string; description: string }

/** What the page has seen, for people poking at it and for test/browser/demo.test.mjs. */
interface DemoState {
  ready: boolean;
  error?: string;
  running: boolean;
  runs: number;
  exit?: { code: number; crash?: string };
  output: string;
  /** Per run: the largest numbers any one snapshot showed. */
  seen: { snapshots: number; /** Longest kernel.snapshot() call, ms. */ snapshotMs: number; processes: number; threads: number; objects: number; handles: number; waits: number; ownedWaits: number; names: string[] };
  /**
   * The wait graph: boxes and edges in the last picture, its size (px at 100%), and the layouts so far:
   * pictures laid out, components laid out or found in the cache, the time of the last layout, of the
   * last one and the longest one that laid a component out (ms), and how often the SVG changed.
   */
  graph: {
    nodes: number; edges: number; width: number; height: number; layouts: number; computed: number; cached: number;
    lastMs: number; lastComputedMs: number; maxMs: number; renders: number;
  };
}

const POLL_MS = 150;
const MAX_CONSOLE = 200_000;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hex = (n: number) => "0x" + (n >>> 0).toString(16);

const freshSeen = (): DemoState["seen"] => ({ snapshots: 0, snapshotMs: 0, processes: 0, threads: 0, objects: 0, handles: 0, waits: 0, ownedWaits: 0, names: [] });
const state: DemoState = {
  ready: false, running: false, runs: 0, output: "", seen: freshSeen(),
  graph: { nodes: 0, edges: 0, width: 0, height: 0, layouts: 0, computed: 0, cached: 0, lastMs: 0, lastComputedMs: 0, maxMs: 0, renders: 0 },
};
(window as unknown as { ntwasmDemo: DemoState }).ntwasmDemo = state;

let kernel: BrowserKernel | undefined;
let current: GuestProcess | undefined;
let dropped: File | undefined;
let examples: Example[] = [];
/** The last picture that had live threads: kept on screen after the program ends. */
let lastLive: KernelSnapshot | undefined;

// ---------------------------------------------------------------- console

function print(text: string, cls?: "err" | "sys"): void {
  state.output += cls === "sys" ? "" : text;
  const pre = $("console");
  const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  const span = document.createElement("span");
  if (cls) span.className = cls;
  span.textContent = text;
  pre.append(span);
  while ((pre.textContent?.length ?? 0) > MAX_CONSOLE && pre.firstChild) pre.firstChild.remove();
  if (atEnd) pre.scrollTop = pre.scrollHeight;
}

// ---------------------------------------------------------------- live view

/** One snapshot with what the page derives from it. */
interface View {
  s: KernelSnapshot;
  /** "thread 44 (main)" for every thread id. */
  names: Map<number, string>;
  /** The handles that reach each object, from every process's handle table. */
  handles: Map<number, { pid: number; value: number }[]>;
  /** More than one process: thread and handle labels say which. */
  multi: boolean;
}

function viewOf(s: KernelSnapshot): View {
  const mains = new Set(s.processes.map((p) => p.mainTid));
  const names = new Map<number, string>();
  for (const t of s.threads) names.set(t.tid, `thread ${t.tid}${mains.has(t.tid) ? " (main)" : t.ioWorker ? " (I/O)" : ""}`);
  const handles = new Map<number, { pid: number; value: number }[]>();
  for (const p of s.processes) {
    for (const h of p.handles) {
      let list = handles.get(h.object);
      if (!list) handles.set(h.object, list = []);
      list.push({ pid: p.pid, value: h.value });
    }
  }
  return { s, names, handles, multi: s.processes.length > 1 };
}

const threadLabel = (v: View, tid: number) => v.names.get(tid) ?? `thread ${tid}`;

/** The handle values that reach an object: "0x14, 0x2c", with the pid when several processes are about ("0x14 (pid 36), 0x8 (pid 40)"). */
function handleList(v: View, hs: { pid: number; value: number }[]): string {
  const MAX = 3;
  const shown = hs.slice(0, MAX);
  let text: string;
  if (!v.multi) text = shown.map((h) => hex(h.value)).join(", ");
  else {
    const byPid = new Map<number, number[]>();
    for (const h of shown) byPid.set(h.pid, [...(byPid.get(h.pid) ?? []), h.value]);
    text = [...byPid].map(([pid, values]) => `${values.map(hex).join(", ")} (pid ${pid})`).join(", ");
  }
  return hs.length > MAX ? `${text} +${hs.length - MAX}` : text;
}

/** An object by its name; an unnamed one by the handle values that reach it (a thread or process by its id). */
function objectLabel(v: View, id: number): string {
  const o = v.s.objects.get(id);
  if (!o) return "?";
  if (o.name) return `${o.type} "${o.name}"`;
  if (o.type === "Thread") return `Thread ${o.detail[0]}`;
  if (o.type === "Process") return `Process ${o.detail[0]}`;
  const hs = v.handles.get(id);
  return hs?.length ? `${o.type} ${handleList(v, hs)}` : `${o.type} @${hex(o.id)}`;
}

function objectState(o: ObjectInfo): string {
  const [a, b] = o.detail;
  switch (o.type) {
    case "Event": return `${a ? "manual" : "auto"}, ${b ? "set" : "reset"}`;
    case "Mutant": return a ? `owned by thread ${a}${b > 1 ? ` (×${b})` : ""}` : "free";
    case "Semaphore": return `count ${a} of ${b}`;
    case "Thread": return `tid ${a}, ${b === 1 ? "exited" : "alive"}`;
    case "Process": return `pid ${a}`;
    case "Timer": return `${a ? "manual" : "auto"}, ${b ? "armed" : "idle"}`;
    case "Console": return b ? `${b} bytes waiting` : "";
    default: return "";
  }
}

// Access masks by name, per object type, from the generated ABI's tables (abi/trace.ts's sets, the
// ones --trace uses): the type's specific rights first (EVENT_ALL_ACCESS, EVENT_MODIFY_STATE…), then
// GENERIC_*, SYNCHRONIZE and the other standard rights.
const ACCESS_SET_OF: Record<string, string> = {
  Event: "EVENT_ACCESS", Mutant: "MUTANT_ACCESS", Semaphore: "SEMAPHORE_ACCESS", Timer: "TIMER_ACCESS",
  Process: "PROCESS_ACCESS", Thread: "THREAD_ACCESS", File: "FILE_ACCESS", NamedPipe: "FILE_ACCESS", Console: "FILE_ACCESS",
  Directory: "DIRECTORY_ACCESS", SymbolicLink: "SYMLINK_ACCESS", KeyedEvent: "KEYEDEVENT_ACCESS", IoCompletion: "IO_COMPLETION_ACCESS",
};
const SERVICE_ACCESS: Record<string, [number, string][]> = {
  Service: [[abi.SVC_ALL_ACCESS, "SVC_ALL_ACCESS"], [abi.SVC_ACCEPT, "SVC_ACCEPT"], [abi.SVC_CONNECT, "SVC_CONNECT"]],
  ServiceRequest: [[abi.SVC_REQUEST_ALL_ACCESS, "SVC_REQUEST_ALL_ACCESS"], [abi.SVC_REQUEST_SERVE, "SVC_REQUEST_SERVE"], [abi.SVC_REQUEST_FINISH, "SVC_REQUEST_FINISH"]],
};

/** "EVENT_ALL_ACCESS", "EVENT_MODIFY_STATE|SYNCHRONIZE", "GENERIC_READ|GENERIC_WRITE"; bits without a name in hex. */
function accessNames(type: string, mask: number): string {
  const sets = abi.TRACE_SETS;
  const pairs = sets[ACCESS_SET_OF[type]] ?? [...(SERVICE_ACCESS[type] ?? []), ...sets.ACCESS];
  const m = mask >>> 0;
  if (m === 0) return "0";
  for (const [x, n] of pairs) if (x === m) return n;
  let left = m;
  const names: string[] = [];
  for (const [x, n] of pairs) {
    if (x === 0 || ((m & x) >>> 0) !== x || !(left & x)) continue;
    names.push(n);
    left = (left & ~x) >>> 0;
  }
  if (left) names.push(hex(left));
  return names.join("|");
}

function table(id: string, head: string[], rows: { cells: string[]; cls?: string }[], empty: string): void {
  const body = rows.length
    ? rows.map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ""}>${r.cells.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")
    : `<tr><td class="none" colspan="${head.length}">${esc(empty)}</td></tr>`;
  $(id).innerHTML = `<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody>`;
}

function threadState(t: ThreadSnapshot): string {
  if (t.exited) return `exited (${t.exitCode})`;
  if (t.suspendCount) return `suspended (${t.suspendCount})`;
  if (t.waitingOn.length) return t.waitAll && t.waitingOn.length > 1 ? "waiting (all)" : "waiting";
  return "running";
}

/**
 * The wait graph's boxes and edges: every thread that waits, the objects it waits on, the threads those
 * depend on (a mutex's owner, the thread a thread handle waits for) and the mutexes those threads own.
 * A deadlock (KernelSnapshot.cycles, from the kernel's wait chains): its threads, objects and edges in red.
 */
function graphModel(v: View): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { s } = v;
  const threads = new Map(s.threads.map((t) => [t.tid, t]));
  const ownerOf = (id: number): number | undefined => {
    const o = s.objects.get(id);
    if (o?.type === "Mutant" && o.detail[0]) return o.detail[0];
    if (o?.type === "Thread" && o.detail[1] !== 1 && threads.has(o.detail[0]) && !threads.get(o.detail[0])!.exited) return o.detail[0];
    return undefined;
  };
  const tids = new Set<number>(), objects = new Set<number>();
  const waits: [number, number][] = [];
  for (const t of [...s.threads].sort((a, b) => a.tid - b.tid)) {
    if (t.exited || !t.waitingOn.length) continue;
    tids.add(t.tid);
    for (const id of new Set(t.waitingOn)) { objects.add(id); waits.push([t.tid, id]); }
  }
  for (const id of objects) { const owner = ownerOf(id); if (owner !== undefined) tids.add(owner); }
  for (const tid of [...tids].sort((a, b) => a - b)) for (const id of threads.get(tid)?.ownedMutexes ?? []) objects.add(id);
  // Cycle steps: thread c[i] waits for something that c[i + 1] owns.
  const next = new Map<number, Set<number>>();
  for (const c of s.cycles) c.forEach((tid, i) => {
    if (!next.has(tid)) next.set(tid, new Set());
    next.get(tid)!.add(c[(i + 1) % c.length]);
  });
  const cycleWait = (tid: number, id: number) => { const o = ownerOf(id); return o !== undefined && !!next.get(tid)?.has(o); };
  const cycleObjects = new Set(waits.filter(([t, o]) => cycleWait(t, o)).map(([, o]) => o));
  const cycleThreads = new Set(s.cycles.flat());
  const edges: GraphEdge[] = waits.map(([tid, id]) => ({ from: `t${tid}`, to: `o${id}`, kind: "wait", cycle: cycleWait(tid, id) }));
  for (const id of objects) {
    const owner = ownerOf(id);
    if (owner !== undefined && tids.has(owner)) edges.push({ from: `o${id}`, to: `t${owner}`, kind: "owner", cycle: cycleObjects.has(id) });
  }
  const nodes: GraphNode[] = [];
  for (const tid of [...tids].sort((a, b) => a - b)) {
    const t = threads.get(tid), cyc = cycleThreads.has(tid);
    nodes.push({
      id: `t${tid}`, title: threadLabel(v, tid), detail: t ? threadState(t) + (v.multi ? ` · pid ${t.pid}` : "") : "",
      cls: `node thread-node${cyc ? " cycle-thread" : ""}`, data: { tid },
      fill: cyc ? "#ffe3de" : t?.waitingOn.length ? "#eef3ff" : "#f7f9ff", stroke: cyc ? "#b3261e" : "#2b5fd9", strokeWidth: cyc ? 2.5 : 1,
    });
  }
  for (const id of objects) {
    const o = s.objects.get(id), cyc = cycleObjects.has(id);
    nodes.push({
      id: `o${id}`, title: objectLabel(v, id), detail: o ? objectState(o) : "",
      cls: `node object-node${cyc ? " cycle-object" : ""}`, data: { object: hex(id), type: o?.type ?? "?" },
      fill: o?.signaled ? "#e9f7ec" : "#fff4f2", stroke: cyc ? "#b3261e" : "#8a93a6", strokeWidth: cyc ? 2.5 : 1,
    });
  }
  return { nodes, edges };
}

/**
 * The graph's zoom: a scale; "fit": all of it in view; "width": its width in view, but never below 60% (text
 * stays readable: the box scrolls instead). The layout packs the graph into the box's width where it can,
 * so "width" (the default) is mostly 100%.
 */
type Zoom = number | "fit" | "width";
let zoom: Zoom = "width";
let lastSvg = "";

function currentScale(): number {
  const box = $("graph");
  const svg = box.querySelector("svg");
  if (!svg) return 1;
  if (typeof zoom === "number") return zoom;
  const vb = svg.viewBox.baseVal, w = (box.clientWidth - 2) / vb.width;
  if (zoom === "width") return Math.min(1, Math.max(0.6, w));
  const maxH = parseFloat(getComputedStyle(box).maxHeight) || 600;
  return Math.min(1, w, (maxH - 2) / vb.height);
}

function applyZoom(): void {
  const svg = $("graph").querySelector("svg");
  if (!svg) return;
  const scale = currentScale(), vb = svg.viewBox.baseVal;
  svg.setAttribute("width", String(Math.round(vb.width * scale)));
  svg.setAttribute("height", String(Math.round(vb.height * scale)));
  $("zoom-level").textContent = `${Math.round(scale * 100)}%`;
}

function setZoom(z: Zoom): void {
  zoom = typeof z === "number" ? Math.min(3, Math.max(0.2, z)) : z;
  applyZoom();
}

function renderGraph(v: View): void {
  const box = $("graph");
  const { nodes, edges } = graphModel(v);
  state.graph.nodes = nodes.length;
  state.graph.edges = edges.length;
  if (!nodes.length) {
    if (lastSvg !== "empty") box.innerHTML = `<p class="empty">nobody is waiting</p>`;
    lastSvg = "empty";
    $("edges").innerHTML = "";
    $("zoom-level").textContent = "";
    return;
  }
  // Laid out to the box's width (scrollbar-gutter keeps it the same with or without a scrollbar).
  const { layout, stats } = layoutGraph(nodes, edges, box.clientWidth || 800);
  const g = state.graph;
  g.layouts++;
  g.computed += stats.computed;
  g.cached += stats.cached;
  g.lastMs = stats.ms;
  if (stats.computed) { g.lastComputedMs = stats.ms; g.maxMs = Math.max(g.maxMs, stats.ms); }
  g.width = layout.width;
  g.height = layout.height;
  const svg = renderSvg(nodes, edges, layout);
  if (svg !== lastSvg) {
    box.innerHTML = svg;
    lastSvg = svg;
    g.renders++;
  }
  applyZoom();
  const { s } = v;
  const waits = edges.filter((e) => e.kind === "wait");
  const ownerEdge = new Map(edges.filter((e) => e.kind === "owner").map((e) => [e.from, e.to]));
  $("edges").innerHTML = s.cycles.map((c) => `<li class="cycle">deadlock: ${c.map((t) => esc(threadLabel(v, t))).join(" → ")} → ${esc(threadLabel(v, c[0]))}</li>`).join("") +
    waits.map((e) => {
      const tid = Number(e.from.slice(1)), id = Number(e.to.slice(1)), owner = ownerEdge.get(e.to);
      return `<li${e.cycle ? ` class="cycle"` : ""}>${esc(threadLabel(v, tid))} waits for ${esc(objectLabel(v, id))}` +
        (owner && s.objects.get(id)?.type !== "Thread" ? ` — owned by ${esc(threadLabel(v, Number(owner.slice(1))))}` : "") + `</li>`;
    }).join("");
}

function render(s: KernelSnapshot, live: boolean): void {
  const v = viewOf(s);
  const handles = s.processes.reduce((n, p) => n + p.handles.length, 0);
  const alive = s.threads.filter((t) => !t.exited).length;
  let mem = "";
  if (kernel) {
    const m = kernel.memoryStats();
    mem = ` · kernel heap ${(m.bytesInUse / 1024).toFixed(1)} KiB in use`;
  }
  $("summary").textContent = `${s.processes.length} processes · ${alive} threads · ${s.objects.size} objects · ${handles} handles · ${s.waits.length} waits${mem}`;
  $("live").textContent = live ? "live, every 150 ms" : "the program ended: last picture taken while it ran";
  renderGraph(v);
  const threadsOf = (pid: number) => s.threads.filter((t) => t.pid === pid && !t.exited).length;
  table("processes", ["pid", "state", "threads", "handles"], s.processes.map((p) => ({
    cells: [String(p.pid), p.exited ? `exited (${p.exitCode})` : "running", String(threadsOf(p.pid)), String(p.handles.length)],
    cls: p.exited ? "exited" : undefined,
  })), "no processes");
  table("threads", ["tid", "pid", "state", "waits for", "owns"], s.threads.map((t) => ({
    cells: [esc(threadLabel(v, t.tid)), String(t.pid), threadState(t),
      esc(t.waitingOn.map((id) => objectLabel(v, id)).join(t.waitAll ? " + " : " | ")),
      esc(t.ownedMutexes.map((id) => objectLabel(v, id)).join(", "))],
    cls: t.exited ? "exited" : t.waitingOn.length ? "waiting" : undefined,
  })), "no threads");
  const objects = [...s.objects.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.id - b.id);
  table("objects", ["type", "name (or handles)", "signaled", "state", "handles", "refs"], objects.map((o) => ({
    cells: [o.type, o.name ? esc(o.name) : `<span class="muted">${esc(handleList(v, v.handles.get(o.id) ?? []))}</span>`, o.signaled ? "yes" : "no",
      esc(objectState(o)), String(o.handles), String(o.refs)],
  })), "no objects");
  table("handles", ["pid", "handle", "access", "object"], s.processes.flatMap((p) => p.handles.map((h) => {
    const type = s.objects.get(h.object)?.type ?? "";
    return {
      cells: [String(p.pid), hex(h.value), `<span class="access" title="${hex(h.access)}">${esc(accessNames(type, h.access))}</span> <span class="muted">${hex(h.access)}</span>`,
        esc(objectLabel(v, h.object))],
    };
  })), "no handles");
}

function poll(): void {
  if (!kernel) return;
  let s: KernelSnapshot;
  const t0 = performance.now();
  try { s = kernel.snapshot(); } catch (e) { $("live").textContent = `snapshot failed: ${(e as Error).message}`; return; }
  const ms = performance.now() - t0;
  const alive = s.threads.some((t) => !t.exited);
  if (alive) {
    lastLive = s;
    const seen = state.seen;
    seen.snapshots++;
    seen.snapshotMs = Math.max(seen.snapshotMs, ms);
    seen.processes = Math.max(seen.processes, s.processes.length);
    seen.threads = Math.max(seen.threads, s.threads.filter((t) => !t.exited).length);
    seen.objects = Math.max(seen.objects, s.objects.size);
    seen.handles = Math.max(seen.handles, s.processes.reduce((n, p) => n + p.handles.length, 0));
    seen.waits = Math.max(seen.waits, s.waits.length);
    seen.ownedWaits = Math.max(seen.ownedWaits, s.waits.filter((w) => w.owner).length);
    for (const o of s.objects.values()) if (o.name && !seen.names.includes(o.name)) seen.names.push(o.name);
    render(s, true);
  } else if (lastLive) {
    render(lastLive, false);
  } else {
    render(s, true);
  }
}

// ---------------------------------------------------------------- running programs

function setRunning(running: boolean): void {
  state.running = running;
  $<HTMLButtonElement>("run").disabled = running || !kernel;
  $<HTMLButtonElement>("kill").disabled = !running;
  $<HTMLInputElement>("stdin").disabled = !running;
  $<HTMLButtonElement>("eof").disabled = !running;
}

async function run(): Promise<void> {
  if (!kernel || state.running) return;
  const select = $<HTMLSelectElement>("example");
  let bytes: Uint8Array, name: string;
  setRunning(true);
  state.runs++;
  state.exit = undefined;
  state.output = "";
  state.seen = freshSeen();
  lastLive = undefined;
  $("console").textContent = "";
  $("exit").textContent = "running";
  try {
    if (select.value === "dropped" && dropped) {
      bytes = new Uint8Array(await dropped.arrayBuffer());
      name = dropped.name;
    } else {
      const r = await fetch(`examples/${select.value}`);
      if (!r.ok) throw new Error(`examples/${select.value}: HTTP ${r.status}`);
      bytes = new Uint8Array(await r.arrayBuffer());
      name = select.value;
    }
    // C:\<name>: a program that starts itself again (CreateProcessW) finds itself there.
    kernel.addFile(name, bytes);
    const args = [name, ...$<HTMLInputElement>("args").value.split(/\s+/).filter(Boolean)];
    print(`> ${args.join(" ")}\n`, "sys");
    const p = await kernel.spawn(bytes, { args, stdout: (t) => print(t), stderr: (t) => print(t, "err") });
    current = p;
    print(`(process ${p.pid} started)\n`, "sys");
    const exit = await p.exited;
    state.exit = exit;
    print(`(process ${p.pid} exited with code ${exit.code}${exit.crash ? `: ${exit.crash}` : ""})\n`, "sys");
    $("exit").textContent = `exit code ${exit.code}`;
    if (exit.kernelFault) { // the kernel itself failed (docs/debugging.md): nothing more runs on it
      print(`ntwasm: ${exit.kernelFault}; every process of the kernel has ended. Reload the page for a new kernel.\n`, "err");
      $("exit").textContent = "kernel fault";
      const status = $("status");
      status.textContent = "kernel failed · reload the page";
      status.className = "status bad";
    }
  } catch (e) {
    print(`${(e as Error).message}\n`, "err");
    state.exit = { code: -1, crash: (e as Error).message };
    $("exit").textContent = "failed to start";
  } finally {
    current = undefined;
    setRunning(false);
    poll();
  }
}

function describe(): void {
  const select = $<HTMLSelectElement>("example");
  const ex = examples.find((e) => e.file === select.value);
  $("description").textContent = ex ? ex.description : dropped ? `${dropped.name} (${dropped.size} bytes), dropped here` : "";
}

function useDropped(file: File): void {
  dropped = file;
  const select = $<HTMLSelectElement>("example");
  let opt = select.querySelector<HTMLOptionElement>('option[value="dropped"]');
  if (!opt) { opt = document.createElement("option"); opt.value = "dropped"; select.append(opt); }
  opt.textContent = `Dropped: ${file.name}`;
  select.value = "dropped";
  describe();
  if (!state.running) void run();
}

function wire(): void {
  $("zoom-in").addEventListener("click", () => setZoom(currentScale() * 1.25));
  $("zoom-out").addEventListener("click", () => setZoom(currentScale() / 1.25));
  $("zoom-fit").addEventListener("click", () => setZoom("fit"));
  $("zoom-width").addEventListener("click", () => setZoom("width"));
  $("zoom-reset").addEventListener("click", () => setZoom(1));
  // Ctrl + wheel (a pinch on a touchpad) zooms the graph.
  $("graph").addEventListener("wheel", (e) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    setZoom(currentScale() * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
  }, { passive: false });
  $("run").addEventListener("click", () => void run());
  $("kill").addEventListener("click", () => { current?.kill(1); });
  $("example").addEventListener("change", describe);
  $("stdin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const input = $<HTMLInputElement>("stdin");
    if (!current) return;
    current.writeStdin(input.value + "\n");
    print(input.value + "\n", "sys");
    input.value = "";
  });
  $("eof").addEventListener("click", () => { current?.endStdin(); print("(end of input)\n", "sys"); });
  $<HTMLInputElement>("file").addEventListener("change", (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) useDropped(f);
  });
  const drop = $("drop");
  document.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  document.addEventListener("dragleave", (e) => { if (!e.relatedTarget) drop.classList.remove("over"); });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer?.files[0];
    if (f) useDropped(f);
  });
}

async function main(): Promise<void> {
  wire();
  const status = $("status");
  try {
    examples = await (await fetch("examples.json")).json() as Example[];
    const select = $<HTMLSelectElement>("example");
    for (const ex of examples) {
      const opt = document.createElement("option");
      opt.value = ex.file;
      opt.textContent = ex.title;
      select.append(opt);
    }
    describe();
    kernel = await boot();
    status.textContent = `cross-origin isolated · kernel booted`;
    status.className = "status ok";
    state.ready = true;
    setRunning(false);
    poll();
    setInterval(poll, POLL_MS);
  } catch (e) {
    const message = (e as Error).message;
    state.error = message;
    status.textContent = isIsolated() ? "boot failed" : "not cross-origin isolated";
    status.className = "status bad";
    const box = $("error");
    box.textContent = message;
    box.hidden = false;
  }
}

void main();
