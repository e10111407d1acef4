/**
 * PyYAML (and so the SAM CLI and cfn-lint) accepts a multi-line flow collection or quoted scalar
 * whose continuation lines sit at the parent key's indentation:
 *
 *     Events: [
 *     a, b
 *     ]
 *
 * The YAML 1.2 parser refuses them. This pass indents such continuation lines by one column more
 * than the line that opened the construct; indentation inside flow collections carries no meaning
 * and leading spaces of a quoted scalar's continuation lines are folded away, so values and line
 * numbers stay the same. It is used only to retry a file the strict parse rejected.
 */
export function relaxFlowIndentation(source: string): string {
  const lines = source.split('\n')
  let depth = 0
  let quote: '"' | "'" | undefined
  let openIndent = 0
  let blockIndent: number | undefined
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    const indent = /^ */.exec(line)![0].length
    const open = depth > 0 || quote !== undefined
    if (!open && blockIndent !== undefined) {
      if (line.trim() === '' || indent > blockIndent) continue
      blockIndent = undefined
    }
    if (open && line.trim() !== '' && indent <= openIndent)
      lines[n] = ' '.repeat(openIndent + 1 - indent) + line
    if (!open) openIndent = indent
    let previous = ' '
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!
      if (quote) {
        if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++
          else quote = undefined
        } else if (c === '\\' && quote === '"') i++
      } else if (c === '#' && /\s/.test(previous)) break
      else if ((c === '"' || c === "'") && /[\s:[{,-]/.test(previous)) quote = c
      else if (c === '[' || c === '{') depth++
      else if ((c === ']' || c === '}') && depth > 0) depth--
      previous = c
    }
    if (depth === 0 && quote === undefined && /(^|[:\s-])[|>][-+0-9]*\s*(#.*)?$/.test(line))
      blockIndent = indent
  }
  return lines.join('\n')
}
