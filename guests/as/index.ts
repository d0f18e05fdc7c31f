// The AssemblyScript guest SDK in one import, for programs outside this repository:
//   import { CreateEventW, W, println } from "ntwasm/guests/as";
// (asc finds it in node_modules). Build with `ntwasm asc prog.ts -o prog.wasm`.
export * from "./ntwasm";
export * from "./lib/win";
