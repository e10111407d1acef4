import type {Tree, TreeCursor} from 'web-tree-sitter'

const NO_CHILDREN: SyntaxNode[] = []
/** Named node types of the HCL grammar that are single tokens. */
const LEAF_TYPES = [
  'identifier',
  'numeric_lit',
  'template_literal',
  'quoted_template_start',
  'quoted_template_end',
  'heredoc_identifier',
  'comment',
  'null_lit',
  'ellipsis',
  'strip_marker',
  'template_interpolation_start',
  'template_interpolation_end',
  'template_directive_start',
  'template_directive_end'
]

/** A syntax node as plain data. */
export interface SyntaxNode {
  type: string
  isNamed: boolean
  isMissing: boolean
  isError: boolean
  startIndex: number
  endIndex: number
  /** 0-based line of the first and last character. */
  startRow: number
  endRow: number
  text: string
  children: SyntaxNode[]
  namedChildren: SyntaxNode[]
}

/**
 * Copies the tree into plain objects in one cursor walk. web-tree-sitter's `Node` objects (and every
 * cursor property read) cost a round trip into wasm memory, which dominated large scans; so only
 * the type id and the two offsets are read per node, type names come from a per-id cache and lines
 * from a table of line starts. `withMissing` also reads MISSING flags (error reporting only).
 */
export function plainTree(tree: Tree, src: string, withMissing = false): SyntaxNode {
  const cursor = tree.walk()
  try {
    return copier(cursor, src, withMissing)()
  } finally {
    cursor.delete()
  }
}

/**
 * The top-level items of the file (the root body's attributes and blocks), copied one at a time:
 * a file of 50,000 resources never holds more than one resource's plain nodes at once.
 */
export function* plainBodyItems(tree: Tree, src: string): Generator<SyntaxNode> {
  const cursor = tree.walk()
  try {
    const copy = copier(cursor, src, false)
    if (!cursor.gotoFirstChild()) return
    do {
      if (cursor.nodeType !== 'body' || !cursor.gotoFirstChild()) continue
      do yield copy()
      while (cursor.gotoNextSibling())
      return
    } while (cursor.gotoNextSibling())
  } finally {
    cursor.delete()
  }
}

/** Copies the node under the cursor (and its subtree); the cursor ends where it started. */
function copier(cursor: TreeCursor, src: string, withMissing: boolean): () => SyntaxNode {
  const kinds = new Map<number, {type: string; named: boolean; leaf: boolean}>()
  const lineStarts = [0]
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const rowOf = (index: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid]! <= index) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  // Tokens never have children: asking the cursor would be one more wasm round trip per token.
  const leafTypes = new Set(LEAF_TYPES)
  const visit = (): SyntaxNode => {
    const id = cursor.nodeTypeId
    let kind = kinds.get(id)
    if (!kind) {
      const type = cursor.nodeType
      const named = cursor.nodeIsNamed
      kind = {type, named, leaf: !named || leafTypes.has(type)}
      kinds.set(id, kind)
    }
    const isMissing = withMissing && cursor.nodeIsMissing
    let children = NO_CHILDREN
    let namedChildren = NO_CHILDREN
    let startIndex: number
    let endIndex: number
    if (!kind.leaf && cursor.gotoFirstChild()) {
      children = []
      namedChildren = []
      do {
        const child = visit()
        children.push(child)
        if (child.isNamed) namedChildren.push(child)
      } while (cursor.gotoNextSibling())
      cursor.gotoParent()
      // A node spans exactly its children: two fewer wasm reads per inner node.
      startIndex = children[0]!.startIndex
      endIndex = children[children.length - 1]!.endIndex
    } else {
      startIndex = cursor.startIndex
      endIndex = cursor.endIndex
    }
    return {
      type: kind.type,
      isNamed: kind.named,
      isMissing,
      isError: kind.type === 'ERROR',
      startIndex,
      endIndex,
      startRow: rowOf(startIndex),
      // A node ending right after a newline ends on the previous line.
      endRow: rowOf(Math.max(startIndex, endIndex - 1)),
      text: src.slice(startIndex, endIndex),
      children,
      namedChildren
    }
  }
  return visit
}
