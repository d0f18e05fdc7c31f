// Windows paths → paths inside the root (the sandbox's first half; backends do the second, see
// backend.ts). The root is C:\. A path is made full against the process's current directory the way
// GetFullPathNameW does (drive letters, '\' and '/', ".", ".." clamped at C:\, runs of separators,
// trailing dots and spaces of a component stripped), then every component is checked: what could
// name something outside the root, or something Windows does not let a file be called, is refused
// with a Win32 error, never passed on:
//
//   \\?\…, \\.\…, \\server\share (UNC), //…   ERROR_PATH_NOT_FOUND (device and NT paths, network)
//   D:\…, any drive but C:                    ERROR_PATH_NOT_FOUND
//   < > : " | ? * and control characters      ERROR_INVALID_NAME (':' also refuses name:stream)
//   CON PRN AUX NUL COM1-9 LPT1-9 (.ext)      ERROR_INVALID_NAME (DOS devices)
//   components over 255 chars                 ERROR_FILENAME_EXCED_RANGE
//
// So `..` can never climb above the root: C:\..\x is C:\x, as on Windows.
import { ERROR_FILENAME_EXCED_RANGE, ERROR_INVALID_NAME, ERROR_PATH_NOT_FOUND } from "../generated/abi.ts";

export type Parsed = { parts: string[] } | { error: number };

const DEVICE = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[<>:"|?*\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex
const BAD_CHARS_PATTERN = /[<>:"|\u0000-\u001f]/;

/** The components of the current directory "C:\a\b" (as stored per process). */
export function cwdParts(cwd: string): string[] {
  return cwd.slice(3).split("\\").filter((p) => p !== "");
}

/** The Windows form of root-relative components: C:\a\b. */
export function winPath(parts: string[]): string {
  return "C:\\" + parts.join("\\");
}

/**
 * Makes `path` full against `cwd` (components) and checks it. With `pattern`, the last component may
 * hold the wildcards * and ? (FindFirstFileW).
 */
export function parseWinPath(path: string, cwd: string[], pattern = false): Parsed {
  if (path === "") return { error: ERROR_PATH_NOT_FOUND };
  let p = path.replace(/\//g, "\\");
  if (p.startsWith("\\\\")) return { error: ERROR_PATH_NOT_FOUND }; // \\?\, \\.\, UNC
  let base: string[];
  const drive = /^([A-Za-z]):/.exec(p);
  if (drive) {
    if (drive[1].toUpperCase() !== "C") return { error: ERROR_PATH_NOT_FOUND };
    p = p.slice(2);
    base = p.startsWith("\\") ? [] : [...cwd]; // C:rel is relative to C:'s current directory
  } else {
    base = p.startsWith("\\") ? [] : [...cwd];
  }
  const parts = base;
  const segs = p.split("\\");
  for (let i = 0; i < segs.length; i++) {
    const last = i === segs.length - 1;
    let s = segs[i];
    if (s === "" || s === ".") continue;
    if (s === "..") { parts.pop(); continue; }
    // Windows strips trailing dots and spaces, but not from a search pattern ("*." means no extension)
    if (!(pattern && last && /[*?]/.test(s))) s = s.replace(/[. ]+$/, "");
    if (s === "") continue; // "..." and the like name the directory itself
    if (s.length > 255) return { error: ERROR_FILENAME_EXCED_RANGE };
    if ((pattern && last ? BAD_CHARS_PATTERN : BAD_CHARS).test(s)) return { error: ERROR_INVALID_NAME };
    if (DEVICE.test(s.replace(/ +(\.|$)/, "$1"))) return { error: ERROR_INVALID_NAME };
    parts.push(s);
  }
  if (parts.join("\\").length + 3 > 32767) return { error: ERROR_FILENAME_EXCED_RANGE };
  return { parts };
}

/** Case-insensitive comparison as Windows does it: each UTF-16 unit upper-cased on its own. */
export function upcase(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const u = c.toUpperCase();
    out += u.length === 1 ? u : c;
  }
  return out;
}

/** Does `name` match the FindFirstFileW pattern (* and ?, case-insensitive; "*.*" matches everything)? */
export function wildcardMatch(pattern: string, name: string): boolean {
  if (pattern === "*" || pattern === "*.*") return true;
  // a pattern ending in "." names files without an extension ("*." matches "README", not "a.txt")
  if (pattern.endsWith(".") && pattern.length > 1) {
    return name === "." || name === ".." || (!name.includes(".") && wildcardMatch(pattern.slice(0, -1), name));
  }
  const p = upcase(pattern), n = upcase(name);
  // iterative glob with backtracking on the last '*'
  let pi = 0, ni = 0, star = -1, mark = 0;
  while (ni < n.length) {
    if (pi < p.length && (p[pi] === "?" || p[pi] === n[ni])) { pi++; ni++; }
    else if (pi < p.length && p[pi] === "*") { star = pi++; mark = ni; }
    else if (star >= 0) { pi = star + 1; ni = ++mark; }
    else return false;
  }
  while (pi < p.length && (p[pi] === "*" || (p[pi] === "." && pi === p.length - 1))) pi++;
  return pi === p.length;
}
