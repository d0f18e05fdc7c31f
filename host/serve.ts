// `ntwasm serve`: a static file server for the browser host. Every response carries the headers that
// make a page cross-origin isolated (SharedArrayBuffer, shared WebAssembly memory):
//   Cross-Origin-Opener-Policy: same-origin
//   Cross-Origin-Embedder-Policy: require-corp
// Without a directory it serves ntwasm's dist/ (the demo page at /web/, the ntwasm/browser bundle at
// /browser.mjs). With one, that directory is the site and ntwasm's dist/ is under /ntwasm/, so a page
// can `import { boot } from "/ntwasm/browser.mjs"`.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".c": "text/plain; charset=utf-8",
};

export interface ServeOptions {
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** A site of your own to serve at /, with ntwasm's dist/ under /ntwasm/ (default: just ntwasm's dist/). */
  dir?: string;
  /** ntwasm's dist/ (default: the directory this bundle is in). */
  dist?: string;
  /** Called for every request: method, path, status. */
  log?: (line: string) => void;
}

export interface Served {
  server: Server;
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file under `base` that URL path `rel` names, or null when it would leave `base`. */
function inside(base: string, rel: string): string | null {
  const file = resolve(base, "." + sep + rel);
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function serve(options: ServeOptions = {}): Promise<Served> {
  const dist = resolve(options.dist ?? fileURLToPath(new URL(".", import.meta.url)));
  const site = options.dir === undefined ? undefined : resolve(options.dir);
  const server = createServer(async (req, res) => {
    const send = (status: number, body: string | Uint8Array, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...ISOLATION_HEADERS, "Cache-Control": "no-cache", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
      options.log?.(`${req.method} ${req.url} ${status}`);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n", { Allow: "GET, HEAD" });
    let path: string;
    try { path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname); }
    catch { return send(400, "bad request\n"); }
    if (path.includes("\0")) return send(400, "bad request\n");
    let base: string, rel: string;
    if (site === undefined) {
      if (path === "/") return send(302, "", { Location: "/web/" });
      base = dist; rel = path;
    } else if (path === "/ntwasm" || path.startsWith("/ntwasm/")) {
      base = dist; rel = path.slice("/ntwasm".length);
    } else {
      base = site; rel = path;
    }
    let file = inside(base, rel);
    if (!file) return send(403, "forbidden\n");
    try {
      let st = await stat(file);
      if (st.isDirectory()) {
        if (!path.endsWith("/")) return send(301, "", { Location: path + "/" });
        file = join(file, "index.html");
        st = await stat(file);
      }
      if (!st.isFile()) return send(404, "not found\n");
      const body = await readFile(file);
      send(200, body, { "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", "Content-Length": String(body.length) });
    } catch {
      if (path === "/favicon.ico") return send(204, ""); // browsers ask for it; a site need not have one
      send(404, "not found\n", { "Content-Type": "text/plain; charset=utf-8" });
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : options.port ?? 8080;
      const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";
      const shown = host.includes(":") ? `[${host}]` : host;
      resolvePromise({
        server, port, url: `http://${shown}:${port}/`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

export const SERVE_HELP = `Usage: ntwasm serve [--port N] [--host ADDR] [DIR]

Serves the browser demo (http://127.0.0.1:8080/web/ by default): pick or drop a guest .wasm, run
it in Web Workers, and watch its processes, threads, objects, handles and wait graph live. Every
response carries the headers a page needs for SharedArrayBuffer:
  Cross-Origin-Opener-Policy: same-origin
  Cross-Origin-Embedder-Policy: require-corp
With DIR, serves DIR at / instead and ntwasm's bundle under /ntwasm/ (import
"/ntwasm/browser.mjs" from your page; see docs/embedding.md).

Options:
  --port N      port to listen on (default 8080; 0 picks a free one)
  --host ADDR   address to listen on (default 127.0.0.1)
  -h, --help    this text`;

/** Bad `ntwasm serve` arguments (the CLI prints the message and exits with 2). */
export class ServeUsageError extends Error {}

/** `ntwasm serve [options] [DIR]`: serves until SIGINT / SIGTERM. */
export async function serveCommand(argv: string[]): Promise<number> {
  let port = 8080, host: string | undefined, dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ServeUsageError(`${a} needs a value (see ntwasm serve --help)`);
      return v;
    };
    if (a === "-h" || a === "--help") { console.log(SERVE_HELP); return 0; }
    else if (a === "--port" || a.startsWith("--port=")) {
      const v = a === "--port" ? value() : a.slice(7);
      port = Number(v);
      if (v === "" || !Number.isInteger(port) || port < 0 || port > 65535) throw new ServeUsageError(`--port ${v}: not a port number`);
    } else if (a === "--host") host = value();
    else if (a.startsWith("--host=")) host = a.slice(7);
    else if (a.startsWith("-")) throw new ServeUsageError(`unknown option ${a} (see ntwasm serve --help)`);
    else if (dir === undefined) dir = a;
    else throw new ServeUsageError("one directory only (see ntwasm serve --help)");
  }
  if (dir !== undefined && !(await stat(dir).catch(() => undefined))?.isDirectory()) throw new ServeUsageError(`${dir}: not a directory`);
  const served = await serve({ port, host, dir }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") throw new ServeUsageError(`port ${port} is in use (try --port 0)`);
    throw e;
  });
  console.log(dir === undefined
    ? `ntwasm: serving the demo at ${served.url}web/ (Ctrl-C stops)`
    : `ntwasm: serving ${resolve(dir)} at ${served.url}, ntwasm at ${served.url}ntwasm/ (Ctrl-C stops)`);
  await new Promise<void>((r) => { process.once("SIGINT", r); process.once("SIGTERM", r); });
  await served.close();
  return 0;
}
