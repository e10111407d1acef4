import picomatch from 'picomatch'
import type {Config, IgnoreEntry} from './config-schema'
import type {Finding} from './finding'
import {isAtOrAbove} from './severity'
import {BASELINE_SUPPRESSION} from './status-label'

export interface PolicyInput {
  findings: Finding[]
  config: Pick<Config, 'failOn' | 'mode' | 'ignore'> & {
    secrets?: Pick<Config['secrets'], 'blockContexts'>
  }
  baseline?: Set<string>
  /** Diff awareness: false means the finding is outside what the change touched. */
  inScope?: (finding: Finding) => boolean
  /** Today as YYYY-MM-DD (injectable for tests). */
  today?: string
}

export interface ExpiredIgnore {
  entry: IgnoreEntry
  message: string
}

export interface PolicyResult {
  findings: Finding[]
  blocking: Finding[]
  expiredIgnores: ExpiredIgnore[]
  exitCode: 0 | 1
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}

export function ignoreMatches(entry: IgnoreEntry, finding: Finding): boolean {
  if (entry.rule && !ruleMatches(entry.rule, finding)) return false
  if (entry.path && !picomatch.isMatch(finding.location.path, entry.path, {dot: true})) return false
  return true
}

function ruleMatches(rule: string, finding: Finding): boolean {
  const ids = [finding.ruleId, finding.vulnerability?.id, ...(finding.vulnerability?.aliases ?? [])]
  const wanted = rule.toLowerCase()
  return ids.some(id => id !== undefined && id.toLowerCase() === wanted)
}

/**
 * Decides the status of every finding and the gate. Order: ignore (with reason, unless expired),
 * baseline, diff scope, then fail-on. A finding in a context (test, docs, example, vendored) stays
 * new but blocks only when `secrets.block-contexts` lists that context. Audit mode reports the
 * same but never blocks.
 */
export function applyPolicy(input: PolicyInput): PolicyResult {
  const today = input.today ?? todayUtc()
  const active = input.config.ignore.filter(entry => !entry.expires || entry.expires >= today)
  const expired = input.config.ignore.filter(entry => entry.expires && entry.expires < today)
  const expiredHits = new Map<IgnoreEntry, number>()

  const findings = input.findings.map((finding): Finding => {
    const ignore = active.find(entry => ignoreMatches(entry, finding))
    if (ignore) return {...finding, status: 'ignored', suppression: ignore.reason}
    for (const entry of expired) {
      if (ignoreMatches(entry, finding)) expiredHits.set(entry, (expiredHits.get(entry) ?? 0) + 1)
    }
    // A scanner may know a finding predates the change (the dependency audit compares with the PR base).
    if (finding.status === 'existing') {
      return {
        ...finding,
        status: 'existing',
        suppression: finding.suppression ?? 'already present before this change'
      }
    }
    if (input.baseline?.has(finding.fingerprint)) {
      return {...finding, status: 'existing', suppression: BASELINE_SUPPRESSION}
    }
    if (input.inScope && !input.inScope(finding)) {
      const copy = touchedCopy(finding, input.inScope)
      if (!copy) return {...finding, status: 'filtered', suppression: 'outside the changed lines'}
      return {...copy, status: 'new'}
    }
    return {...finding, status: 'new'}
  })

  const blockContexts = input.config.secrets?.blockContexts ?? []
  const blocking =
    input.config.mode === 'audit'
      ? []
      : findings.filter(
          f =>
            f.status === 'new' &&
            isAtOrAbove(f.severity, input.config.failOn) &&
            (!f.context || blockContexts.includes(f.context))
        )

  const expiredIgnores = expired.map(entry => ({
    entry,
    message: `ignore ${describeEntry(entry)} expired on ${entry.expires}${
      expiredHits.get(entry) ? ` and no longer hides ${expiredHits.get(entry)} finding(s)` : ''
    }: renew it with a new reason or fix the findings`
  }))

  return {findings, blocking, expiredIgnores, exitCode: blocking.length > 0 ? 1 : 0}
}

/**
 * The run's exit code: an incomplete scan (a scanner failed, a file could not be scanned) is a tool
 * failure, 2, in every mode and above blocking findings: a gate that did not see everything must
 * never read as passed, and audit mode only forgives findings.
 */
export function gateExitCode(policyExit: 0 | 1, incomplete: string[]): 0 | 1 | 2 {
  return incomplete.length > 0 ? 2 : policyExit
}

function describeEntry(entry: IgnoreEntry): string {
  return [entry.rule && `rule ${entry.rule}`, entry.path && `path ${entry.path}`]
    .filter(Boolean)
    .join(' + ')
}

/**
 * Copies of one resource are reported once, at the first path, with the others as related
 * locations. A copy the change added or touched makes the finding the change's: shown at that copy,
 * never filtered away with the untouched original.
 */
function touchedCopy(
  finding: Finding,
  inScope: (finding: Finding) => boolean
): Finding | undefined {
  const {relatedLocations, ...rest} = finding
  // The copy's own place only: the original's resource block and value origins are not the copy's.
  const atCopy = (location: Finding['location']): Finding => {
    const moved: Finding = {...rest, location}
    delete moved.block
    delete moved.valueOrigins
    return moved
  }
  const copy = relatedLocations?.find(location => inScope(atCopy(location)))
  if (!copy) return undefined
  return {
    ...rest,
    location: copy,
    relatedLocations: [finding.location, ...relatedLocations!.filter(l => l !== copy)]
  }
}
