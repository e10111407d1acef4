import {parseJson} from '../json-parse'
import {assertNoConflictMarkers} from './reject-conflict-markers'

export interface JsonWithLines {
  value: unknown
  /** Line where the value at `path` (object keys and array indexes) starts, if recorded. */
  lineOf(path: readonly PropertyKey[]): number | undefined
}

/**
 * JSON.parse for the data plus one linear pass recording where values start, down to `maxDepth`
 * (JSON.parse keeps no positions; a YAML parser would, but is ~50x slower on a large lockfile).
 */
export function parseJsonWithLines(text: string, maxDepth: number): JsonWithLines {
  assertNoConflictMarkers(text)
  const value = parseJson(text)
  const lines = valueLines(text, maxDepth)
  return {value, lineOf: path => lines.get(path.map(String).join('\u0000'))}
}

interface Frame {
  array: boolean
  path: string
  key: string
  index: number
}

function valueLines(text: string, maxDepth: number): Map<string, number> {
  const lines = new Map<string, number>()
  const stack: Frame[] = []
  let line = 1
  let awaitingValue = true
  let expectKey = false
  const record = () => {
    if (stack.length <= maxDepth) lines.set(childPath(), line)
  }
  const childPath = (): string => {
    const frame = stack[stack.length - 1]
    if (!frame) return ''
    const segment = frame.array ? String(frame.index) : frame.key
    return stack.length === 1 ? segment : `${frame.path}\u0000${segment}`
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      line++
    } else if (c === 34) {
      let end = text.indexOf('"', i + 1)
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1)
      if (end === -1) break
      if (expectKey) {
        const frame = stack[stack.length - 1]
        if (frame && stack.length <= maxDepth)
          frame.key = JSON.parse(text.slice(i, end + 1)) as string
        expectKey = false
      } else if (awaitingValue) {
        record()
        awaitingValue = false
      }
      i = end
    } else if (c === 123 || c === 91) {
      if (awaitingValue) record()
      const path = childPath()
      stack.push({array: c === 91, path, key: '', index: 0})
      awaitingValue = c === 91
      expectKey = c === 123
    } else if (c === 125 || c === 93) {
      stack.pop()
      awaitingValue = false
      expectKey = false
    } else if (c === 44) {
      const frame = stack[stack.length - 1]
      if (frame?.array) {
        frame.index++
        awaitingValue = true
      } else expectKey = true
    } else if (c === 58) {
      awaitingValue = true
    } else if (awaitingValue && c !== 32 && c !== 9 && c !== 13) {
      record()
      awaitingValue = false
    }
  }
  return lines
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0
  for (let j = quote - 1; text.charCodeAt(j) === 92; j--) backslashes++
  return backslashes % 2 === 1
}
