// More host directories in the guest's drive (`ntwasm run --dir HOST::GUEST`, BootOptions.dirs): a
// backend over the root's that sends every path at or under a mount point to that directory's own
// backend (which keeps the path inside it, as the root's does). A mount point needs no directory in
// the root: its missing parents appear as empty directories. Listing a directory shows the mount
// points in it. A read-only mount (`:ro`) refuses every change with EACCES (ERROR_ACCESS_DENIED, as a
// read-only share does) and shows its files and directories with FILE_ATTRIBUTE_READONLY, so opening
// one for writing or deleting it fails up front. A rename between a mount and anything else is
// refused with EACCES too (Windows would need a copy across volumes).
import { checkRelative, FsError, type FileBackend, type FileStat } from "./backend.ts";
import { parseWinPath } from "./path.ts";

/** A host directory and where it appears in the guest's drive. */
export interface DirMount {
  /** The host directory. */
  host: string;
  /** Where it appears: a Windows path on C: ("C:\\data", "\\data" or "data"). */
  guest: string;
  /** Refuse every change (ERROR_ACCESS_DENIED). */
  readonly?: boolean;
}

/** The root-relative form ("a/b") of a mount's guest path, or an error message. */
export function mountPoint(guest: string): string | { error: string } {
  const parsed = parseWinPath(guest, []);
  if ("error" in parsed) return { error: "not a path on C:" };
  if (!parsed.parts.length) return { error: "C:\\ itself is the root" };
  return parsed.parts.join("/");
}

/**
 * `--dir` as written: HOST, HOST::GUEST, either with ":ro" at the end. Without GUEST the directory
 * appears as C:\<its name>.
 */
export function parseDirOption(v: string): DirMount | { error: string } {
  let spec = v, readonly = false;
  if (/:ro$/i.test(spec) && !spec.endsWith("::ro")) { readonly = true; spec = spec.slice(0, -3); }
  const at = spec.indexOf("::");
  const host = at < 0 ? spec : spec.slice(0, at);
  let guest = at < 0 ? "" : spec.slice(at + 2);
  if (!host) return { error: `--dir ${v}: which host directory? (--dir HOST[::GUEST][:ro])` };
  if (at < 0) guest = host.replace(/[\\/]+$/, "").replace(/^.*[\\/]/, "");
  if (!guest || guest === "." || guest === "..") return { error: `--dir ${v}: where in C:? (--dir HOST::C:\\NAME)` };
  const point = mountPoint(guest);
  if (typeof point !== "string") return { error: `--dir ${v}: ${point.error}` };
  return { host, guest, readonly };
}

interface Mounted { point: string; parts: string[]; backend: FileBackend; readonly: boolean }

const VIRTUAL_DIR: FileStat = { dir: true, size: 0, readonly: false, mtimeMs: 0, atimeMs: 0, birthtimeMs: 0 };

/** `root` with the directories of `mounts` (made by `open`) in it. */
export function mountBackend(root: FileBackend, mounts: DirMount[], open: (host: string) => FileBackend): FileBackend {
  if (!mounts.length) return root;
  const list: Mounted[] = mounts.map((m) => {
    const point = mountPoint(m.guest);
    if (typeof point !== "string") throw new Error(`${m.guest}: ${point.error}`);
    return { point, parts: point.split("/"), backend: open(m.host), readonly: !!m.readonly };
  }).sort((a, b) => b.parts.length - a.parts.length); // the deepest mount point wins

  /** The mount `path` is in, with the path inside it; null: the root's. */
  function find(path: string): { m: Mounted; rel: string } | null {
    checkRelative(path);
    for (const m of list) {
      if (path === m.point) return { m, rel: "" };
      if (path.startsWith(m.point + "/")) return { m, rel: path.slice(m.point.length + 1) };
    }
    return null;
  }
  /** Names of mount points directly in directory `path` (a parent of some mount point). */
  function pointsIn(path: string): string[] {
    const depth = path ? path.split("/").length : 0;
    const names = new Set<string>();
    for (const m of list) {
      if (m.parts.length > depth && (depth === 0 || m.point.startsWith(path + "/"))) names.add(m.parts[depth]);
    }
    return [...names];
  }
  /** Is `path` a directory on the way to a mount point? */
  const onTheWay = (path: string) => list.some((m) => path === "" || m.point.startsWith(path + "/"));

  function writable(path: string): { b: FileBackend; rel: string } {
    const f = find(path);
    if (!f) {
      if (onTheWay(path) && !root.stat(path)) throw new FsError("EACCES"); // a made-up parent
      return { b: root, rel: path };
    }
    if (f.m.readonly) throw new FsError("EACCES");
    if (f.rel === "") throw new FsError("EACCES"); // the mount point itself stays
    return { b: f.m.backend, rel: f.rel };
  }
  const readable = (path: string) => { const f = find(path); return f ? { b: f.m.backend, rel: f.rel, m: f.m } : { b: root, rel: path, m: null }; };

  return {
    stat(path) {
      const { b, rel, m } = readable(path);
      const s = b.stat(rel);
      if (m && s) return m.readonly ? { ...s, readonly: true } : s;
      if (!s && onTheWay(path)) return m?.readonly ? { ...VIRTUAL_DIR, readonly: true } : VIRTUAL_DIR;
      return s;
    },
    list(path) {
      const { b, rel } = readable(path);
      const extra = pointsIn(path); // mount points in it (also inside another mount)
      let names: string[] = [];
      try { names = b.list(rel); } catch (e) { if (!extra.length) throw e; }
      return [...names.filter((n) => !extra.includes(n)), ...extra];
    },
    create(path, exclusive, truncate) { const w = writable(path); w.b.create(w.rel, exclusive, truncate); },
    read(path, position, dst) { const { b, rel } = readable(path); return b.read(rel, position, dst); },
    write(path, position, src) { const w = writable(path); w.b.write(w.rel, position, src); },
    append(path, src) { const w = writable(path); return w.b.append(w.rel, src); },
    truncate(path, size) { const w = writable(path); w.b.truncate(w.rel, size); },
    mkdir(path) { const w = writable(path); w.b.mkdir(w.rel); },
    rmdir(path) { const w = writable(path); w.b.rmdir(w.rel); },
    unlink(path) { const w = writable(path); w.b.unlink(w.rel); },
    rename(from, to) {
      const a = writable(from), b = writable(to);
      if (a.b !== b.b) throw new FsError("EACCES");
      a.b.rename(a.rel, b.rel);
    },
    setReadonly(path, ro) { const w = writable(path); w.b.setReadonly(w.rel, ro); },
  };
}
