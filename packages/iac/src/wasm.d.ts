/** `.wasm` imports are embedded as bytes (esbuild's binary loader; scripts/jest-wasm-transform.cjs in jest). */
declare module '*.wasm' {
  const bytes: Uint8Array
  export default bytes
}
