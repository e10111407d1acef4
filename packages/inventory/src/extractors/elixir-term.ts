import {ExtractError} from '../extractor'
import {excerpt} from '../excerpt'

/** The subset of Elixir literals mix.lock is written in. */
export type Term =
  | {kind: 'string'; value: string; line: number}
  | {kind: 'atom'; value: string; line: number}
  | {kind: 'number'; value: string; line: number}
  | {kind: 'tuple'; items: Term[]; line: number}
  | {kind: 'list'; items: Term[]; line: number}
  | {kind: 'pair'; key: string; value: Term; line: number}
  | {kind: 'map'; entries: {key: Term; value: Term}[]; line: number}

/**
 * Reads one Elixir literal: maps (`%{"k": v}` and `%{"k" => v}`), tuples, lists with keyword pairs
 * (`[hex: :cowlib, optional: false]`), strings, atoms and numbers. Hand-written: no JavaScript library
 * reads Elixir terms, and mix.lock is only ever this literal subset (Mix writes it with `inspect`).
 */
export function parseElixirTerm(text: string): Term {
  let i = 0
  let line = 1
  const fail = (expected: string): never => {
    const found =
      i >= text.length
        ? 'the end of the file (truncated?)'
        : `'${excerpt(text.slice(i, i + 40).split('\n')[0]!, 12)}'`
    throw new ExtractError(`expected ${expected}, found ${found}`, line)
  }
  const space = () => {
    while (i < text.length) {
      const c = text[i]
      if (c === '\n') line++
      if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++
        continue
      }
      if (c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') return
      i++
    }
  }
  const string = (): string => {
    let value = ''
    for (i++; i < text.length; i++) {
      const c = text[i] as string
      if (c === '"') {
        i++
        return value
      }
      if (c === '\n') line++
      if (c === '\\') {
        i++
        value += text[i] ?? ''
      } else value += c
    }
    return fail('the closing " of a string')
  }
  /** `word:` keyword key at the cursor, or undefined (cursor unchanged). */
  const keywordKey = (): string | undefined => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*[?!]?):(?=\s)/.exec(text.slice(i, i + 64))
    if (!match) return undefined
    i += match[0].length
    return match[1]
  }
  const sequence = (close: string, item: () => Term): Term[] => {
    const items: Term[] = []
    space()
    if (text[i] === close) {
      i++
      return items
    }
    for (;;) {
      items.push(item())
      space()
      if (text[i] === ',') {
        i++
        space()
        if (text[i] === close) {
          i++
          return items
        }
        continue
      }
      if (text[i] === close) {
        i++
        return items
      }
      fail(`',' or '${close}'`)
    }
  }
  const value = (): Term => {
    space()
    const start = line
    const c = text[i]
    if (c === '%' && text[i + 1] === '{') {
      i += 2
      const entries: {key: Term; value: Term}[] = []
      sequence('}', () => {
        space()
        const keyLine = line
        let key: Term
        if (text[i] === '"') {
          const name = string()
          key = {kind: 'string', value: name, line: keyLine}
          if (text[i] === ':') i++
          else {
            space()
            if (text.slice(i, i + 2) !== '=>') fail("':' or '=>' after a map key")
            i += 2
          }
        } else {
          const name = keywordKey()
          if (name !== undefined) key = {kind: 'atom', value: name, line: keyLine}
          else {
            key = value()
            space()
            if (text.slice(i, i + 2) !== '=>') fail("'=>' after a map key")
            i += 2
          }
        }
        const entry = {key, value: value()}
        entries.push(entry)
        return entry.value
      })
      return {kind: 'map', entries, line: start}
    }
    if (c === '{') {
      i++
      return {kind: 'tuple', items: sequence('}', value), line: start}
    }
    if (c === '[') {
      i++
      const items = sequence(']', () => {
        space()
        const pairLine = line
        const key = keywordKey()
        return key === undefined ? value() : {kind: 'pair', key, value: value(), line: pairLine}
      })
      return {kind: 'list', items, line: start}
    }
    if (c === '"') return {kind: 'string', value: string(), line: start}
    if (c === ':') {
      i++
      if (text[i] === '"') return {kind: 'atom', value: string(), line: start}
      const match = /^[A-Za-z_][A-Za-z0-9_@]*[?!]?/.exec(text.slice(i, i + 256))
      if (!match) fail('an atom name after ":"')
      i += (match as RegExpExecArray)[0].length
      return {kind: 'atom', value: (match as RegExpExecArray)[0], line: start}
    }
    const bare = /^(?:true|false|nil)\b|^-?\d[\d_]*(?:\.\d+)?/.exec(text.slice(i, i + 64))
    if (bare) {
      i += bare[0].length
      return /^\d|^-/.test(bare[0])
        ? {kind: 'number', value: bare[0], line: start}
        : {kind: 'atom', value: bare[0], line: start}
    }
    return fail('a value (map, tuple, list, string, atom or number)')
  }
  const term = value()
  space()
  if (i < text.length) fail('the end of the file after the term')
  return term
}
