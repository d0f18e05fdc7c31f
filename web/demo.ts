// The demo page (dist/web/, served by `ntwasm serve`): run a bundled example or a dropped guest, show
// its console, and poll Kernel.snapshot() to draw processes, threads, objects, handles and the wait
// graph while it runs. It uses ntwasm/browser exactly as an embedding page would.
import {
  boot, isIsolated, type BrowserKernel, type GuestProcess, type KernelSnapshot, type ObjectInfo, type ThreadSnapshot,
} from "ntwasm/browser";

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
}

const POLL_MS = 150;
const MAX_CONSOLE = 200_000;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hex = (n: number) => "0x" + (n >>> 0).toString(16);

const freshSeen = (): DemoState["seen"] => ({ snapshots: 0, snapshotMs: 0, processes: 0, threads: 0, objects: 0, handles: 0, waits: 0, ownedWaits: 0, names: [] });
const state: DemoState = { ready: false, running: false, runs: 0, output: "", seen: freshSeen() };
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

function objectLabel(o: ObjectInfo | undefined): string {
  if (!o) return "?";
  if (o.name) return `${o.type} "${o.name}"`;
  if (o.type === "Thread") return `Thread ${o.detail[0]}`;
  if (o.type === "Process") return `Process ${o.detail[0]}`;
  return `${o.type} ${hex(o.id)}`;
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

/** "main" for each process's first thread. */
function threadNames(s: KernelSnapshot): Map<number, string> {
  const names = new Map<number, string>();
  const first = new Map<number, number>();
  for (const t of s.threads) first.set(t.pid, Math.min(first.get(t.pid) ?? Infinity, t.tid));
  for (const t of s.threads) names.set(t.tid, `thread ${t.tid}${first.get(t.pid) === t.tid ? " (main)" : ""}`);
  return names;
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

function renderGraph(s: KernelSnapshot, names: Map<number, string>): void {
  const edges = s.waits;
  if (!edges.length) {
    $("graph").innerHTML = `<p class="empty">nobody is waiting</p>`;
    $("edges").innerHTML = "";
    return;
  }
  // Threads (waiters and owners) on the left, the objects they wait on on the right.
  const threads = [...new Set(edges.flatMap((e) => (e.owner ? [e.thread, e.owner] : [e.thread])))].sort((a, b) => a - b);
  const objects = [...new Set(edges.map((e) => e.object))];
  const rowH = 26, top = 8, boxH = 20, tx = 4, tw = 150, ox = 330, ow = 250;
  const ty = (tid: number) => top + threads.indexOf(tid) * rowH;
  const oy = (id: number) => top + objects.indexOf(id) * rowH;
  const height = top + Math.max(threads.length, objects.length) * rowH;
  // A deadlock (Kernel.snapshot's cycles, from the kernel's wait chains): its threads and edges in bold red.
  const cycleOf = new Map<number, number>();
  s.cycles.forEach((c, i) => { for (const tid of c) cycleOf.set(tid, i); });
  const inCycle = (e: { thread: number; owner?: number }) =>
    e.owner !== undefined && cycleOf.has(e.thread) && cycleOf.get(e.thread) === cycleOf.get(e.owner);
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${ox + ow + 4}" height="${height}" font-size="11" font-family="ui-monospace, DejaVu Sans Mono, monospace">
<defs><marker id="aw" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#d9442b"/></marker>
<marker id="ao" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#2b8a3e"/></marker></defs>`;
  for (const e of edges) {
    const y1 = ty(e.thread) + boxH / 2, y2 = oy(e.object) + boxH / 2;
    const cyc = inCycle(e);
    svg += `<path class="wait-edge${cyc ? " cycle-edge" : ""}" d="M${tx + tw},${y1} C${tx + tw + 80},${y1} ${ox - 80},${y2} ${ox},${y2}" stroke="#d9442b" stroke-width="${cyc ? 3.5 : 1.5}" fill="none" marker-end="url(#aw)"/>`;
    if (e.owner) {
      const y3 = ty(e.owner) + boxH / 2;
      svg += `<path class="owner-edge${cyc ? " cycle-edge" : ""}" d="M${ox},${y2 + 4} C${ox - 110},${y2 + 30} ${tx + tw + 110},${y3 + 30} ${tx + tw},${y3 + 4}" stroke="${cyc ? "#d9442b" : "#2b8a3e"}" stroke-width="${cyc ? 3.5 : 1.5}" stroke-dasharray="5 3" fill="none" marker-end="url(#ao)"/>`;
    }
  }
  for (const tid of threads) {
    const cyc = cycleOf.has(tid);
    svg += `<g${cyc ? ` class="cycle-thread"` : ""}><rect x="${tx}" y="${ty(tid)}" width="${tw}" height="${boxH}" rx="4" fill="${cyc ? "#ffe3de" : "#eef3ff"}" stroke="${cyc ? "#d9442b" : "#2b5fd9"}" stroke-width="${cyc ? 2.5 : 1}"/>` +
      `<text x="${tx + 6}" y="${ty(tid) + 14}">${esc(names.get(tid) ?? `thread ${tid}`)}</text></g>`;
  }
  for (const id of objects) {
    const o = s.objects.get(id);
    svg += `<g><rect x="${ox}" y="${oy(id)}" width="${ow}" height="${boxH}" rx="4" fill="${o?.signaled ? "#e9f7ec" : "#fff4f2"}" stroke="#8a93a6"/>` +
      `<text x="${ox + 6}" y="${oy(id) + 14}">${esc(objectLabel(o).slice(0, 36))}</text></g>`;
  }
  svg += "</svg>";
  $("graph").innerHTML = svg;
  const label = (tid: number) => esc(names.get(tid) ?? `thread ${tid}`);
  $("edges").innerHTML = s.cycles.map((c) => `<li class="cycle">deadlock: ${c.map(label).join(" → ")} → ${label(c[0])}</li>`).join("") +
    edges.map((e) => `<li${inCycle(e) ? ` class="cycle"` : ""}>${esc(names.get(e.thread) ?? String(e.thread))} waits for ${esc(objectLabel(s.objects.get(e.object)))}` +
    (e.owner ? ` — owned by ${esc(names.get(e.owner) ?? String(e.owner))}` : "") + `</li>`).join("");
}

function render(s: KernelSnapshot, live: boolean): void {
  const names = threadNames(s);
  const handles = s.processes.reduce((n, p) => n + p.handles.length, 0);
  const alive = s.threads.filter((t) => !t.exited).length;
  let mem = "";
  if (kernel) {
    const m = kernel.memoryStats();
    mem = ` · kernel heap ${(m.bytesInUse / 1024).toFixed(1)} KiB in use`;
  }
  $("summary").textContent = `${s.processes.length} processes · ${alive} threads · ${s.objects.size} objects · ${handles} handles · ${s.waits.length} waits${mem}`;
  $("live").textContent = live ? "live, every 150 ms" : "the program ended: last picture taken while it ran";
  renderGraph(s, names);
  const threadsOf = (pid: number) => s.threads.filter((t) => t.pid === pid && !t.exited).length;
  table("processes", ["pid", "state", "threads", "handles"], s.processes.map((p) => ({
    cells: [String(p.pid), p.exited ? `exited (${p.exitCode})` : "running", String(threadsOf(p.pid)), String(p.handles.length)],
    cls: p.exited ? "exited" : undefined,
  })), "no processes");
  table("threads", ["tid", "pid", "state", "waits for", "owns"], s.threads.map((t) => ({
    cells: [esc(names.get(t.tid) ?? String(t.tid)), String(t.pid), threadState(t),
      esc(t.waitingOn.map((id) => objectLabel(s.objects.get(id))).join(t.waitAll ? " + " : " | ")),
      esc(t.ownedMutexes.map((id) => objectLabel(s.objects.get(id))).join(", "))],
    cls: t.exited ? "exited" : t.waitingOn.length ? "waiting" : undefined,
  })), "no threads");
  const objects = [...s.objects.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.id - b.id);
  table("objects", ["type", "name", "signaled", "state", "handles", "refs"], objects.map((o) => ({
    cells: [o.type, esc(o.name), o.signaled ? "yes" : "no", esc(objectState(o)), String(o.handles), String(o.refs)],
  })), "no objects");
  table("handles", ["pid", "handle", "access", "object"], s.processes.flatMap((p) => p.handles.map((h) => ({
    cells: [String(p.pid), hex(h.value), hex(h.access), esc(objectLabel(s.objects.get(h.object)))],
  }))), "no handles");
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
