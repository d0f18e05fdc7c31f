// The file backend over the host's file system: the directory `--root` names is C:\. Paths arrive
// checked (host/files/path.ts); what is left to stop is an escape through a symbolic link. Before any
// operation the parent directory is resolved with realpath and must be the root or inside it; an
// existing last component is resolved too (a link pointing outside, or a dangling link, is refused
// with ESCAPE), and a new one is created with O_EXCL, which never follows a link. Operations then use
// the real path, so links inside the root work. A directory swapped for a link to outside between that
// check and the open (another host process racing the guest) is caught after the open: where the
// platform names an open descriptor's file (Linux: /proc/self/fd), an opened file outside the root is
// closed unused, and a file just created outside is removed, before anything is read or written.
import * as fs from "node:fs";
import { dirname, join, sep } from "node:path";
import { checkRelative, FsError, type FileBackend, type FileStat, type FsErrorCode } from "../files/backend.ts";

const CODES = new Set<string>(["ENOENT", "EEXIST", "ENOTDIR", "EISDIR", "ENOTEMPTY", "EACCES", "ENOSPC", "ENAMETOOLONG"]);

function fail(e: unknown): never {
  if (e instanceof FsError) throw e;
  const code = (e as NodeJS.ErrnoException).code ?? "EIO";
  throw new FsError((CODES.has(code) ? code : code === "EPERM" ? "EACCES" : code === "ELOOP" ? "ESCAPE" : "EIO") as FsErrorCode);
}

function toStat(s: fs.Stats): FileStat {
  return {
    dir: s.isDirectory(), size: s.isDirectory() ? 0 : s.size, readonly: (s.mode & 0o200) === 0,
    mtimeMs: s.mtimeMs, atimeMs: s.atimeMs, birthtimeMs: s.birthtimeMs || s.ctimeMs,
  };
}

export function nodeFileBackend(root: string): FileBackend {
  let top: string | undefined;
  const rootReal = () => (top ??= fs.realpathSync(root));
  const inside = (real: string) => real === rootReal() || real.startsWith(rootReal() + sep);

  /** The real host path of root-relative `rel`, checked to stay inside the root. */
  function real(rel: string, follow = true): string {
    checkRelative(rel); // no "..", "." or empty component: join() below would resolve them
    if (!rel) return rootReal();
    const parts = rel.split("/");
    let parent: string;
    try { parent = fs.realpathSync(join(rootReal(), ...parts.slice(0, -1))); } catch (e) { fail(e); }
    if (!inside(parent)) throw new FsError("ESCAPE");
    const full = join(parent, parts[parts.length - 1]);
    let l: fs.Stats | undefined;
    try { l = fs.lstatSync(full); } catch { return full; } // does not exist: created with O_EXCL
    if (!l.isSymbolicLink() || !follow) return full; // unlink and rename act on a link itself
    let target: string;
    try { target = fs.realpathSync(full); } catch { throw new FsError("ESCAPE"); } // dangling link
    if (!inside(target)) throw new FsError("ESCAPE");
    return target;
  }

  /** Throws ESCAPE, after closing `fd` (and removing the file when `created`), when it is outside the root. */
  function checkOpened(fd: number, created: boolean): void {
    let at: string;
    try { at = fs.readlinkSync(`/proc/self/fd/${fd}`); } catch { return; } // the platform cannot tell
    if (inside(at)) return;
    fs.closeSync(fd);
    if (created) try { fs.unlinkSync(at); } catch { /* gone already */ }
    throw new FsError("ESCAPE");
  }

  function withFd<T>(rel: string, flags: string | number, f: (fd: number) => T): T {
    let fd: number;
    try { fd = fs.openSync(real(rel), flags); } catch (e) { fail(e); }
    checkOpened(fd, false);
    try { return f(fd); } catch (e) { fail(e); } finally { fs.closeSync(fd); }
  }

  return {
    stat(rel) {
      try { return toStat(fs.statSync(real(rel))); } catch (e) {
        const code = e instanceof FsError ? e.code : (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return null;
        fail(e);
      }
    },
    list(rel) {
      try { return fs.readdirSync(real(rel)); } catch (e) { fail(e); }
    },
    create(rel, exclusive, truncate) {
      const path = real(rel);
      try {
        if (!exclusive && fs.existsSync(path)) { if (truncate) fs.truncateSync(path, 0); return; }
        if (!inside(fs.realpathSync(dirname(path)))) throw new FsError("ESCAPE");
        try { const fd = fs.openSync(path, "wx"); checkOpened(fd, true); fs.closeSync(fd); } catch (e) {
          // another thread or process made it in between: OPEN_ALWAYS / CREATE_ALWAYS open that one
          if (exclusive || (e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
          if (truncate) fs.truncateSync(real(rel), 0);
        }
      } catch (e) { fail(e); }
    },
    read(rel, position, dst) {
      return withFd(rel, "r", (fd) => {
        let total = 0;
        while (total < dst.length) {
          const n = fs.readSync(fd, dst, total, dst.length - total, position + total);
          if (!n) break;
          total += n;
        }
        return total;
      });
    },
    write(rel, position, src) {
      withFd(rel, "r+", (fd) => {
        let total = 0;
        while (total < src.length) total += fs.writeSync(fd, src, total, src.length - total, position + total);
      });
    },
    append(rel, src) {
      return withFd(rel, fs.constants.O_WRONLY | fs.constants.O_APPEND, (fd) => {
        let total = 0;
        while (total < src.length) total += fs.writeSync(fd, src, total, src.length - total); // O_APPEND: at the end
        return fs.fstatSync(fd).size - src.length;
      });
    },
    truncate(rel, size) {
      try { fs.truncateSync(real(rel), size); } catch (e) { fail(e); }
    },
    mkdir(rel) {
      try { fs.mkdirSync(real(rel)); } catch (e) { fail(e); }
    },
    rmdir(rel) {
      const path = real(rel, false);
      try {
        if (fs.lstatSync(path).isSymbolicLink()) { // a link to a directory: the link goes, as on Windows
          if (!fs.statSync(real(rel)).isDirectory()) throw new FsError("ENOTDIR");
          fs.unlinkSync(path);
        } else fs.rmdirSync(path);
      } catch (e) { fail(e); }
    },
    unlink(rel) {
      const path = real(rel, false);
      try {
        if (fs.lstatSync(path).isDirectory()) throw new FsError("EISDIR");
        fs.unlinkSync(path);
      } catch (e) { fail(e); }
    },
    rename(from, to) {
      try { fs.renameSync(real(from, false), real(to, false)); } catch (e) { fail(e); }
    },
    setReadonly(rel, readonly) {
      try {
        const path = real(rel), mode = fs.statSync(path).mode & 0o7777;
        fs.chmodSync(path, readonly ? mode & ~0o222 : mode | 0o200);
      } catch (e) { fail(e); }
    },
  };
}
