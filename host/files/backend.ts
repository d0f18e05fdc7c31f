// The storage a file system sits on, as the file syscalls (host/syscalls/files.ts) see it. Paths are
// relative to the root that C:\ maps to: '/'-separated components, "" for the root itself, already
// normalized and checked by host/files/path.ts (no "", ".", "..", NUL, ':' or separators in a
// component). A backend keeps them inside its root however its storage can be escaped (the Node
// backend checks symbolic links). Every call is synchronous: it runs in the calling guest thread's
// worker, in the middle of a syscall, and must see what other workers did before it.
//
// Implementations: host/node/file-backend.ts (the host's file system under --root) and
// host/files/memory.ts (an in-memory file system in a SharedArrayBuffer-backed memory every worker
// shares: the browser's default, and `boot({ fs: "memory" })`). Another storage (OPFS) plugs in here.

export interface FileStat {
  dir: boolean;
  size: number;
  readonly: boolean;
  /** Milliseconds since 1970. */
  mtimeMs: number;
  atimeMs: number;
  birthtimeMs: number;
}

/** Why a backend call failed; host/syscalls/files.ts maps these to Win32 errors. */
export type FsErrorCode =
  | "ENOENT" | "EEXIST" | "ENOTDIR" | "EISDIR" | "ENOTEMPTY" | "EACCES" | "ENOSPC" | "ENAMETOOLONG" | "EIO"
  /** The path would leave the root (a symbolic link pointing outside). */
  | "ESCAPE";

export class FsError extends Error {
  constructor(readonly code: FsErrorCode, message: string = code) { super(message); this.name = "FsError"; }
}

export interface FileBackend {
  /** The entry at `path`, or null when there is none. */
  stat(path: string): FileStat | null;
  /** The names in directory `path` (throws ENOENT / ENOTDIR). */
  list(path: string): string[];
  /**
   * Creates the file `path` (its parent exists): with `exclusive`, EEXIST when it exists; otherwise an
   * existing file is truncated when `truncate` is set, and left alone when not.
   */
  create(path: string, exclusive: boolean, truncate: boolean): void;
  /** Reads into `dst` from `position`; the count (0 at or past the end). */
  read(path: string, position: number, dst: Uint8Array): number;
  /** Writes `src` at `position`, extending the file (with zeros up to `position`) as needed. */
  write(path: string, position: number, src: Uint8Array): void;
  /** Writes `src` at the end of the file in one step (append-only handles); the offset it went to. */
  append(path: string, src: Uint8Array): number;
  /** Sets the file's size. */
  truncate(path: string, size: number): void;
  mkdir(path: string): void;
  /** Removes an empty directory (ENOTEMPTY, ENOTDIR). */
  rmdir(path: string): void;
  /** Removes a file (EISDIR for a directory). */
  unlink(path: string): void;
  /** Renames a file or directory; an existing file at `to` is replaced. */
  rename(from: string, to: string): void;
  /** Makes a file or directory read-only or writable (SetFileAttributesW's FILE_ATTRIBUTE_READONLY). */
  setReadonly(path: string, readonly: boolean): void;
}

/**
 * Refuses (ESCAPE) a root-relative path that is not in the form host/files/path.ts produces: an empty,
 * "." or ".." component, or one holding NUL or a separator. Backends call it first, so a path that
 * did not come through the parser (the embedding API's `kernel.fs`, a future caller) cannot climb out.
 */
export function checkRelative(path: string): void {
  if (path === "") return;
  for (const part of path.split("/")) {
    // eslint-disable-next-line no-control-regex
    if (part === "" || part === "." || part === ".." || /[\\\u0000]/.test(part)) throw new FsError("ESCAPE", `bad path: ${path}`);
  }
}
