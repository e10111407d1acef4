// Jest stand-in for esbuild's binary loader (jest would instantiate a .wasm import as a module).
import {readFileSync} from 'node:fs'

export default new Uint8Array(
  readFileSync(new URL('../../node_modules/web-tree-sitter/tree-sitter.wasm', import.meta.url))
)
