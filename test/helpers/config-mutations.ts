import {seededRandom} from './seeded-random'

/**
 * Seeded, deterministic mutations of config texts for fuzz tests: the same seed gives the same
 * inputs on every run, so a failure names a seed and an input that reproduce it.
 */

/** Fragments that stress a YAML or TOML parser and the schema behind it. */
const TOKENS = [
  '\n',
  ' ',
  '  ',
  '\t',
  ':',
  ': ',
  '- ',
  '-',
  ',',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  "'''",
  '#',
  '&a ',
  '*a',
  '&b [*a, *a, *a]',
  '<<: *a',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '!!binary ',
  '!!timestamp ',
  '!!set ',
  '? ',
  '|',
  '>-',
  '~',
  'null',
  'true',
  'no',
  '0x1F',
  '1e999',
  '-0',
  '2099-02-30',
  '2024-02-29',
  '__proto__',
  'constructor',
  'reason: ',
  'path: "**"',
  'expires: ',
  '[[rules]]\n',
  '[[allowlists]]\n',
  '[extend]\n',
  'useDefault = true\n',
  'path = "none.toml"\n',
  'regex = ',
  '(?<=x)',
  '(a+)+$',
  '\\',
  '\\u0000',
  '\u0000',
  '\uFEFF',
  '\u2028',
  'é'
]

export type Mutation = (text: string, next: () => number) => string

const at = (text: string, next: () => number): number => Math.floor(next() * (text.length + 1))

export const MUTATIONS: Mutation[] = [
  // insert a token
  (text, next) => {
    const i = at(text, next)
    return text.slice(0, i) + TOKENS[Math.floor(next() * TOKENS.length)] + text.slice(i)
  },
  // delete a span
  (text, next) => {
    const i = at(text, next)
    return text.slice(0, i) + text.slice(i + 1 + Math.floor(next() * 12))
  },
  // duplicate a span
  (text, next) => {
    const i = at(text, next)
    const span = text.slice(i, i + 1 + Math.floor(next() * 40))
    return text.slice(0, i) + span + span + text.slice(i)
  },
  // replace one character with any code unit
  (text, next) => {
    const i = Math.floor(next() * text.length)
    return text.slice(0, i) + String.fromCharCode(Math.floor(next() * 0x3000)) + text.slice(i + 1)
  },
  // swap two lines
  (text, next) => {
    const lines = text.split('\n')
    const a = Math.floor(next() * lines.length)
    const b = Math.floor(next() * lines.length)
    ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
    return lines.join('\n')
  },
  // change the indentation of a line
  (text, next) => {
    const lines = text.split('\n')
    const i = Math.floor(next() * lines.length)
    lines[i] = next() < 0.5 ? `  ${lines[i]}` : lines[i]!.replace(/^ {1,2}/, '')
    return lines.join('\n')
  },
  // cut the file short
  (text, next) => text.slice(0, at(text, next))
]

/** `count` mutants of the seeds, each one to four mutations deep. */
export function* mutants(
  seeds: readonly string[],
  count: number,
  seed: number
): Generator<{index: number; text: string}> {
  const next = seededRandom(seed)
  for (let index = 0; index < count; index++) {
    let text = seeds[index % seeds.length]!
    const depth = 1 + Math.floor(next() * 4)
    for (let d = 0; d < depth; d++)
      text = MUTATIONS[Math.floor(next() * MUTATIONS.length)]!(text, next)
    yield {index, text}
  }
}
