// Wasm files the host bundle embeds (esbuild's binary loader, scripts/build.mjs): their bytes.
declare module "*.wasm" {
  const bytes: Uint8Array;
  export default bytes;
}
