// Windows command lines: quoting a list of arguments into one line, and splitting a line back into
// arguments with CommandLineToArgvW's rules (backslashes before a quote, "" inside quotes).

/** One argument quoted so that commandLineToArgv gives it back. */
export function quoteArg(arg: string): string {
  if (arg && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  for (let i = 0; i < arg.length; i++) {
    let slashes = 0;
    while (arg[i] === "\\") { slashes++; i++; }
    if (i === arg.length) { out += "\\".repeat(slashes * 2); break; }
    if (arg[i] === '"') out += "\\".repeat(slashes * 2 + 1) + '"';
    else out += "\\".repeat(slashes) + arg[i];
  }
  return out + '"';
}

export function argvToCommandLine(argv: string[]): string {
  return argv.map(quoteArg).join(" ");
}

/** CommandLineToArgvW: the program name ends at the first space (or closing quote), the rest as the CRT does. */
export function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  // argv[0]: quotes only group, backslashes are literal.
  let first = "";
  if (line[0] === '"') {
    i = 1;
    while (i < line.length && line[i] !== '"') first += line[i++];
    i++;
  } else {
    while (i < line.length && line[i] !== " " && line[i] !== "\t") first += line[i++];
  }
  args.push(first);
  for (;;) {
    while (line[i] === " " || line[i] === "\t") i++;
    if (i >= line.length) break;
    let arg = "", quoted = false;
    while (i < line.length && (quoted || (line[i] !== " " && line[i] !== "\t"))) {
      let slashes = 0;
      while (line[i] === "\\") { slashes++; i++; }
      if (line[i] === '"') {
        arg += "\\".repeat(slashes >> 1);
        if (slashes & 1) { arg += '"'; i++; }
        else if (quoted && line[i + 1] === '"') { arg += '"'; i += 2; }
        else { quoted = !quoted; i++; }
      } else {
        arg += "\\".repeat(slashes);
        if (i < line.length && (quoted || (line[i] !== " " && line[i] !== "\t"))) arg += line[i++];
      }
    }
    args.push(arg);
  }
  return args;
}
