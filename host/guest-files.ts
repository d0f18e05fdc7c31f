// Where guest programs come from when a guest starts another one (CreateProcessW): a Windows path
// under the root that `--root` maps to C:\. Paths never leave the root. (Files in general are the
// file layer's job; this is only the loader's view.)

/** Synchronous reads of guest binaries, as a worker needs them in the middle of a syscall. */
export interface GuestFiles {
  /** The bytes of the file at `hostPath` (relative to the root, '/'-separated), or null. */
  read(relativePath: string): Uint8Array | null;
}

/**
 * A Windows path (C:\dir\prog.wasm, \dir\prog.wasm, dir/prog.wasm) as a '/'-separated path relative
 * to the root, or null when it names another drive or climbs out of the root.
 */
export function rootRelative(winPath: string): string | null {
  let p = winPath.replace(/\\/g, "/");
  const drive = /^([A-Za-z]):/.exec(p);
  if (drive) {
    if (drive[1].toUpperCase() !== "C") return null;
    p = p.slice(2);
  }
  const parts: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") { if (!parts.length) return null; parts.pop(); continue; }
    parts.push(part);
  }
  return parts.length ? parts.join("/") : null;
}
