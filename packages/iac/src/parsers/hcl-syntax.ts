import type {Parser, Tree} from 'web-tree-sitter'
import {type Expr, all, named, toExpr} from './hcl-expr'
import {type SyntaxNode as Node, plainBodyItems, plainTree} from './hcl-tree'

export interface HclAttribute {
  name: string
  line: number
  endLine: number
  expr: Expr
  /** The expression's source text (messages, fingerprints). */
  text: string
}

export interface HclBlock {
  type: string
  labels: string[]
  line: number
  endLine: number
  attributes: Map<string, HclAttribute>
  blocks: HclBlock[]
}

/** One .tf or .tfvars file: its top-level blocks and attributes, with lines. */
export interface HclFile {
  path: string
  /** Length of the source text: the evaluation budget grows with it. */
  size: number
  blocks: HclBlock[]
  attributes: Map<string, HclAttribute>
}

export type HclParseOutcome = {ok: true; file: HclFile} | {ok: false; error: string}

let parser: Parser | undefined
let loading: Promise<void> | undefined

/**
 * Loads web-tree-sitter and the Terraform grammar once. Both are imported lazily so a CLI run that
 * scans no .tf file pays nothing for them.
 */
export function initHcl(): Promise<void> {
  loading ??= (async () => {
    const [{Parser: TsParser, Language}, {treeSitterWasm, terraformWasm}] = await Promise.all([
      import('web-tree-sitter'),
      import('./hcl-wasm')
    ])
    await TsParser.init({wasmBinary: treeSitterWasm})
    const language = await Language.load(terraformWasm)
    const instance = new TsParser()
    instance.setLanguage(language)
    parser = instance
  })()
  return loading
}

/** Parses HCL text. Needs `initHcl()` first. A file with syntax errors is rejected as a whole. */
export function parseHcl(text: string, path: string): HclParseOutcome {
  if (!parser) throw new Error('initHcl() must finish before parseHcl()')
  const tree = parser.parse(text)
  if (!tree) return {ok: false, error: `${path}: could not be parsed`}
  try {
    return readTree(tree, text, path)
  } catch (error) {
    // Pathological nesting can exhaust the stack while converting; that file alone fails.
    if (error instanceof RangeError)
      return {ok: false, error: `${path}: nested too deeply to analyse`}
    throw error
  } finally {
    tree.delete()
  }
}

function readTree(tree: Tree, text: string, path: string): HclParseOutcome {
  if (tree.rootNode.hasError) {
    return {ok: false, error: syntaxError(plainTree(tree, text, true), text, path)}
  }
  const attributes = new Map<string, HclAttribute>()
  const blocks: HclBlock[] = []
  for (const item of plainBodyItems(tree, text)) readItem(item, text, attributes, blocks)
  return {ok: true, file: {path, size: text.length, blocks, attributes}}
}

function readBody(
  body: Node,
  src: string
): {attributes: Map<string, HclAttribute>; blocks: HclBlock[]} {
  const attributes = new Map<string, HclAttribute>()
  const blocks: HclBlock[] = []
  for (const child of named(body)) readItem(child, src, attributes, blocks)
  return {attributes, blocks}
}

/** One attribute or block of a body into the maps being built. */
function readItem(
  child: Node,
  src: string,
  attributes: Map<string, HclAttribute>,
  blocks: HclBlock[]
): void {
  if (child.type === 'attribute') {
    const name = named(child)[0]!.text
    const value = named(child).find(c => c.type === 'expression')
    if (!value) return
    attributes.set(name, {
      name,
      line: child.startRow + 1,
      endLine: child.endRow + 1,
      expr: toExpr(value, src),
      text: value.text
    })
  } else if (child.type === 'block') {
    blocks.push(readBlock(child, src))
  }
}

function readBlock(node: Node, src: string): HclBlock {
  const labels: string[] = []
  let inner: Node | undefined
  named(node).forEach((child, i) => {
    if (child.type === 'string_lit') labels.push(child.text.slice(1, -1))
    else if (child.type === 'identifier' && i > 0) labels.push(child.text)
    else if (child.type === 'body') inner = child
  })
  const {attributes, blocks} = inner ? readBody(inner, src) : {attributes: new Map(), blocks: []}
  return {
    type: named(node)[0]!.text,
    labels,
    line: node.startRow + 1,
    endLine: node.endRow + 1,
    attributes,
    blocks
  }
}

/** "main.tf:12: syntax error near `foo = `" for the first error or missing token. */
function syntaxError(root: Node, src: string, path: string): string {
  const bad = firstError(root) ?? root
  const line = bad.startRow + 1
  if (bad.isMissing) return `${path}:${line}: syntax error: missing "${bad.type}"`
  const lineText = src.split('\n')[bad.startRow] ?? ''
  const near = (bad.text.split('\n')[0] || lineText).trim().slice(0, 40)
  return `${path}:${line}: syntax error near "${near}"`
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node
  for (const child of all(node)) {
    const found = firstError(child)
    if (found) return found
  }
  return undefined
}
