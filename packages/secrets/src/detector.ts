import {MASK, redact, redactCredentials, shannonEntropy, type Redaction} from '@pipeguard/core'
import {allowsWholePath, isAllowed, type Allowlist} from './allowlist'
import type {CompiledRule} from './compiled-rule'
import {decodeRun, forEachEncodedRun, someEncodedRun} from './decode'
import {KeywordMatcher} from './keyword-matcher'
import {LineBreaks} from './line-breaks'
import {LineIndex} from './line-index'
import {hasInlineAllow, noiseReason} from './noise'
import type {PatternMatch} from './pattern'

/** Text to scan: a file, the added lines of one file in one commit, or a decoded string. */
export interface Fragment {
  text: string
  /** Posix path relative to the scanned root. */
  path: string
  commit?: string
  /** Real line number of each fragment line (1-based), when the fragment is a set of added lines. */
  lineNumbers?: number[]
}

/** One secret found, before it becomes a report finding. Holds the secret: never print it. */
export interface Detection {
  rule: CompiledRule
  secret: string
  startLine: number
  endLine: number
  startColumn: number
  endColumn: number
  /** The first line of the finding with every secret and credential on it redacted. */
  snippet: string
  /**
   * The same line (up to LINE_CONTEXT characters either side of the secret) with every secret and
   * credential on it masked: the fingerprint is computed from it, never from the secret.
   */
  maskedLine: string
  /** Set when the secret was found inside an encoded string at this location. */
  encoding?: 'base64' | 'hex'
  /** The encoded string as it stands in the text, when the secret was decoded from it. */
  encoded?: string
}

export interface DetectorOptions {
  rules: CompiledRule[]
  /** Global allowlists: config `secrets.allowPaths`/`allowRegexes` and gitleaks' `[[allowlists]]`. */
  allowlists?: Allowlist[]
  /** How deep encoded strings inside decoded strings are followed (0 = no decoding; default 3). */
  maxDecodeDepth?: number
  /** Observes each regex run (rule id, characters scanned): lets tests prove the prefilter works. */
  onRegexRun?: (ruleId: string, length: number) => void
}

/**
 * Three layers: a base64 manifest holding a base64 `.dockerconfigjson` holding a base64 `auth`.
 * Deeper costs little: each layer decodes to at most 3/4 of its text, so all layers together scan
 * less than 4x the file whatever the depth.
 */
export const DEFAULT_MAX_DECODE_DEPTH = 3

/** Characters of context before a keyword hit that the rule's regex still sees. */
const WINDOW_BEFORE = 256
/** ... and after it; rules whose regex spans lines (key blocks) get the larger one. */
const WINDOW_AFTER = 512
const WINDOW_AFTER_MULTILINE = 16 * 1024
/** A window edge moves to the nearest line break when one is this close (anchors keep working). */
const LINE_SNAP = 2048
const SNIPPET_MAX = 160
/**
 * Characters of a line redacted for its snippet: a token visible in the first SNIPPET_MAX
 * characters is either whole in the window or has 256 characters in it, enough to be judged.
 */
const SNIPPET_WINDOW = SNIPPET_MAX + 256
/** Characters of a secret's line used as its context (allow comments, `line` allowlists). */
const LINE_CONTEXT = 1024

interface Candidate {
  rule: CompiledRule
  secret: string
  start: number
  end: number
  encoding?: 'base64' | 'hex'
}

/**
 * gitleaks-style detection: one keyword pass over the fragment, then only the rules whose keyword
 * occurred run their regex, and only on windows around the keyword hits; then secret group,
 * entropy floor, noise control, rule and global allowlists, and inline allow comments.
 */
export class Detector {
  readonly rules: CompiledRule[]
  private readonly keywordless: number[] = []
  /** For each keyword (by index in the matcher) the rules listing it. */
  private readonly rulesByKeyword: number[][] = []
  private readonly keywordLengths: number[]
  /** Per rule: its regex may span lines, so its windows reach further after a keyword. */
  private readonly multiline: boolean[]
  private readonly matcher: KeywordMatcher
  /** Position of each rule in the rule list: earlier rules win ties between provider rules. */
  private readonly ruleOrder: Map<CompiledRule, number>
  private readonly allowlists: Allowlist[]
  private readonly maxDecodeDepth: number
  private readonly onRegexRun?: (ruleId: string, length: number) => void

  constructor(options: DetectorOptions) {
    this.rules = options.rules
    this.ruleOrder = new Map(this.rules.map((rule, i) => [rule, i]))
    this.allowlists = options.allowlists ?? []
    this.maxDecodeDepth = options.maxDecodeDepth ?? DEFAULT_MAX_DECODE_DEPTH
    if (options.onRegexRun) this.onRegexRun = options.onRegexRun
    const keywordIndex = new Map<string, number>()
    this.rules.forEach((rule, r) => {
      if (!rule.pattern) return
      if (rule.keywords.length === 0) {
        this.keywordless.push(r)
        return
      }
      for (const keyword of new Set(rule.keywords)) {
        let k = keywordIndex.get(keyword)
        if (k === undefined) {
          k = keywordIndex.size
          keywordIndex.set(keyword, k)
          this.rulesByKeyword.push([])
        }
        this.rulesByKeyword[k]!.push(r)
      }
    })
    this.matcher = new KeywordMatcher([...keywordIndex.keys()])
    this.keywordLengths = this.matcher.keywords.map(k => k.length)
    this.multiline = this.rules.map(rule => rule.pattern?.multiline ?? false)
  }

  get ruleCount(): number {
    return this.rules.length
  }

  detect(fragment: Fragment): Detection[] {
    const lines = new LineIndex(fragment.text)
    const candidates = this.candidates(fragment, fragment.text, 0)
    if (candidates.length === 0) return []
    const kept = dropDuplicates(candidates, this.ruleOrder)
    const detections: Detection[] = []
    for (const c of kept) {
      const startLine = lines.lineOf(c.start)
      const endLine = lines.lineOf(Math.max(c.start, c.end - 1))
      const detection: Detection = {
        rule: c.rule,
        secret: c.secret,
        startLine: realLine(fragment, startLine),
        endLine: realLine(fragment, endLine),
        startColumn: c.start - lines.lineStart(startLine) + 1,
        endColumn: c.end - lines.lineStart(endLine) + 1,
        ...lineViews(fragment.text, lines, startLine, c, kept)
      }
      if (c.encoding) {
        detection.encoding = c.encoding
        detection.encoded = fragment.text.slice(c.start, c.end)
      }
      detections.push(detection)
    }
    return detections
  }

  /**
   * Whether a UTF-8 file's raw bytes can hold a detection, so whether it is worth decoding: a
   * keyword occurs, or an encoded run decodes to text with a keyword or a further encoded string,
   * or a rule runs without keywords. False means `detect` on its text would find nothing; most
   * source files are cleared here without ever becoming a string.
   */
  mayDetect(bytes: Buffer): boolean {
    if (this.keywordless.length > 0 || !this.matcher.asciiOnly) return true
    if (this.matcher.occursIn(bytes)) return true
    if (this.maxDecodeDepth === 0) return false
    return someEncodedRun(bytes, (run, length, allHex) => {
      const decoded = decodeRun(run, 0, length, allHex)?.decoded
      if (decoded === undefined) return false
      if (this.matcher.present(decoded).size > 0) return true
      let nested = false
      if (this.maxDecodeDepth > 1)
        forEachEncodedRun(decoded, () => {
          nested = true
        })
      return nested
    })
  }

  /** Path-only rules (gitleaks `path` without `regex`) that flag this file by its name alone. */
  pathOnlyRules(path: string): CompiledRule[] {
    return this.rules.filter(
      rule => !rule.pattern && rule.path?.(path) && !this.pathAllowed(rule, path, undefined)
    )
  }

  private candidates(fragment: Fragment, text: string, depth: number): Candidate[] {
    const lines = depth === 0 ? undefined : new LineIndex(text)
    const out: Candidate[] = []
    const run = (r: number, windows: number[]): void => {
      const rule = this.rules[r]!
      if (rule.path && !rule.path(fragment.path)) return
      if (this.pathAllowed(rule, fragment.path, fragment.commit)) return
      for (let w = 0; w < windows.length; w += 2) {
        const from = windows[w]!
        const to = windows[w + 1]!
        const window = from === 0 && to === text.length ? text : text.slice(from, to)
        this.onRegexRun?.(rule.id, window.length)
        for (const match of rule.pattern!.matchAll(window)) {
          const candidate = this.accept(rule, match, from, text, fragment, lines)
          if (candidate) out.push(candidate)
        }
      }
    }
    for (const r of this.keywordless) run(r, [0, text.length])
    const {order, windows} = this.keywordWindows(text)
    for (const r of order) run(r, windows[r]!)
    if (depth < this.maxDecodeDepth) {
      forEachEncodedRun(text, (start, end, allHex) => {
        const segment = decodeRun(text, start, end, allHex)
        if (!segment) return
        if (hasInlineAllow(lineAround(text, segment.start, segment.end, lines))) return
        for (const inner of this.candidates(fragment, segment.decoded, depth + 1)) {
          out.push({
            rule: inner.rule,
            secret: inner.secret,
            start: segment.start,
            end: segment.end,
            encoding: inner.encoding ?? segment.encoding
          })
        }
      })
    }
    return out
  }

  /**
   * Merged windows around keyword hits, per rule index, as flat `[from, to, from, to, ...]`
   * lists; `order` lists the rules with a hit in the order of their first hit.
   */
  private keywordWindows(text: string): {order: number[]; windows: Array<number[] | undefined>} {
    const order: number[] = []
    const windows: Array<number[] | undefined> = new Array(this.rules.length)
    const {keywordLengths, rulesByKeyword, multiline} = this
    const breaks = new LineBreaks(text)
    this.matcher.scan(text, (k, end) => {
      const start = end - keywordLengths[k]!
      // Window edges are computed at most once per hit, whatever the number of rules sharing it.
      let from = -1
      let toSingle = -1
      let toMulti = -1
      for (const r of rulesByKeyword[k]!) {
        let list = windows[r]
        if (!list) {
          windows[r] = list = []
          order.push(r)
        }
        const last = list.length - 1
        const lastTo = last > 0 ? list[last]! : -1
        const reach = end + (multiline[r] ? WINDOW_AFTER_MULTILINE : WINDOW_AFTER)
        const overlaps = last > 0 && start - WINDOW_BEFORE <= lastTo
        if (overlaps && reach <= lastTo) continue
        let to: number
        if (multiline[r])
          to = toMulti < 0 ? (toMulti = snapForward(breaks, text.length, reach)) : toMulti
        else to = toSingle < 0 ? (toSingle = snapForward(breaks, text.length, reach)) : toSingle
        if (overlaps) {
          list[last] = Math.max(lastTo, to)
          continue
        }
        if (from < 0) from = snapBack(breaks, text.length, start - WINDOW_BEFORE)
        if (last > 0 && from <= lastTo) list[last] = Math.max(lastTo, to)
        else list.push(from, to)
      }
    })
    return {order, windows}
  }

  private accept(
    rule: CompiledRule,
    match: PatternMatch,
    offset: number,
    text: string,
    fragment: Fragment,
    decodedLines: LineIndex | undefined
  ): Candidate | undefined {
    const secret = secretOf(rule, match)
    if (!secret) return undefined
    const within = match.groups[0]!.indexOf(secret)
    const start = offset + match.index + Math.max(0, within)
    const end = start + secret.length
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return undefined
    const line = lineAround(text, start, end, decodedLines)
    if (hasInlineAllow(line)) return undefined
    if (noiseReason(secret, {generic: rule.generic, line, match: match.groups[0]!}))
      return undefined
    if (rule.notASecret?.(secret)) return undefined
    const subject = {
      secret,
      match: match.groups[0]!,
      line,
      path: fragment.path,
      commit: fragment.commit
    }
    if (rule.allowlists.some(a => isAllowed(a, subject))) return undefined
    for (const allowlist of this.allowlists) {
      if (allowlist.targetRules && !allowlist.targetRules.includes(rule.id)) continue
      if (isAllowed(allowlist, subject)) return undefined
    }
    return {rule, secret, start, end}
  }

  private pathAllowed(rule: CompiledRule, path: string, commit: string | undefined): boolean {
    if (rule.allowlists.some(a => allowsWholePath(a, path, commit))) return true
    return this.allowlists.some(
      a => (!a.targetRules || a.targetRules.includes(rule.id)) && allowsWholePath(a, path, commit)
    )
  }
}

/** gitleaks' choice: the configured group, else the first non-empty group, else the whole match. */
function secretOf(rule: CompiledRule, match: PatternMatch): string | undefined {
  if (rule.secretGroup !== undefined && rule.secretGroup > 0)
    return match.groups[rule.secretGroup] || undefined
  for (let g = 1; g < match.groups.length; g++) if (match.groups[g]) return match.groups[g]
  return match.groups[0] || undefined
}

/** All lines the secret touches (inline allow comments may sit on the first or the last). */
function lineAround(
  text: string,
  start: number,
  end: number,
  lines: LineIndex | undefined
): string {
  if (lines)
    return text.slice(
      lines.lineStart(lines.lineOf(start)),
      lines.lineEnd(lines.lineOf(Math.max(start, end - 1)))
    )
  // At most LINE_CONTEXT characters either side: enough for an allow comment, bounded on long lines.
  let from = start
  while (from > 0 && start - from < LINE_CONTEXT && text.charCodeAt(from - 1) !== 10) from--
  let to = Math.max(start, end - 1)
  const last = to
  while (to < text.length && to - last < LINE_CONTEXT && text.charCodeAt(to) !== 10) to++
  return text.slice(from, to)
}

// A window edge moves to a line break only within LINE_SNAP characters: on a minified file's one
// long line the windows stay small.
function snapBack(breaks: LineBreaks, length: number, at: number): number {
  if (at <= 0) return 0
  const from = Math.max(0, at - LINE_SNAP)
  const nl = breaks.lastAtOrBefore(Math.min(at, length - 1))
  if (nl >= from) return nl + 1
  return from === 0 ? 0 : at
}

function snapForward(breaks: LineBreaks, length: number, at: number): number {
  if (at >= length) return length
  const stop = Math.min(length, at + LINE_SNAP)
  const nl = breaks.firstAtOrAfter(at)
  if (nl >= 0 && nl < stop) return nl
  return stop === length ? stop : at
}

/**
 * One finding per secret: a provider rule beats a generic rule on an overlapping secret, and of
 * two provider rules on the very same secret (a Sentry DSN is also a URL with credentials) the
 * one listed first, the more specific, wins.
 */
function dropDuplicates(candidates: Candidate[], order: Map<CompiledRule, number>): Candidate[] {
  const bySpan = new Map<string, Candidate>()
  for (const c of candidates) {
    const span = `${c.start}:${c.end}`
    const other = bySpan.get(span)
    if (
      !other ||
      (other.rule.generic && !c.rule.generic) ||
      (other.rule.generic === c.rule.generic && order.get(c.rule)! < order.get(other.rule)!)
    ) {
      bySpan.set(span, c)
    }
  }
  const unique = [...bySpan.values()]
  const specific = unique.filter(c => !c.rule.generic)
  return unique
    .filter(c => !c.rule.generic || !specific.some(s => s.start < c.end && c.start < s.end))
    .sort((a, b) => a.start - b.start)
}

function realLine(fragment: Fragment, line: number): number {
  return fragment.lineNumbers?.[line - 1] ?? line
}

/**
 * The finding's first line as a snippet (every detected secret in its redacted form, every other
 * credential-looking value redacted by core's `redactCredentials`) and as fingerprint input (all
 * of them masked).
 */
function lineViews(
  text: string,
  lines: LineIndex,
  line: number,
  finding: Candidate,
  all: Candidate[]
): {snippet: string; maskedLine: string} {
  const lineStart = lines.lineStart(line)
  const lineEnd = lines.lineEnd(line)
  const spansIn = (from: number, to: number, shown: (c: Candidate) => string): Redaction[] =>
    all
      .filter(c => c.start < to && c.end > from)
      .map(c => ({
        start: Math.max(c.start, from) - from,
        end: Math.min(c.end, to) - from,
        replacement: shown(c)
      }))

  let from = lineStart
  while (from < lineEnd && /\s/.test(text[from]!)) from++
  const to = Math.min(lineEnd, from + SNIPPET_WINDOW)
  const shown = (c: Candidate) =>
    c.encoding ? `<${c.encoding}-encoded secret>` : redact(c.secret, c.rule.prefixLength)
  const snippet = redactCredentials(text.slice(from, to), spansIn(from, to, shown)).trim()

  const maskFrom = Math.max(lineStart, finding.start - LINE_CONTEXT)
  const maskTo = Math.min(lineEnd, finding.end + LINE_CONTEXT)
  const maskedLine = redactCredentials(
    text.slice(maskFrom, maskTo),
    spansIn(maskFrom, maskTo, () => MASK),
    () => MASK
  )
  return {
    snippet: snippet.length > SNIPPET_MAX ? `${snippet.slice(0, SNIPPET_MAX)}…` : snippet,
    maskedLine
  }
}
