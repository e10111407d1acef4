import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
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

/** Innermost marker first, so `⟦BASE64OF:...⟦ALNUM:20⟧⟧` encodes an already generated value. */
const MARKER = /⟦([A-Z0-9_]+):([^⟦⟧]*)⟧/

/**
 * Corpus files hold markers instead of secret values: `⟦ALNUM:36⟧` becomes 36 random-looking
 * characters, `⟦BASE64OF:text⟧` the base64 of text. Values are seeded by file and position, so a
 * run is reproducible, and no complete token is ever committed.
 */
export function expandMarkers(text: string, seed: string): string {
  let out = text
  let n = 0
  for (let m = MARKER.exec(out); m; m = MARKER.exec(out)) {
    const [whole, kind, arg] = m
    let value: string
    if (kind === 'BASE64OF') value = Buffer.from(arg!).toString('base64')
    else {
      const alphabet = ALPHABETS[kind!]
      if (!alphabet) throw new Error(`${seed}: unknown corpus marker ${whole}`)
      value = fake(alphabet, Number(arg), `${seed}#${n}`)
    }
    out = out.slice(0, m.index) + value + out.slice(m.index + whole!.length)
    n++
  }
  return out
}

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
    const abs = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(abs, base) : [relative(base, abs).split('\\').join('/')]
  })
}

/** Writes the expanded corpus (every file but the labels) into `target`. */
export function materializeCorpus(source: string, target: string): void {
  for (const path of listFiles(source)) {
    if (path === 'labels.json' || path === 'SOURCE.md') continue
    mkdirSync(dirname(join(target, path)), {recursive: true})
    writeFileSync(join(target, path), expandMarkers(readFileSync(join(source, path), 'utf8'), path))
  }
}
