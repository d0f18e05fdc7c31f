// The demo page's wait graph: boxes for threads and objects, edges for "waits for" (thread → object) and
// "owned by" (object → the thread that owns it: a mutex's owner, or the thread a thread handle waits for),
// laid out with dagre (@dagrejs/dagre), a layered ("Sugiyama") layout made for directed graphs like this.
//
// Why dagre and not elkjs: both make layered layouts that keep boxes apart and route edges between the
// layers. dagre is MIT, synchronous and about 65 KB with graphlib (17 KB gzipped) in dist/web/demo.mjs,
// which the npm package ships; elkjs is about 1.5 MB of compiled Java, asynchronous (a worker or a
// promise per layout), and EPL-2.0. ELK's port placement and orthogonal edges are not needed for boxes
// with one or two edges each. dagre's license notice is below, so that it travels with the bundle.
//
// dagre costs about 0.5 ms for a 3-node graph, a few ms for 10-20 nodes and 25-40 ms for 100 nodes in
// one piece, so the graph is cut into its connected components, each laid out on its own (left to
// right, or top to bottom when that is too wide for the view) and cached by its shape (box sizes and
// edges): a snapshot that changed nothing, or only one component, lays out nothing or that component.
// Stars (N threads on one object, one thread on N objects) and chains are placed directly, as dagre
// would place them, without its crossing minimisation: see starShape and chainShape. The components
// are then packed into the view's width, tallest first, each as high up as it fits.
import dagre from "@dagrejs/dagre";

/*! @license The bundle holds @dagrejs/dagre and @dagrejs/graphlib (https://github.com/dagrejs), under the MIT License:

Copyright (c) 2012-2014 Chris Pettitt

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
*/

export interface GraphNode {
  id: string;
  /** Two lines: what it is, and its state. */
  title: string;
  detail: string;
  /** Classes of its <g>: "node thread-node", "node object-node cycle-object"… */
  cls: string;
  /** data-* attributes (data-tid, data-object). */
  data: Record<string, string | number>;
  fill: string;
  stroke: string;
  strokeWidth: number;
}
export interface GraphEdge {
  from: string;
  to: string;
  kind: "wait" | "owner";
  cycle: boolean;
}
interface Point { x: number; y: number }
interface Box { x: number; y: number; w: number; h: number }
/** A component's layout, by position in the component's node and edge lists. */
interface Shape { w: number; h: number; boxes: Box[]; paths: Point[][] }
export interface Layout { width: number; height: number; boxes: Map<string, Box>; paths: Point[][] }
export interface LayoutStats {
  /** Components laid out (by dagre, or directly: stars and chains) / found in the cache, in this layout; its time. */
  computed: number;
  cached: number;
  ms: number;
}

const FONT_PX = 11;
const FONT = `${FONT_PX}px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace`;
const NODE_H = 34, PAD_X = 7, MIN_W = 110, W_STEP = 16, MAX_CHARS = 44;
const GAP = 18; // between packed components
const MARGIN = 6;
const NODESEP = 14, RANKSEP = 42, EDGESEP = 10;

let measureCtx: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** The text's width in the graph's font (canvas measureText; a monospace estimate without a canvas). */
function textWidth(s: string): number {
  let w = widths.get(s);
  if (w !== undefined) return w;
  if (measureCtx === undefined) {
    measureCtx = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    if (measureCtx) measureCtx.font = FONT;
  }
  w = measureCtx ? measureCtx.measureText(s).width : s.length * FONT_PX * 0.62;
  if (widths.size > 5000) widths.clear();
  widths.set(s, w);
  return w;
}

const clip = (s: string) => (s.length > MAX_CHARS ? s.slice(0, MAX_CHARS - 1) + "…" : s);

/** A box wide enough for both lines, in steps of W_STEP so that similar boxes share cached layouts. */
function nodeWidth(n: GraphNode): number {
  const text = Math.max(textWidth(clip(n.title)), textWidth(clip(n.detail)));
  return Math.max(MIN_W, Math.ceil((text + 2 * PAD_X + 2) / W_STEP) * W_STEP);
}

const shapes = new Map<string, Shape>();

function runDagre(ws: number[], edges: [number, number][], rankdir: "LR" | "TB"): Shape {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir, nodesep: NODESEP, ranksep: RANKSEP, edgesep: EDGESEP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  ws.forEach((w, i) => g.setNode(String(i), { width: w, height: NODE_H }));
  edges.forEach(([a, b], i) => g.setEdge(String(a), String(b), {}, String(i)));
  dagre.layout(g);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const grow = (x: number, y: number) => { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); };
  const boxes = ws.map((w, i) => {
    const n = g.node(String(i));
    const b = { x: (n.x ?? 0) - w / 2, y: (n.y ?? 0) - NODE_H / 2, w, h: NODE_H };
    grow(b.x, b.y);
    grow(b.x + w, b.y + NODE_H);
    return b;
  });
  const paths = edges.map(([a, b], i) => {
    const pts = (g.edge({ v: String(a), w: String(b), name: String(i) })?.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
    for (const p of pts) grow(p.x, p.y);
    return pts;
  });
  for (const b of boxes) { b.x -= x0; b.y -= y0; }
  for (const p of paths.flat()) { p.x -= x0; p.y -= y0; }
  return { w: x1 - x0, h: y1 - y0, boxes, paths };
}

/** Where the segment from the middle of box `b` towards point `p` leaves the box. */
function exit(b: Box, p: Point): Point {
  const cx = b.x + b.w / 2, cy = b.y + b.h / 2, dx = p.x - cx, dy = p.y - cy;
  if (!dx && !dy) return { x: cx, y: cy };
  const t = Math.min(dx ? b.w / 2 / Math.abs(dx) : Infinity, dy ? b.h / 2 / Math.abs(dy) : Infinity);
  return { x: cx + dx * t, y: cy + dy * t };
}

/**
 * A star: one box that every edge touches, every other box on one edge (N threads on one semaphore, one
 * thread on N objects, N threads on a mutex and its owner). dagre draws much the same picture (the
 * leaves in a column on each side, the centre between them; here the edges bend around the leaves
 * instead of crossing them) but spends 10-30 ms on its crossing minimisation for
 * 20-50 leaves, and pools of workers make such stars change at every picture. Null when the component
 * is not one.
 */
function starShape(ws: number[], edges: [number, number][]): Shape | null {
  const n = ws.length;
  if (n === 1) return { w: ws[0], h: NODE_H, boxes: [{ x: 0, y: 0, w: ws[0], h: NODE_H }], paths: [] };
  if (edges.length !== n - 1) return null;
  const degree = new Array<number>(n).fill(0);
  for (const [a, b] of edges) { degree[a]++; degree[b]++; }
  const c = n === 2 ? edges[0][1] : degree.findIndex((d) => d === n - 1);
  if (c < 0) return null;
  const left = edges.filter(([, b]) => b === c).map(([a]) => a), right = edges.filter(([a]) => a === c).map(([, b]) => b);
  const column = (list: number[]) => ({ w: Math.max(0, ...list.map((i) => ws[i])), h: list.length ? list.length * NODE_H + (list.length - 1) * NODESEP : 0 });
  const L = column(left), R = column(right);
  const h = Math.max(L.h, R.h, NODE_H);
  const boxes: Box[] = new Array(n);
  // The leaves on the left flush right, those on the right flush left: edges start at the column's side.
  const stack = (list: number[], col: { w: number; h: number }, x: number, flushRight: boolean) =>
    list.forEach((i, k) => { boxes[i] = { x: x + (flushRight ? col.w - ws[i] : 0), y: (h - col.h) / 2 + k * (NODE_H + NODESEP), w: ws[i], h: NODE_H }; });
  stack(left, L, 0, true);
  const cx = left.length ? L.w + RANKSEP : 0;
  boxes[c] = { x: cx, y: (h - NODE_H) / 2, w: ws[c], h: NODE_H };
  stack(right, R, cx + ws[c] + RANKSEP, false);
  // Each edge leaves its leaf sideways, past the column, then bends to the centre, spread along its side:
  // never through another leaf.
  const cb = boxes[c], bend = RANKSEP / 2;
  const side = (k: number, of: number) => cb.y + (of > 1 ? 6 + ((cb.h - 12) * k) / (of - 1) : cb.h / 2);
  const paths = edges.map(([a, b]): Point[] => {
    if (b === c) {
      const l = boxes[a], k = left.indexOf(a);
      return [{ x: l.x + l.w, y: l.y + l.h / 2 }, { x: L.w + bend, y: l.y + l.h / 2 }, { x: cb.x, y: side(k, left.length) }];
    }
    const r = boxes[b], k = right.indexOf(b);
    return [{ x: cb.x + cb.w, y: side(k, right.length) }, { x: cb.x + cb.w + RANKSEP - bend, y: r.y + r.h / 2 }, { x: r.x, y: r.y + r.h / 2 }];
  });
  return { w: cx + ws[c] + (right.length ? RANKSEP + R.w : 0), h, boxes, paths };
}

/**
 * A chain: each box waits for (or is owned by) the next one. In a row when it fits the view's width,
 * else in a column, as dagre would lay it out left to right or top to bottom. Null when the component
 * is not one.
 */
function chainShape(ws: number[], edges: [number, number][], width: number): Shape | null {
  const n = ws.length;
  if (edges.length !== n - 1) return null;
  const next = new Array<number>(n).fill(-1), into = new Array<number>(n).fill(0);
  for (const [a, b] of edges) {
    if (next[a] >= 0) return null;
    next[a] = b;
    into[b]++;
  }
  if (into.some((d) => d > 1)) return null;
  const order: number[] = [];
  for (let i = into.indexOf(0); i >= 0 && order.length < n; i = next[i]) order.push(i);
  if (order.length !== n) return null;
  const boxes: Box[] = new Array(n);
  const rowW = ws.reduce((a, b) => a + b, 0) + (n - 1) * RANKSEP;
  let w: number, h: number;
  if (rowW <= width) {
    let x = 0;
    for (const i of order) { boxes[i] = { x, y: 0, w: ws[i], h: NODE_H }; x += ws[i] + RANKSEP; }
    w = rowW; h = NODE_H;
  } else {
    w = Math.max(...ws);
    order.forEach((i, k) => { boxes[i] = { x: (w - ws[i]) / 2, y: k * (NODE_H + RANKSEP), w: ws[i], h: NODE_H }; });
    h = n * NODE_H + (n - 1) * RANKSEP;
  }
  const mid = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
  return { w, h, boxes, paths: edges.map(([a, b]) => [exit(boxes[a], mid(boxes[b])), exit(boxes[b], mid(boxes[a]))]) };
}

/** One component: left to right, unless that is wider than the view and top to bottom is narrower. */
function shapeOf(ws: number[], edges: [number, number][], width: number, stats: LayoutStats): Shape {
  const key = `${width}|${ws.join(",")}|${edges.map(([a, b]) => `${a}>${b}`).join(",")}`;
  let s = shapes.get(key);
  if (s) { stats.cached++; return s; }
  stats.computed++;
  const direct = starShape(ws, edges) ?? chainShape(ws, edges, width);
  if (direct) {
    shapes.set(key, direct);
    return direct;
  }
  s = runDagre(ws, edges, "LR");
  if (s.w > width && ws.length > 2) {
    const tb = runDagre(ws, edges, "TB");
    if (tb.w < s.w) s = tb;
  }
  if (shapes.size > 400) shapes.clear();
  shapes.set(key, s);
  return s;
}

/** Top-left corners for boxes `sizes` packed into `width`: tallest first, each where it sits highest (then leftmost). */
function pack(sizes: { w: number; h: number }[], width: number): Point[] {
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b].h - sizes[a].h || sizes[b].w - sizes[a].w || a - b);
  const placed: Box[] = [];
  const at: Point[] = new Array(sizes.length);
  for (const i of order) {
    const { w, h } = sizes[i];
    let best: Point | undefined;
    for (const x of [0, ...placed.map((p) => p.x + p.w + GAP)]) {
      if (x > 0 && x + w > width) continue;
      let y = 0;
      for (const p of placed) if (p.x < x + w + GAP && x < p.x + p.w + GAP) y = Math.max(y, p.y + p.h + GAP);
      if (!best || y < best.y || (y === best.y && x < best.x)) best = { x, y };
    }
    at[i] = best!;
    placed.push({ ...best!, w, h });
  }
  return at;
}

/** Lays the graph out to fit `width` (px) where it can. */
export function layoutGraph(nodes: GraphNode[], edges: GraphEdge[], width: number): { layout: Layout; stats: LayoutStats } {
  const t0 = performance.now();
  const stats: LayoutStats = { computed: 0, cached: 0, ms: 0 };
  const avail = Math.max(240, width - 2 * MARGIN);
  // Connected components (union-find), each with its nodes and edges in the graph's order.
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const live = edges.flatMap((e, i) => (index.has(e.from) && index.has(e.to) ? [i] : []));
  for (const i of live) parent[find(index.get(edges[i].from)!)] = find(index.get(edges[i].to)!);
  const comps = new Map<number, { nodes: number[]; edges: number[] }>();
  nodes.forEach((_, i) => {
    const r = find(i);
    if (!comps.has(r)) comps.set(r, { nodes: [], edges: [] });
    comps.get(r)!.nodes.push(i);
  });
  for (const i of live) comps.get(find(index.get(edges[i].from)!))!.edges.push(i);
  const ws = nodes.map(nodeWidth);
  const list = [...comps.values()].map((c) => {
    const local = new Map(c.nodes.map((n, i) => [n, i]));
    const pairs = c.edges.map((e): [number, number] => [local.get(index.get(edges[e].from)!)!, local.get(index.get(edges[e].to)!)!]);
    return { c, shape: shapeOf(c.nodes.map((n) => ws[n]), pairs, avail, stats) };
  });
  const at = pack(list.map((l) => l.shape), avail);
  const boxes = new Map<string, Box>();
  const paths: Point[][] = edges.map(() => []);
  let w = 0, h = 0;
  list.forEach(({ c, shape }, k) => {
    const dx = at[k].x + MARGIN, dy = at[k].y + MARGIN;
    c.nodes.forEach((n, i) => { const b = shape.boxes[i]; boxes.set(nodes[n].id, { x: b.x + dx, y: b.y + dy, w: b.w, h: b.h }); });
    c.edges.forEach((e, i) => { paths[e] = shape.paths[i].map((p) => ({ x: p.x + dx, y: p.y + dy })); });
    w = Math.max(w, dx + shape.w);
    h = Math.max(h, dy + shape.h);
  });
  stats.ms = performance.now() - t0;
  return { layout: { width: Math.ceil(w + MARGIN), height: Math.ceil(h + MARGIN), boxes, paths }, stats };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => String(Math.round(n * 10) / 10);

/** A smooth path through dagre's points (a quadratic B-spline through the midpoints). */
function pathData(pts: Point[]): string {
  if (pts.length < 2) return "";
  let d = `M${num(pts[0].x)},${num(pts[0].y)}`;
  if (pts.length === 2) return d + ` L${num(pts[1].x)},${num(pts[1].y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i], q = i === pts.length - 2 ? pts[i + 1] : { x: (pts[i].x + pts[i + 1].x) / 2, y: (pts[i].y + pts[i + 1].y) / 2 };
    d += ` Q${num(p.x)},${num(p.y)} ${num(q.x)},${num(q.y)}`;
  }
  return d;
}

/** The SVG markup (without width and height: the page sets them for its zoom). */
export function renderSvg(nodes: GraphNode[], edges: GraphEdge[], layout: Layout): string {
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" font-size="${FONT_PX}" font-family="ui-monospace, DejaVu Sans Mono, Menlo, Consolas, monospace">` +
    `<defs><marker id="aw" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#d9442b"/></marker>` +
    `<marker id="ao" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#2b8a3e"/></marker>` +
    `<marker id="ac" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="5" markerHeight="5" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#b3261e"/></marker></defs>`;
  edges.forEach((e, i) => {
    const d = pathData(layout.paths[i] ?? []);
    if (!d) return;
    const cls = `${e.kind === "wait" ? "wait-edge" : "owner-edge"}${e.cycle ? " cycle-edge" : ""}`;
    const stroke = e.cycle ? "#b3261e" : e.kind === "wait" ? "#d9442b" : "#2b8a3e";
    svg += `<path class="${cls}" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${d}" stroke="${stroke}" stroke-width="${e.cycle ? 3.5 : 1.4}"` +
      `${e.kind === "owner" ? ` stroke-dasharray="5 3"` : ""} fill="none" marker-end="url(#${e.cycle ? "ac" : e.kind === "wait" ? "aw" : "ao"})"/>`;
  });
  for (const n of nodes) {
    const b = layout.boxes.get(n.id);
    if (!b) continue;
    const data = Object.entries(n.data).map(([k, v]) => ` data-${k}="${esc(String(v))}"`).join("");
    svg += `<g class="${n.cls}"${data} transform="translate(${num(b.x)},${num(b.y)})"><title>${esc(n.title)}${n.detail ? `: ${esc(n.detail)}` : ""}</title>` +
      `<rect width="${b.w}" height="${b.h}" rx="4" fill="${n.fill}" stroke="${n.stroke}" stroke-width="${n.strokeWidth}"/>` +
      `<text x="${PAD_X}" y="14">${esc(clip(n.title))}</text>` +
      `<text x="${PAD_X}" y="28" fill="#5a6275">${esc(clip(n.detail))}</text></g>`;
  }
  return svg + "</svg>";
}
