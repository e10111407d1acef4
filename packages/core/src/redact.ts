import {shannonEntropy} from './entropy'

/**
 * The only form in which a secret may leave the scanner: the known public prefix plus at most
 * four characters, then asterisks (`ghp_Ab12****`).
 */
export function redact(secret: string, prefixLength = 0): string {
  const known = Math.max(prefixLength, urlPrefixLength(secret))
  const keep = Math.min(secret.length, known + 4, Math.floor(secret.length / 2))
  return `${secret.slice(0, Math.max(0, keep))}****`
}

/**
 * A secret that is a URL (a Slack or Discord webhook) is known by its scheme, host and the
 * lower-case words of its path (`https://hooks.slack.com/services/`): public, and what tells a
 * reader which secret it is. Not a URL with userinfo: `user:password@` is secret.
 */
const URL_PREFIX = /^[A-Za-z][\w+.-]{0,15}:\/\/[A-Za-z0-9.-]+(?::\d+)?\/(?:[a-z]+(?:-[a-z]+)*\/)*/

function urlPrefixLength(secret: string): number {
  return URL_PREFIX.exec(secret)?.[0].length ?? 0
}

/** What replaces a credential where nothing of it may remain (fingerprint input). */
export const MASK = '****'

/** A part of a text a scanner knows to be a secret, and the form to show instead. */
export interface Redaction {
  start: number
  end: number
  replacement: string
}

/**
 * `text` with every credential in it redacted: the spans a scanner found (shown as given) and,
 * around them, whatever else looks like a credential (see `credentialSpans`), shown as
 * `mask(value)`. Every snippet and fingerprint input goes through here, so a second secret on
 * the line of a finding (the secret key next to its key id in a CSV row) never shows.
 */
export function redactCredentials(
  text: string,
  found: Redaction[] = [],
  mask: (value: string) => string = value => redact(value)
): string {
  const spans: Redaction[] = [...found]
  for (const [start, end] of credentialSpans(text)) {
    const pieces = outside(start, end, found)
    if (pieces.length === 1 && pieces[0]![0] === start && pieces[0]![1] === end) {
      spans.push({start, end, replacement: mask(text.slice(start, end))})
      continue
    }
    // What a found secret leaves of a longer run is masked when more than a few characters.
    for (const [from, to] of pieces.map(([a, b]) => trimSeparators(text, a, b)))
      if (to - from >= 8)
        spans.push({start: from, end: to, replacement: mask(text.slice(from, to))})
  }
  spans.sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const span of spans) {
    // Of two overlapping found spans the first one's form stands; nothing of the second shows.
    if (span.start >= at) out += text.slice(at, span.start) + span.replacement
    at = Math.max(at, span.end)
  }
  return out + text.slice(at)
}

/** Overlapping or touching spans merged. */
function unite(spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

function trimSeparators(text: string, start: number, end: number): [number, number] {
  while (start < end && SEPARATOR.test(text[start]!)) start++
  while (end > start && SEPARATOR.test(text[end - 1]!)) end--
  return [start, end]
}

/** The parts of `[start, end)` that no span of `known` covers. */
function outside(start: number, end: number, known: Redaction[]): Array<[number, number]> {
  let pieces: Array<[number, number]> = [[start, end]]
  for (const k of known) {
    pieces = pieces.flatMap(([from, to]): Array<[number, number]> => {
      if (k.end <= from || k.start >= to) return [[from, to]]
      const left: Array<[number, number]> = k.start > from ? [[from, k.start]] : []
      return k.end < to ? [...left, [k.end, to]] : left
    })
  }
  return pieces
}

/** Names under which people keep credentials (`DB_PASSWORD`, `client_secret`, `apiKey`). */
const CREDENTIAL_NAME =
  /(?:passw(?:or)?d|passwd|pass|pwd|passphrase|secret|token|(?:api|access|secret|private|auth|signing|encryption|master)[_-]?key|credentials?)$/i

/**
 * `NAME = value`, `NAME: value` (YAML: a blank after the colon), `"NAME": "value"` (JSON),
 * `NAME := value`, `NAME => value`, `--name=value`; a quoted value runs to the next quote. A bare
 * `name:value` is not an assignment (`io.jsonwebtoken:jjwt-api` is a Maven coordinate).
 */
const ASSIGNMENT =
  /(?<![\w.])([A-Za-z_][\w.-]{0,80}?)(?:["']?\s*(?:=>?|:=)\s*|["']\s*:\s*|:[ \t]+)(?:["'\x60]([^"'\x60\n]+)|([^\s"'\x60,;]+))/g

/** `--password value` on a command line. */
const FLAG =
  /(?<![\w-])--([\w-]{1,80})[ \t]+(?:["'\x60]([^"'\x60\n]+)|([^\s"'\x60,;-][^\s"'\x60,;]*))/g

/** A value that only points at a secret kept elsewhere, or is no value at all. */
const REFERENCE =
  /^(?:\$\{|\$\(|\{\{|%[A-Za-z_]+%$|\$[A-Za-z_]|<|\*+$)|^(?:true|false|null|nil|none|undefined)$/i

/** `scheme://user:password@host`: the password (the user, when a token, is a random run). */
const USERINFO = /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s:@/?#"'<>\x60]*:([^\s@/?#"'<>\x60]+)@/gi

/** Documented fixed passwords that go with a token sent as the URL user. */
const PUBLIC_PASSWORDS = new Set(['x-oauth-basic'])

/** `Authorization: Bearer <token>`, `Basic <base64>`, `token <token>`. */
const AUTH_SCHEME = /\b(?:[Bb]earer|Basic|[Tt]oken|Digest)\s+([A-Za-z0-9._~+/-]{16,}=*)/g

/** Runs of token characters (base64, base64url, hex, JWT dots) worth judging. */
const RUN = /[A-Za-z0-9+/=_.~-]{16,}/g
const SEPARATOR = /[/.+=_~-]/

/**
 * Where `text` holds something that looks like a credential, as `[start, end)` pairs: values of
 * credential-named assignments, URL userinfo passwords, Authorization tokens, and random-looking
 * runs (`isRandomLooking`). Precise enough to leave package coordinates, versions, advisory ids,
 * UUIDs, paths and identifiers alone.
 */
export function credentialSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const m of [...text.matchAll(ASSIGNMENT), ...text.matchAll(FLAG)]) {
    const [, name, quoted, bare] = m
    const value = (quoted ?? bare)!
    if (!CREDENTIAL_NAME.test(name!) || REFERENCE.test(value)) continue
    const start = m.index + m[0].length - value.length
    spans.push([start, start + value.length])
  }
  for (const m of text.matchAll(USERINFO)) {
    const password = m[1]!
    if (PUBLIC_PASSWORDS.has(password) || REFERENCE.test(password)) continue
    const start = m.index + m[0].length - 1 - password.length
    spans.push([start, start + password.length])
  }
  for (const m of text.matchAll(AUTH_SCHEME)) {
    const start = m.index + m[0].length - m[1]!.length
    spans.push([start, start + m[1]!.length])
  }
  for (const m of text.matchAll(RUN)) {
    for (const [from, to] of randomParts(m[0])) spans.push([m.index + from, m.index + to])
  }
  return unite(spans)
}

/**
 * The random-looking parts of a run: the whole run when it reads as one base64/base64url/JWT
 * token, else each separator-delimited part that is random on its own (a hex digest, the body
 * of `sk_live_<body>`).
 */
function randomParts(run: string): Array<[number, number]> {
  // A path's or a sentence's `/` and `.` around a token are not part of it.
  const lead = /^[/.]*/.exec(run)![0].length
  const core = run.slice(lead).replace(/[/.]+$/, '')
  if (looksLikeOneToken(core)) return [[lead, lead + core.length]]
  const parts: Array<[number, number]> = []
  let from = 0
  for (let i = 0; i <= run.length; i++) {
    if (i < run.length && !SEPARATOR.test(run[i]!)) continue
    if (isRandomLooking(run.slice(from, i))) parts.push([from, i])
    from = i + 1
  }
  return parts
}

/** Base64-like: long, letters and digits, dense (few separators) and of high entropy. */
function looksLikeOneToken(run: string): boolean {
  const body = run.replace(/=+$/, '')
  if (body.length < 20 || !/\d/.test(body) || !/[A-Za-z]/.test(body)) return false
  let separators = 0
  for (const ch of body) if (SEPARATOR.test(ch)) separators++
  return separators <= body.length * 0.1 && shannonEntropy(body) >= 4.2
}

/**
 * One random-looking part: 16+ characters mixing letters and digits, of some entropy, and not
 * made of words. Identifiers (`base64EncodedString`, `HTTP2ServerConfiguration`) split into words
 * of 3+ letters and rarely switch between letters and digits; random base62 is mostly pieces of
 * one or two characters, and single-case random (hex, lower-case plus digits) switches between
 * letters and digits on ~40% of its characters.
 */
export function isRandomLooking(part: string): boolean {
  if (part.length < 16 || !/\d/.test(part) || !/[A-Za-z]/.test(part)) return false
  if (shannonEntropy(part) < 3.2) return false
  let short = 0
  for (const piece of part.match(PIECES) ?? []) if (piece.length <= 2) short += piece.length
  if (short >= part.length * 0.3) return true
  let switches = 0
  for (let i = 1; i < part.length; i++) if (isDigit(part, i) !== isDigit(part, i - 1)) switches++
  return switches >= (part.length - 1) * 0.25
}

/** Words (`Very`, `very`, `RSA`) and numbers. */
const PIECES = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  return code >= 48 && code <= 57
}
