import {isAlias, isCollection, isNode, isPair, type Document, type Node} from 'yaml'

/**
 * Values that YAML aliases (`*name`) may add to a config by expansion. A real config uses a few;
 * a "billion laughs" file (aliases of aliases) expands past any memory.
 */
export const MAX_ALIAS_EXPANSION = 10_000

export interface AliasProblem {
  /** Offset in the source, for the line number. */
  offset: number
  message: string
}

/**
 * The first alias that has no anchor before it, refers to a node that contains it (a cycle) or
 * takes the expanded document past MAX_ALIAS_EXPANSION values. Counts on the parsed tree, before
 * anything is expanded; an anchor is the last one of that name before the alias, as YAML says.
 */
export function checkAliases(doc: Document): AliasProblem | undefined {
  const anchors = new Map<string, Node>()
  const sizes = new Map<Node, number>()
  let expanded = 0
  let problem: AliasProblem | undefined

  const walk = (node: unknown): number => {
    if (problem) return 0
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0
      const target = anchors.get(node.source)
      if (!target) {
        problem = {offset, message: `alias *${node.source} has no anchor &${node.source} before it`}
        return 0
      }
      const size = sizes.get(target)
      if (size === undefined) {
        problem = {offset, message: `alias *${node.source} refers to a value that contains it`}
        return 0
      }
      expanded += size
      if (expanded > MAX_ALIAS_EXPANSION) {
        problem = {
          offset,
          message: `too many alias expansions (limit ${MAX_ALIAS_EXPANSION} values): aliases of aliases multiply`
        }
      }
      return size
    }
    if (!isNode(node)) return 1
    // Registered before the children are walked, so an alias inside its own anchor is a cycle.
    if (node.anchor) anchors.set(node.anchor, node)
    let size = 1
    if (isCollection(node)) {
      for (const item of node.items) {
        size += isPair(item) ? walk(item.key) + walk(item.value) : walk(item)
      }
    }
    sizes.set(node, size)
    return size
  }

  walk(doc.contents)
  return problem
}
