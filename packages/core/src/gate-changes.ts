import {z} from 'zod'
import {
  DepsConfigSchema,
  type Config,
  type IdEntry,
  type IgnoreEntry,
  type PathEntry,
  type RegexEntry
} from './config-schema'
import {severityRank, type FailOn} from './severity'

/**
 * One way a pull request's change to the gate's own configuration lets more through. Shown to the
 * reviewer in the PR comment and job summary; it never changes the gate itself.
 */
export interface GateChange {
  /** The file that changed, relative to the scanned root: `.pipeguard.yml`, `.gitleaks.toml`. */
  file: string
  /** What it switches off, in our words: `excludes from every scanner`, `disables 290 secret rules`. */
  what: string
  /** The glob, id, regex or value it applies to, as written in the file (untrusted). */
  subject?: string
  /** The reason the file gives for it (untrusted). */
  reason?: string
  /** How it happens, in our words: `it does not set [extend] useDefault = true`. */
  how?: string
}

/**
 * The files on both sides of a pull request, for a scanner that reads configuration of its own
 * (`.gitleaks.toml`): the parsed `.pipeguard.yml` and the text of a file relative to the root,
 * undefined where the file does not exist.
 */
export interface GateSide {
  config: Config
  text(path: string): string | undefined
}

export interface GateInput {
  /** Absolute scanned root (the head's work tree). */
  root: string
  base: GateSide
  head: GateSide
}

/** A scanner's part of the comparison: its own config files and what their change switches off. */
export interface ScannerGate {
  files(config: Config): string[]
  changes(input: GateInput): GateChange[]
}

const DEFAULT_OSV_URL = DepsConfigSchema.parse({}).osvUrl

/** How far each fail-on level lets findings through: `none` lets everything through. */
const FAIL_ON_RANK: Record<FailOn, number> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
  none: 5
}

/** What the head's `.pipeguard.yml` switches off that the base's did not (both validated). */
export function configChanges(base: Config, head: Config, file: string): GateChange[] {
  const changes: GateChange[] = []
  const add = (what: string, extra: Omit<GateChange, 'file' | 'what'> = {}): void => {
    changes.push({file, what, ...extra})
  }
  const added = <T>(from: T[], to: T[], key: (entry: T) => string): T[] => {
    const before = new Set(from.map(key))
    return to.filter(entry => !before.has(key(entry)))
  }
  const byPath = (e: PathEntry): string => e.path
  const byId = (e: IdEntry): string => e.id.toLowerCase()

  if (FAIL_ON_RANK[head.failOn] > FAIL_ON_RANK[base.failOn])
    add('raises fail-on', {subject: `${base.failOn} → ${head.failOn}`})
  if (base.mode === 'enforce' && head.mode === 'audit')
    add('switches to audit mode: no finding fails the run')
  for (const section of ['secrets', 'deps', 'iac'] as const) {
    if (base[section].enabled && !head[section].enabled)
      add(`turns off the ${section} scanner`, {subject: `${section}.enabled: false`})
  }
  for (const e of added(base.exclude, head.exclude, byPath))
    add('excludes from every scanner', {subject: e.path, reason: e.reason})
  for (const e of widenedIgnores(base.ignore, head.ignore))
    add('ignores findings', {
      subject: `${e.rule ?? 'any rule'} in ${e.path ?? 'any file'}`,
      reason: e.reason,
      how: e.expires ? `until ${e.expires}` : 'with no expiry date'
    })
  for (const e of added(base.secrets.allowPaths, head.secrets.allowPaths, byPath))
    add('allows secrets in', {subject: e.path, reason: e.reason})
  for (const e of added(base.secrets.allowRegexes, head.secrets.allowRegexes, regexKey))
    add('allows secrets matching', {subject: e.regex, reason: e.reason})
  for (const e of added(base.secrets.disableRules, head.secrets.disableRules, byId))
    add('turns off secret rule', {subject: e.id, reason: e.reason})
  for (const e of added(base.iac.skipChecks, head.iac.skipChecks, byId))
    add('turns off IaC check', {subject: e.id, reason: e.reason})
  for (const policy of base.iac.policies.filter(p => !head.iac.policies.includes(p)))
    add('stops running the custom IaC policies in', {subject: policy})

  for (const context of base.secrets.blockContexts.filter(
    c => !head.secrets.blockContexts.includes(c)
  ))
    add('stops blocking on secrets found in', {subject: `${context} code (secrets.block-contexts)`})

  const entropy = (c: Config): number => c.secrets.entropy ?? 0
  if (entropy(head) > entropy(base))
    add('raises the entropy floor of the generic secret rule', {
      subject: `${base.secrets.entropy ?? 'default'} → ${head.secrets.entropy}`
    })
  if (head.secrets.maxDecodeDepth < base.secrets.maxDecodeDepth)
    add('decodes fewer layers of encoded secrets', {
      subject: `max-decode-depth ${base.secrets.maxDecodeDepth} → ${head.secrets.maxDecodeDepth}`
    })
  if (head.maxFileSize < base.maxFileSize)
    add('skips more files as too large', {
      subject: `max-file-size ${base.maxFileSize} → ${head.maxFileSize}`
    })
  if (base.deps.includeDev && !head.deps.includeDev)
    add('stops auditing development dependencies', {subject: 'deps.include-dev: false'})
  if (severityRank(head.deps.unknownSeverity) < severityRank(base.deps.unknownSeverity))
    add('rates vulnerabilities of unknown severity lower', {
      subject: `deps.unknown-severity ${base.deps.unknownSeverity} → ${head.deps.unknownSeverity}`
    })
  if (head.deps.advisoryDb !== undefined && head.deps.advisoryDb !== base.deps.advisoryDb)
    add('reads advisories from another offline database', {subject: head.deps.advisoryDb})
  if (head.deps.osvUrl !== base.deps.osvUrl && head.deps.osvUrl !== DEFAULT_OSV_URL)
    add('queries another advisory server', {subject: withoutCredentials(head.deps.osvUrl)})
  const licenses = licenseChanges(base.deps.licenses, head.deps.licenses)
  if (licenses) add(licenses.what, {subject: licenses.subject})
  return changes
}

/** Ignore entries that are new, or that now expire later (or never). */
function widenedIgnores(base: IgnoreEntry[], head: IgnoreEntry[]): IgnoreEntry[] {
  const key = (e: IgnoreEntry): string => `${e.rule?.toLowerCase() ?? ''}\0${e.path ?? ''}`
  const until = (e: IgnoreEntry): string => e.expires ?? '9999-12-31'
  return head.filter(e => {
    const before = base.filter(b => key(b) === key(e))
    return before.length === 0 || before.every(b => until(e) > until(b))
  })
}

function regexKey(e: RegexEntry): string {
  return e.regex
}

type Licenses = Config['deps']['licenses']

/** Licences the head's policy accepts that the base's refused. */
function licenseChanges(
  base: Licenses,
  head: Licenses
): {what: string; subject: string} | undefined {
  if (!base) return undefined
  if (!head) return {what: 'drops the licence policy', subject: 'deps.licenses'}
  if (base.deny) {
    if (!head.deny) return {what: 'replaces the licence deny list', subject: 'deps.licenses'}
    const dropped = base.deny.filter(l => !head.deny!.includes(l))
    return dropped.length
      ? {what: 'no longer denies the licences', subject: dropped.join(', ')}
      : undefined
  }
  if (!head.allow) return {what: 'replaces the licence allow list', subject: 'deps.licenses'}
  const allowed = head.allow.filter(l => !(base.allow ?? []).includes(l))
  return allowed.length
    ? {what: 'also allows the licences', subject: allowed.join(', ')}
    : undefined
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return url
  }
}

const BaselineFingerprints = z.object({findings: z.array(z.object({fingerprint: z.string()}))})

/** Findings the head's baseline accepts as existing that the base's did not. */
export function baselineChanges(
  baseText: string | undefined,
  headText: string | undefined,
  file: string
): GateChange[] {
  const fingerprints = (text: string | undefined): Set<string> => {
    if (text === undefined) return new Set()
    try {
      const parsed = BaselineFingerprints.safeParse(JSON.parse(text))
      return new Set(parsed.success ? parsed.data.findings.map(f => f.fingerprint) : [])
    } catch {
      return new Set()
    }
  }
  const before = fingerprints(baseText)
  const added = [...fingerprints(headText)].filter(f => !before.has(f))
  return added.length
    ? [{file, what: `adds ${added.length} finding(s) to the baseline: they no longer fail the run`}]
    : []
}

/** Lines the head has that the base lacks (ignore files: one entry a line, `#` comments). */
export function addedEntries(baseText: string | undefined, headText: string | undefined): string[] {
  const entries = (text: string | undefined): string[] =>
    (text ?? '')
      .split(/\r?\n/)
      .map(line => line.trim())
      .filter(line => line && !line.startsWith('#'))
  const before = new Set(entries(baseText))
  return [...new Set(entries(headText))].filter(line => !before.has(line))
}
