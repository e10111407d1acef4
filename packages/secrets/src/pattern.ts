import {RE2JS} from 're2js'

/** One regex match: where it is and its capture groups (index 0 = the whole match). */
export interface PatternMatch {
  index: number
  end: number
  groups: Array<string | undefined>
}

/**
 * A compiled regex behind one interface, so built-in rules (V8 RegExp, fast) and user-supplied
 * gitleaks rules (RE2 via re2js, linear time: a user pattern can never hang the scan) run alike.
 */
export interface Pattern {
  readonly source: string
  readonly groupCount: number
  /** True when a match can span lines (the engine needs a larger window around a keyword). */
  readonly multiline: boolean
  /** All non-overlapping matches in `text`. */
  matchAll(text: string): PatternMatch[]
  test(text: string): boolean
}

/**
 * Sources written to span lines (PEM blocks): an explicit `\n`/`\r`, `[\s\S]`-style classes or dotAll.
 * A stray `\s*` between a key and its value is not counted: the window around a keyword already
 * reaches into the next line.
 */
const SPANS_LINES = /\\[nr]|\[\\[sSwWdD]\\[sSwWdD]\]/
/** A negated class such as `[^;\n]` mentions `\n` to exclude it: not evidence of spanning lines. */
const NEGATED_CLASS = /\[\^(?:\\.|[^\]\\])*\]/g

function spansLines(source: string): boolean {
  return SPANS_LINES.test(source.replace(NEGATED_CLASS, ''))
}

export function jsPattern(regex: RegExp): Pattern {
  const flags = regex.flags.replace(/[gy]/g, '')
  const global = new RegExp(regex.source, flags + 'g')
  const single = new RegExp(regex.source, flags)
  const groupCount = new RegExp(`${regex.source}|`, flags).exec('')!.length - 1
  return {
    source: regex.source,
    groupCount,
    multiline: flags.includes('s') || spansLines(regex.source),
    matchAll(text) {
      const out: PatternMatch[] = []
      global.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = global.exec(text)) !== null) {
        out.push({index: m.index, end: m.index + m[0].length, groups: [...m]})
        if (m[0].length === 0) global.lastIndex++
      }
      return out
    },
    test: text => single.test(text)
  }
}

/** Go RE2 syntax (gitleaks configs): `(?i)`, `\z`, `(?P<name>...)`. Throws on invalid syntax. */
export function re2Pattern(source: string): Pattern {
  const re = RE2JS.compile(source)
  const groupCount = re.groupCount()
  return {
    source,
    groupCount,
    multiline: /\(\?[a-zA-Z]*s[a-zA-Z]*[:)]/.test(source) || spansLines(source),
    matchAll(text) {
      const out: PatternMatch[] = []
      const m = re.matcher(text)
      let from = 0
      while (from <= text.length && m.find(from)) {
        const groups: Array<string | undefined> = []
        for (let g = 0; g <= groupCount; g++) groups.push(m.group(g) ?? undefined)
        out.push({index: m.start(), end: m.end(), groups})
        from = m.end() > m.start() ? m.end() : m.end() + 1
      }
      return out
    },
    test: text => re.matcher(text).find()
  }
}

/** Validates an RE2 pattern and returns the engine's reason when it is not one. */
export function re2Error(source: string): string | undefined {
  try {
    RE2JS.compile(source)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
