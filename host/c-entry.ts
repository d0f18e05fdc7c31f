// The main thread of a C guest built by `ntwasm cc` (it exports __ntwasm_crt_args): run the
// constructors, then the entry point the program defines with the arguments its form takes, then exit
// with its result (guests/c/runtime/ntwasm_crt.c). The call is made from JavaScript, which passes
// extra arguments and takes a missing result without complaint, so every form of main works,
// `void main(void)` and `int main(int argc, char **argv, char **envp)` included.
type Fn = (...args: number[]) => unknown;

/** Is this module's main thread run by runCMain? */
export const isCGuest = (exports: Record<string, unknown>) => typeof exports.__ntwasm_crt_args === "function";

/** Entry points in the order they are chosen; `ntwasm cc` exports each the program defines. */
export const C_ENTRY_POINTS = ["wWinMain", "WinMain", "wmain", "__main_argc_argv", "main", "__main_void"];

/** The argument kind __ntwasm_crt_args builds for an entry point. */
const KIND: Record<string, number> = { wmain: 1, WinMain: 2, wWinMain: 3 };

/** Runs a C guest's main thread; `entry` overrides the choice (ntwasm run --entry). Never returns normally: exit ends the process. */
export function runCMain(exports: Record<string, unknown>, memory: WebAssembly.Memory, entry?: string): number {
  // __main_argc_argv and __main_void are always there (the runtime's stand-ins): count them when the program defines them.
  const defined = (exports.__ntwasm_crt_entries as Fn)() as number;
  const own: Record<string, boolean> = { __main_argc_argv: (defined & 1) !== 0, __main_void: (defined & 2) !== 0 };
  const name = entry ?? C_ENTRY_POINTS.find((e) => typeof exports[e] === "function" && own[e] !== false);
  if (!name) throw new Error("the guest defines no main, wmain, WinMain or wWinMain");
  const fn = exports[name];
  if (typeof fn !== "function") throw new Error(`the guest exports no function "${name}"`);
  if (typeof exports._initialize === "function") (exports._initialize as Fn)();
  const at = (exports.__ntwasm_crt_args as Fn)(KIND[name] ?? 0) as number;
  const words = new Uint32Array(memory.buffer, at, 4);
  const r = (fn as Fn)(words[0], words[1], words[2], words[3]);
  const code = typeof r === "number" ? r | 0 : 0;
  (exports.__ntwasm_crt_exit as Fn)(code);
  return code >>> 0;
}
