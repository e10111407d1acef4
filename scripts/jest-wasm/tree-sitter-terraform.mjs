// Jest stand-in for esbuild's binary loader (jest would instantiate a .wasm import as a module).
import {readFileSync} from 'node:fs'

export default new Uint8Array(
  readFileSync(
    new URL(
      '../../node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
      import.meta.url
    )
  )
)
