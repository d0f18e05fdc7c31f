// Case-insensitive lookup on a case-sensitive store: each component is looked up by its exact name
// first, then by a scan of its directory comparing upper-cased names (the first match in sorted
// order wins, so the answer does not depend on the store's listing order).
import type { FileBackend, FileStat } from "./backend.ts";
import { upcase } from "./path.ts";

export type Resolved =
  /** Every directory on the way exists; `stat` is null when the last component does not. */
  | { ok: true; rel: string; parent: string; name: string; stat: FileStat | null }
  /** A directory on the way is missing or is a file: ERROR_PATH_NOT_FOUND. */
  | { ok: false };

export const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

function lookup(b: FileBackend, dir: string, name: string): { name: string; stat: FileStat } | null {
  const exact = b.stat(join(dir, name));
  if (exact) return { name, stat: exact };
  const want = upcase(name);
  let names: string[];
  try { names = b.list(dir); } catch { return null; }
  const hit = names.filter((n) => upcase(n) === want).sort()[0];
  if (hit === undefined) return null;
  const stat = b.stat(join(dir, hit));
  return stat ? { name: hit, stat } : null;
}

/** Resolves root-relative components to the store's spelling. */
export function resolve(b: FileBackend, parts: string[]): Resolved {
  if (!parts.length) {
    const stat = b.stat("");
    return { ok: true, rel: "", parent: "", name: "", stat };
  }
  let dir = "";
  for (let i = 0; i < parts.length - 1; i++) {
    const hit = lookup(b, dir, parts[i]);
    if (!hit || !hit.stat.dir) return { ok: false };
    dir = join(dir, hit.name);
  }
  const leaf = parts[parts.length - 1];
  const hit = lookup(b, dir, leaf);
  if (!hit) return { ok: true, rel: join(dir, leaf), parent: dir, name: leaf, stat: null };
  return { ok: true, rel: join(dir, hit.name), parent: dir, name: hit.name, stat: hit.stat };
}
