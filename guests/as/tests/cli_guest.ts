// Guest for test/cli.test.ts: exports whose results the CLI must pass through as exit codes.
import { ExitProcess } from "../ntwasm";

export function exit_code_3(): i32 { return 3; }

export function exit_process_5(): i32 { ExitProcess(5); return 0; }
