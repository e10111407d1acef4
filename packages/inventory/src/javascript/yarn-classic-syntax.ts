import {ExtractError} from '../extractor'
import {excerpt} from '../excerpt'

export interface ClassicEntry {
  /** The descriptors the entry resolves (`lodash@^4.17.0`, `alias@npm:real@^1`). */
  specs: string[]
  line: number
  fields: Record<string, string>
  /** Nested blocks (`dependencies`, `optionalDependencies`) as name -> range. */
  blocks: Record<string, Record<string, string>>
}

/**
 * yarn.lock v1 ("classic") syntax: not YAML (`version "1.2.3"`, comma-separated keys), and
 * @yarnpkg/lockfile is unmaintained CommonJS without positions, so this small line parser keeps
 * the line of every entry.
 */
export function parseClassicLockfile(text: string): ClassicEntry[] {
  const entries: ClassicEntry[] = []
  let entry: ClassicEntry | undefined
  let block: Record<string, string> | undefined
  const lines = text.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.replace(/\r$/, '')
    const line = n + 1
    const trimmed = raw.trim()
    if (!trimmed || trimmed.startsWith('#')) continue
    const indent = raw.length - raw.trimStart().length
    if (raw.slice(0, indent).includes('\t')) {
      throw new ExtractError('expected spaces for indentation, found a tab', line)
    }
    if (indent === 0) {
      if (!trimmed.endsWith(':'))
        throw new ExtractError(
          `expected an entry key ending in ':', found ${JSON.stringify(excerpt(trimmed))}`,
          line
        )
      entry = {specs: parseSpecs(trimmed.slice(0, -1), line), line, fields: {}, blocks: {}}
      block = undefined
      entries.push(entry)
    } else if (indent === 2) {
      if (!entry) throw new ExtractError('expected an entry key before indented fields', line)
      const [key, value] = parseKeyValue(trimmed, line)
      if (value === undefined) {
        block = entry.blocks[key] = {}
      } else {
        entry.fields[key] = value
        block = undefined
      }
    } else if (indent === 4) {
      if (!block)
        throw new ExtractError(
          'expected a field ending in ":" (such as dependencies:) before this nested line',
          line
        )
      const [key, value] = parseKeyValue(trimmed, line)
      if (value === undefined)
        throw new ExtractError(`expected a value after ${JSON.stringify(excerpt(key))}`, line)
      block[key] = value
    } else {
      throw new ExtractError(
        `unexpected indentation of ${indent} spaces (expected 0, 2 or 4)`,
        line
      )
    }
  }
  return entries
}

function parseSpecs(text: string, line: number): string[] {
  const specs: string[] = []
  let i = 0
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === ',') i++
    if (i >= text.length) break
    if (text[i] === '"') {
      const [value, end] = readQuoted(text, i, line)
      specs.push(value)
      i = end
    } else {
      const comma = text.indexOf(',', i)
      const end = comma === -1 ? text.length : comma
      specs.push(text.slice(i, end).trim())
      i = end
    }
  }
  if (!specs.length)
    throw new ExtractError('expected at least one package descriptor before ":"', line)
  return specs
}

/** `key value`, `"key" "value"` or `key:` (a block); value undefined for a block. */
function parseKeyValue(text: string, line: number): [string, string | undefined] {
  let key: string
  let rest: string
  if (text.startsWith('"')) {
    const [value, end] = readQuoted(text, 0, line)
    key = value
    rest = text.slice(end)
  } else {
    const match = /^[^\s]+/.exec(text)!
    key = match[0]
    rest = text.slice(key.length)
  }
  if (rest.trim() === '' && key.endsWith(':')) return [key.slice(0, -1), undefined]
  if (rest === ':') return [key, undefined]
  const value = rest.trim()
  if (!value) throw new ExtractError(`expected a value after ${JSON.stringify(excerpt(key))}`, line)
  return [key, value.startsWith('"') ? readQuoted(value, 0, line)[0] : value]
}

function readQuoted(text: string, start: number, line: number): [string, number] {
  const match = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(start))
  if (!match)
    throw new ExtractError(`expected a closing quote in ${JSON.stringify(excerpt(text))}`, line)
  try {
    return [JSON.parse(match[0]) as string, start + match[0].length]
  } catch {
    throw new ExtractError(
      `expected a valid quoted string, got ${JSON.stringify(excerpt(match[0]))}`,
      line
    )
  }
}
