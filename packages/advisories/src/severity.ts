import {severityRank, type Severity} from '@pipeguard/core'
import {cvss4Score} from './cvss-v4'
import type {OsvRecord, OsvSeverity} from './osv-schema'

/**
 * CVSS base scores computed from the vector with the specifications' own formulas, hand-written
 * because they are a few lines each: v3.x (first.org/cvss/v3.1/specification-document §7.1 and
 * Appendix A Roundup) and v2 (first.org/cvss/v2/guide §3.2.1); v4.0 in `cvss-v4.ts`.
 *
 * Precedence: a computed v3 score, else a computed v4 score, else the database's word, else v2.
 * v3 before v4 because records carrying both (most GHSA records since 2024) are then rated as
 * they were before v4 existed and as NVD and most feeds still compare them; v4 before the
 * database word because a score computed from the vector is exact where the word is rounded.
 */
export interface SeverityVerdict {
  severity: Severity
  score?: number
  /**
   * Where the severity came from: `CVSS_V3`, `CVSS_V4`, `CVSS_V2`, `database`, `alias` (the rating
   * of an alias looked up by id) or `unknown` (no record rates it: `deps.unknown-severity`).
   */
  source: 'CVSS_V3' | 'CVSS_V4' | 'CVSS_V2' | 'database' | 'alias' | 'unknown'
  vector?: string
  note?: string
  /** Why the severity is assumed rather than the advisory's own; set for `alias` and `unknown`. */
  assumed?: string
  /** The alias whose rating was taken (source `alias`). */
  aliasId?: string
}

/** What an advisory without any severity counts as unless configured (`deps.unknown-severity`). */
export const DEFAULT_UNKNOWN_SEVERITY: Severity = 'high'

function metrics(vector: string, prefix: RegExp): Map<string, string> | undefined {
  const body = vector.trim().replace(prefix, '')
  const map = new Map<string, string>()
  for (const part of body.split('/')) {
    const [key, value] = part.split(':')
    if (!key || value === undefined) return undefined
    map.set(key, value)
  }
  return map
}

const V3 = {
  AV: {N: 0.85, A: 0.62, L: 0.55, P: 0.2},
  AC: {L: 0.77, H: 0.44},
  UI: {N: 0.85, R: 0.62},
  CIA: {H: 0.56, L: 0.22, N: 0}
} as const

/** CVSS v3.1 Appendix A: round up to one decimal without floating-point artefacts. */
export function roundUp(value: number): number {
  const n = Math.round(value * 100000)
  return n % 10000 === 0 ? n / 100000 : (Math.floor(n / 10000) + 1) / 10
}

/** CVSS v3.0/v3.1 base score, or undefined for a malformed vector. */
export function cvss3BaseScore(vector: string): number | undefined {
  if (!/^CVSS:3\.[01]\//.test(vector.trim())) return undefined
  const m = metrics(vector, /^CVSS:3\.[01]\//)
  if (!m) return undefined
  const scope = m.get('S')
  const av = V3.AV[m.get('AV') as keyof typeof V3.AV]
  const ac = V3.AC[m.get('AC') as keyof typeof V3.AC]
  const ui = V3.UI[m.get('UI') as keyof typeof V3.UI]
  const pr = {N: 0.85, L: scope === 'C' ? 0.68 : 0.62, H: scope === 'C' ? 0.5 : 0.27}[
    m.get('PR') ?? ''
  ]
  const [c, i, a] = ['C', 'I', 'A'].map(k => V3.CIA[m.get(k) as keyof typeof V3.CIA])
  if ([av, ac, ui, pr, c, i, a].some(v => v === undefined) || (scope !== 'U' && scope !== 'C'))
    return undefined
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!)
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
  const exploitability = 8.22 * av * ac * pr! * ui
  if (impact <= 0) return 0
  return scope === 'U'
    ? roundUp(Math.min(impact + exploitability, 10))
    : roundUp(Math.min(1.08 * (impact + exploitability), 10))
}

/** CVSS v2 base score (the guide's equations, rounded to one decimal). */
export function cvss2BaseScore(vector: string): number | undefined {
  const m = metrics(vector, /^\(?/)
  if (!m) return undefined
  const av = {L: 0.395, A: 0.646, N: 1.0}[m.get('AV') ?? '']
  const ac = {H: 0.35, M: 0.61, L: 0.71}[m.get('AC') ?? '']
  const au = {M: 0.45, S: 0.56, N: 0.704}[m.get('Au') ?? '']
  const [c, i, a] = ['C', 'I', 'A'].map(
    k => ({N: 0, P: 0.275, C: 0.66})[(m.get(k) ?? '').replace(/\)$/, '')]
  )
  if ([av, ac, au, c, i, a].some(v => v === undefined)) return undefined
  const impact = 10.41 * (1 - (1 - c!) * (1 - i!) * (1 - a!))
  const exploitability = 20 * av! * ac! * au!
  const f = impact === 0 ? 0 : 1.176
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10) / 10
}

/** CVSS v3/v4 qualitative rating (v3.1 spec §5, v4.0 spec §6); a 0.0 "None" is informational. */
export function ratingV3(score: number): Severity {
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  if (score > 0) return 'low'
  return 'info'
}

/** CVSS v2 has three bands (NVD): low < 4, medium < 7, high. */
export function ratingV2(score: number): Severity {
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  return score > 0 ? 'low' : 'info'
}

const DATABASE_SEVERITIES: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low'
}

/**
 * The severity of one record: computed CVSS v3, else v4, else the database's word, else v2, else
 * `unknown` (rated `unknownSeverity`, high unless configured: an unrated vulnerability is not a
 * harmless one).
 */
export function recordSeverity(
  record: OsvRecord,
  unknownSeverity: Severity = DEFAULT_UNKNOWN_SEVERITY
): SeverityVerdict {
  const vectors: OsvSeverity[] = [
    ...(record.severity ?? []),
    ...(record.affected ?? []).flatMap(a => a.severity ?? [])
  ]
  for (const entry of vectors.filter(v => v.type === 'CVSS_V3')) {
    const score = cvss3BaseScore(entry.score)
    if (score !== undefined)
      return {severity: ratingV3(score), score, source: 'CVSS_V3', vector: entry.score}
  }
  const v4Problems: string[] = []
  for (const entry of vectors.filter(v => v.type === 'CVSS_V4')) {
    const result = cvss4Score(entry.score)
    if (result.ok)
      return {
        severity: ratingV3(result.score),
        score: result.score,
        source: 'CVSS_V4',
        vector: entry.score
      }
    v4Problems.push(result.message)
  }
  const v4Note = v4Problems.length ? `the CVSS v4 vector is invalid (${v4Problems[0]})` : undefined
  const word = record.database_specific?.severity
  if (typeof word === 'string' && DATABASE_SEVERITIES[word.toLowerCase()]) {
    return {
      severity: DATABASE_SEVERITIES[word.toLowerCase()]!,
      source: 'database',
      ...(v4Note ? {note: `${v4Note}; the database severity is used`} : {})
    }
  }
  for (const entry of vectors.filter(v => v.type === 'CVSS_V2')) {
    const score = cvss2BaseScore(entry.score)
    if (score !== undefined)
      return {severity: ratingV2(score), score, source: 'CVSS_V2', vector: entry.score}
  }
  return {
    severity: unknownSeverity,
    source: 'unknown',
    note: v4Note ?? 'the advisory gives no severity',
    assumed: `severity unknown, treated as ${unknownSeverity}`
  }
}

const TRUST: SeverityVerdict['source'][] = [
  'CVSS_V3',
  'CVSS_V4',
  'database',
  'CVSS_V2',
  'alias',
  'unknown'
]

export interface MergedSeverityOptions {
  unknownSeverity?: Severity
  /**
   * Records of the advisory's aliases that the source did not return with it (looked up by id):
   * used only when no merged record rates it, and then the highest rating among them wins.
   */
  aliasRecords?: OsvRecord[]
}

/**
 * The most trustworthy verdict among merged records: computed v3, then v4, then the primary's
 * fallback. When none rates the advisory, the highest rating among `aliasRecords`, marked as
 * taken from that alias; else `unknown`.
 */
export function mergedSeverity(
  primary: OsvRecord,
  records: OsvRecord[],
  options: MergedSeverityOptions = {}
): SeverityVerdict {
  const unknown = options.unknownSeverity ?? DEFAULT_UNKNOWN_SEVERITY
  const verdicts = [primary, ...records.filter(r => r !== primary)].map(r =>
    recordSeverity(r, unknown)
  )
  const best = [...verdicts].sort((a, b) => TRUST.indexOf(a.source) - TRUST.indexOf(b.source))[0]!
  if (best.source !== 'unknown') return best
  const rated = (options.aliasRecords ?? [])
    .map(record => ({id: record.id, verdict: recordSeverity(record, unknown)}))
    .filter(a => a.verdict.source !== 'unknown')
    .sort(
      (a, b) =>
        severityRank(b.verdict.severity) - severityRank(a.verdict.severity) ||
        a.id.localeCompare(b.id)
    )[0]
  if (!rated) return best
  return {
    ...rated.verdict,
    source: 'alias',
    aliasId: rated.id,
    note: `${primary.id} gives no severity; its alias ${rated.id} does`,
    assumed: `severity from alias ${rated.id}`
  }
}
