// Guest binaries from the host directory mapped to C:\ (CreateProcessW). A path that resolves,
// through symbolic links, to somewhere outside the root is treated as missing.
import { readFileSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import type { GuestFiles } from "../guest-files.ts";

export function nodeGuestFiles(root: string): GuestFiles {
  return {
    read(relativePath) {
      try {
        const top = realpathSync(root);
        const real = realpathSync(join(top, relativePath));
        if (real !== top && !real.startsWith(top + sep)) return null;
        return new Uint8Array(readFileSync(real));
      } catch {
        return null;
      }
    },
  };
}
