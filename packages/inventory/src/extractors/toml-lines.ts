import {parse, TomlError} from 'smol-toml'
import {ExtractError} from '../extractor'
import {assertNoConflictMarkers} from './reject-conflict-markers'

/** smol-toml's parse with its line/column turned into an ExtractError. */
export function parseToml(text: string): Record<string, unknown> {
  assertNoConflictMarkers(text)
  try {
    return parse(text)
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? ''
      throw new ExtractError(`invalid TOML (column ${error.column}): ${reason}`, error.line)
    }
    throw error
  }
}

/**
 * 1-based lines of each `[[header]]` array-of-tables header, in order: element i of the parsed
 * array was declared at lines[i] (smol-toml keeps no positions).
 */
export function arrayTableLines(text: string, header: string): number[] {
  const wanted = `[[${header}]]`
  const lines: number[] = []
  let line = 1
  let start = 0
  while (start <= text.length) {
    const end = text.indexOf('\n', start)
    const content = text.slice(start, end === -1 ? text.length : end).trim()
    if (
      content === wanted ||
      (content.startsWith(wanted) && content.slice(wanted.length).trim().startsWith('#'))
    )
      lines.push(line)
    if (end === -1) break
    start = end + 1
    line++
  }
  return lines
}

/** For validateShape: the `[[header]]` line of the array element a key path points into. */
export function arrayTableLineOf(
  header: string,
  lines: number[]
): (path: readonly PropertyKey[]) => number | undefined {
  return path => (path[0] === header && typeof path[1] === 'number' ? lines[path[1]] : undefined)
}
