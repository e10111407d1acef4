// Both grammars are embedded in the bundle so dist/ runs from a clone with no node_modules.
// Imported lazily (see hcl-syntax.ts): decoding them costs nothing until a .tf file is scanned.
import terraformWasm from '../../../../node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'
import treeSitterWasm from '../../../../node_modules/web-tree-sitter/tree-sitter.wasm'

export {terraformWasm, treeSitterWasm}
