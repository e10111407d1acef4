/** A JSON value with the lines it spans and its source offsets. */
export type JsonNode =
  | (Span & {kind: 'object'; entries: JsonEntry[]})
  | (Span & {kind: 'array'; items: JsonNode[]})
  | (Span & {kind: 'string'; value: string})
  | (Span & {kind: 'number'; value: number})
  | (Span & {kind: 'boolean'; value: boolean})
  | (Span & {kind: 'null'})

export interface Span {
  /** 1-based lines of the first and last character. */
  line: number
  endLine: number
  /** Offsets of the first character and just past the last. */
  start: number
  end: number
}

export interface JsonEntry {
  key: string
  keyLine: number
  value: JsonNode
}

export type JsonOutcome = {ok: true; value: JsonNode} | {ok: false; error: string}

/** Deeper documents are rejected: no Terraform file nests this far, and recursion stays bounded. */
export const MAX_JSON_DEPTH = 256

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERALS = {true: true, false: false, null: null} as const

/**
 * Parses JSON (RFC 8259, no comments) keeping every value's lines, for formats whose findings point
 * at a line (Terraform JSON syntax). An error names the file, the line and what was expected.
 */
export function parseJsonWithLines(text: string, path: string): JsonOutcome {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1

  const fail = (expected: string): never => {
    const found =
      i >= text.length
        ? 'the end of the file'
        : text[i] === '\n'
          ? 'a line break'
          : JSON.stringify(text[i])
    throw new JsonSyntaxError(`${path}:${line}: expected ${expected}, found ${found}`)
  }
  const space = (): void => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) line++
      else if (c !== 32 && c !== 9 && c !== 13) return
    }
  }
  const string = (): string => {
    const start = i
    let escaped = false
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        const raw = text.slice(start, i)
        if (!escaped) return raw.slice(1, -1)
        try {
          return JSON.parse(raw) as string
        } catch {
          i = start
          return fail('a valid escape sequence in the string')
        }
      }
      if (c < 32) return fail('the end of the string (a line break or control character is inside)')
      if (c === 92) {
        escaped = true
        i++
      }
    }
    return fail('the closing quote of the string')
  }
  const value = (depth: number): JsonNode => {
    if (depth > MAX_JSON_DEPTH)
      throw new JsonSyntaxError(`${path}:${line}: nested deeper than ${MAX_JSON_DEPTH} levels`)
    space()
    const start = i
    const startLine = line
    const span = (): Span => ({line: startLine, endLine: line, start, end: i})
    const c = text[i]
    if (c === '{') {
      i++
      const entries: JsonEntry[] = []
      space()
      if (text[i] === '}') {
        i++
        return {kind: 'object', entries, ...span()}
      }
      for (;;) {
        space()
        if (text[i] !== '"') fail('a property name in double quotes')
        const keyLine = line
        const key = string()
        space()
        if (text[i] !== ':') fail("':' after the property name")
        i++
        entries.push({key, keyLine, value: value(depth + 1)})
        space()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return {kind: 'object', entries, ...span()}
        }
        fail("',' or '}' after the property")
      }
    }
    if (c === '[') {
      i++
      const items: JsonNode[] = []
      space()
      if (text[i] === ']') {
        i++
        return {kind: 'array', items, ...span()}
      }
      for (;;) {
        items.push(value(depth + 1))
        space()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return {kind: 'array', items, ...span()}
        }
        fail("',' or ']' after the item")
      }
    }
    if (c === '"') {
      const s = string()
      return {kind: 'string', value: s, ...span()}
    }
    for (const [word, literal] of Object.entries(LITERALS)) {
      if (text.startsWith(word, i)) {
        i += word.length
        return literal === null
          ? {kind: 'null', ...span()}
          : {kind: 'boolean', value: literal, ...span()}
      }
    }
    NUMBER.lastIndex = i
    const number = NUMBER.exec(text)
    if (!number) return fail('a value')
    i += number[0].length
    return {kind: 'number', value: Number(number[0]), ...span()}
  }

  try {
    const root = value(0)
    space()
    if (i < text.length) fail('the end of the file')
    return {ok: true, value: root}
  } catch (error) {
    if (error instanceof JsonSyntaxError) return {ok: false, error: error.message}
    throw error
  }
}

class JsonSyntaxError extends Error {}
