import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {RULES, type SecretRule} from '@pipeguard/secrets'
import {fake} from './fake'

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
const ALPHABETS: Record<string, string> = {
  ALNUM: UPPER + LOWER + DIGITS,
  UPPER_ALNUM: UPPER + DIGITS,
  LOWERUPPER: UPPER + LOWER,
  UPPER32: UPPER + '234567',
  HEX: '0123456789abcdef',
  DIGITS,
  B64: UPPER + LOWER + DIGITS + '+/',
  B64URL: UPPER + LOWER + DIGITS + '-_'
}

/** The kinds of hard negative the corpus must hold at least one of (issue 4, noise control). */
export const NEGATIVE_KINDS = [
  'aws-example',
  'xxxx-placeholder',
  'angle-placeholder',
  'shell-variable',
  'actions-secret',
  'process-env',
  'os-environ',
  'stopword',
  'lockfile-integrity',
  'uuid',
  'git-sha',
  'ssh-public-key',
  'pem-public-key',
  'low-entropy',
  'documentation-example'
] as const

export interface Label {
  path: string
  line: number
  ruleId: string
}

export interface NegativeMark {
  path: string
  line: number
  kind: string
}

export interface ExpandedFile {
  text: string
  /** Secrets planted with `⟦SECRET:…⟧` / `⟦EXAMPLE:…⟧`, labelled by the marker itself. */
  labels: Label[]
  negatives: NegativeMark[]
}

/** Innermost marker first, so `⟦BASE64OF:...⟦ALNUM:20⟧⟧` encodes an already generated value. */
const MARKER = /⟦([A-Z0-9_]+):([^⟦⟧]*)⟧/

const RULES_BY_ID = new Map(RULES.map(rule => [rule.id, rule]))

/**
 * A rule's own example (`truePositives[n]`, built by rules/synthetic.ts) and the secret in it, found
 * with the rule's regex and secret group, as the detector does.
 */
function ruleExample(ref: string, where: string): {example: string; secret: string; at: number} {
  const [id, index = '0'] = ref.split('@')
  const rule: SecretRule | undefined = RULES_BY_ID.get(id!)
  const example = rule?.truePositives[Number(index)]
  if (!rule || example === undefined) throw new Error(`${where}: no rule example ${ref}`)
  const match = new RegExp(rule.regex.source, rule.regex.flags).exec(example)
  if (!match) throw new Error(`${where}: rule ${id} does not match its own example ${index}`)
  const group = rule.secretGroup ?? (match.length > 1 ? 1 : 0)
  const secret = match[group]!
  return {example, secret, at: match.index + match[0].indexOf(secret)}
}

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length

/**
 * Corpus files hold markers instead of secret values, so no complete token is ever committed:
 * - `⟦ALNUM:36⟧`: 36 random-looking characters of that alphabet (seeded by file and position);
 * - `⟦BASE64OF:text⟧`: the base64 of text;
 * - `⟦SECRET:rule-id⟧` (or `rule-id@n`): the secret in that rule's example n (default 0), labelled
 *   as a planted secret of that rule on its line;
 * - `⟦EXAMPLE:rule-id⟧`: that example's whole text (multi-line keys, files), labelled likewise;
 * - `⟦NEGATIVE:kind⟧`: nothing; marks its line as a hard negative of that kind.
 * Values of the alphabet markers are labelled in labels.json instead.
 */
export function expandMarkers(text: string, seed: string): ExpandedFile {
  const labels: Label[] = []
  const negatives: NegativeMark[] = []
  let out = text
  let n = 0
  for (let m = MARKER.exec(out); m; m = MARKER.exec(out)) {
    const [whole, kind, arg] = m
    const where = `${seed}:${lineAt(out, m.index)}`
    let value: string
    if (kind === 'BASE64OF') value = Buffer.from(arg!).toString('base64')
    else if (kind === 'SECRET' || kind === 'EXAMPLE') {
      const {example, secret, at} = ruleExample(arg!, where)
      value = kind === 'SECRET' ? secret : example
      const offset = kind === 'SECRET' ? 0 : at
      const ruleId = arg!.split('@')[0]!
      labels.push({path: seed, line: lineAt(out, m.index) + lineAt(value, offset) - 1, ruleId})
    } else if (kind === 'NEGATIVE') {
      if (!(NEGATIVE_KINDS as readonly string[]).includes(arg!))
        throw new Error(`${where}: unknown negative kind ${arg}`)
      negatives.push({path: seed, line: lineAt(out, m.index), kind: arg!})
      value = ''
    } else {
      const alphabet = ALPHABETS[kind!]
      if (!alphabet) throw new Error(`${where}: unknown corpus marker ${whole}`)
      value = fake(alphabet, Number(arg), `${seed}#${n}`)
    }
    // A negative mark takes the blanks before it along, leaving the line as it would be written.
    const start =
      kind === 'NEGATIVE' ? out.slice(0, m.index).replace(/[ \t]+$/, '').length : m.index
    // A marker only ever replaces text at or after every earlier one, so earlier lines stay put.
    out = out.slice(0, start) + value + out.slice(m.index + whole!.length)
    n++
  }
  return {text: out, labels, negatives}
}

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
    const abs = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(abs, base) : [relative(base, abs).split('\\').join('/')]
  })
}

export interface Corpus {
  files: number
  /** labels.json plus the labels of the rule-example markers. */
  labels: Label[]
  negatives: NegativeMark[]
}

/** Writes the expanded corpus (every file but the labels and the note) into `target`. */
export function materializeCorpus(source: string, target: string): Corpus {
  const labels = JSON.parse(readFileSync(join(source, 'labels.json'), 'utf8')) as Label[]
  const negatives: NegativeMark[] = []
  let files = 0
  for (const path of listFiles(source)) {
    if (path === 'labels.json' || path === 'SOURCE.md') continue
    const expanded = expandMarkers(readFileSync(join(source, path), 'utf8'), path)
    mkdirSync(dirname(join(target, path)), {recursive: true})
    writeFileSync(join(target, path), expanded.text)
    labels.push(...expanded.labels)
    negatives.push(...expanded.negatives)
    files++
  }
  return {files, labels, negatives}
}
