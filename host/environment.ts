// The environment `ntwasm run` gives a guest by default: a small one shaped like a fresh Windows
// session's, with the variables programs read (SystemRoot, TEMP, USERPROFILE, PATH...), instead of
// the host's whole environment and its secrets (--inherit-env adds the host's).

/** The default guest environment; `cpus` is NUMBER_OF_PROCESSORS. */
export function defaultEnvironment(cpus: number): Record<string, string> {
  const user = "User", profile = `C:\\Users\\${user}`;
  return {
    ALLUSERSPROFILE: "C:\\ProgramData",
    APPDATA: `${profile}\\AppData\\Roaming`,
    CommonProgramFiles: "C:\\Program Files\\Common Files",
    COMPUTERNAME: "NTWASM",
    ComSpec: "C:\\Windows\\system32\\cmd.exe",
    HOMEDRIVE: "C:",
    HOMEPATH: `\\Users\\${user}`,
    LOCALAPPDATA: `${profile}\\AppData\\Local`,
    NUMBER_OF_PROCESSORS: String(cpus),
    OS: "Windows_NT",
    PATH: "C:\\",
    PATHEXT: ".COM;.EXE;.BAT;.CMD",
    ProgramData: "C:\\ProgramData",
    ProgramFiles: "C:\\Program Files",
    PUBLIC: "C:\\Users\\Public",
    SystemDrive: "C:",
    SystemRoot: "C:\\Windows",
    TEMP: "C:\\Windows\\Temp",
    TMP: "C:\\Windows\\Temp",
    USERDOMAIN: "NTWASM",
    USERNAME: user,
    USERPROFILE: profile,
    windir: "C:\\Windows",
  };
}

/**
 * The environment of a run: the defaults, the host's variables over them with `inherit`, then each
 * NAME=VALUE of `set` (a bare NAME takes the host's value, or is left out when the host has none).
 * Names compare case-insensitively, as on Windows: a later spelling replaces an earlier one.
 */
export function guestEnvironment(cpus: number, inherit: boolean, set: string[], host: Record<string, string | undefined>): Record<string, string> {
  const env = new Map<string, [string, string]>();
  const put = (name: string, value: string) => env.set(name.toUpperCase(), [name, value]);
  for (const [n, v] of Object.entries(defaultEnvironment(cpus))) put(n, v);
  if (inherit) for (const [n, v] of Object.entries(host)) if (v !== undefined) put(n, v);
  for (const s of set) {
    const eq = s.indexOf("=", 1); // a name may start with '=' (cmd's =C: variables)
    if (eq < 0) { const v = host[s]; if (v !== undefined) put(s, v); }
    else put(s.slice(0, eq), s.slice(eq + 1));
  }
  return Object.fromEntries([...env.values()]);
}
