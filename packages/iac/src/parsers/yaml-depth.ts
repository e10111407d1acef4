/**
 * Nesting a YAML file may have before it is parsed. The yaml package parses recursively and runs
 * out of stack near 800 levels; no real manifest comes close to this bound, so a deeper file is
 * rejected up front instead of reaching a stack overflow.
 */
export const MAX_YAML_DEPTH = 200

const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/

/**
 * The 1-based line where nesting first exceeds `max`, or undefined. Nesting is counted per line as
 * the open indentation levels, the extra `- ` of compact sequences and the open flow brackets
 * (outside quotes and comments); block scalar text is skipped.
 */
export function tooDeepAt(source: string, max = MAX_YAML_DEPTH): number | undefined {
  const indents: number[] = []
  let flow = 0
  let blockScalar: number | undefined
  const lines = source.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    const text = line.trimStart()
    const indent = line.length - text.length
    if (text === '' || text.startsWith('#')) continue
    if (blockScalar !== undefined && indent > blockScalar) continue
    blockScalar = undefined
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop()
      indents.push(indent)
    }
    const dashes = /^(?:-[ \t]+)*/.exec(text)![0].split('-').length - 1
    flow = flowDepthAfter(text, flow, () => indents.length + Math.max(0, dashes - 1), max)
    if (flow < 0) return n + 1
    if (indents.length + Math.max(0, dashes - 1) > max) return n + 1
    if (flow === 0 && BLOCK_SCALAR.test(text)) blockScalar = indent
  }
  return undefined
}

/** Open brackets after one line, or -1 as soon as the total depth passes `max`. */
function flowDepthAfter(text: string, depth: number, base: () => number, max: number): number {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = undefined
      continue
    }
    const before = i === 0 ? ' ' : text[i - 1]!
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) quote = c
    else if (c === '#' && /\s/.test(before)) break
    else if (c === '[' || c === '{') {
      if (++depth + base() > max) return -1
    } else if ((c === ']' || c === '}') && depth > 0) depth--
  }
  return depth
}
