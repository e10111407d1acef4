/**
 * CVSS v4.0 scores (FIRST, CVSS v4.0 Specification Document §8 "CVSS v4.0 Scoring"): a vector is
 * sorted into a MacroVector of six equivalence classes EQ1..EQ6, the MacroVector's score is read
 * from the spec's lookup table, and the vector's score is interpolated down from it by how far the
 * vector is from the MacroVector's highest-severity vectors. Hand-written because no maintained
 * npm package does this without a browser/Vue dependency; the tables below are data from FIRST's
 * reference calculator (github.com/RedHatProductSecurity/cvss-v4-calculator, `cvss_lookup.js`,
 * `max_composed.js`, `max_severity.js`, BSD-2-Clause, © FIRST, Red Hat and contributors), which the
 * specification names as normative for the table values.
 */

/** Metric values in the order the specification (§7, Table 23) requires them in a vector string. */
const METRICS: ReadonlyArray<readonly [string, readonly string[], boolean]> = [
  // [metric, allowed values, mandatory]
  ['AV', ['N', 'A', 'L', 'P'], true],
  ['AC', ['L', 'H'], true],
  ['AT', ['N', 'P'], true],
  ['PR', ['N', 'L', 'H'], true],
  ['UI', ['N', 'P', 'A'], true],
  ['VC', ['H', 'L', 'N'], true],
  ['VI', ['H', 'L', 'N'], true],
  ['VA', ['H', 'L', 'N'], true],
  ['SC', ['H', 'L', 'N'], true],
  ['SI', ['H', 'L', 'N'], true],
  ['SA', ['H', 'L', 'N'], true],
  ['E', ['X', 'A', 'P', 'U'], false],
  ['CR', ['X', 'H', 'M', 'L'], false],
  ['IR', ['X', 'H', 'M', 'L'], false],
  ['AR', ['X', 'H', 'M', 'L'], false],
  ['MAV', ['X', 'N', 'A', 'L', 'P'], false],
  ['MAC', ['X', 'L', 'H'], false],
  ['MAT', ['X', 'N', 'P'], false],
  ['MPR', ['X', 'N', 'L', 'H'], false],
  ['MUI', ['X', 'N', 'P', 'A'], false],
  ['MVC', ['X', 'H', 'L', 'N'], false],
  ['MVI', ['X', 'H', 'L', 'N'], false],
  ['MVA', ['X', 'H', 'L', 'N'], false],
  ['MSC', ['X', 'H', 'L', 'N'], false],
  ['MSI', ['X', 'S', 'H', 'L', 'N'], false],
  ['MSA', ['X', 'S', 'H', 'L', 'N'], false],
  ['S', ['X', 'N', 'P'], false],
  ['AU', ['X', 'N', 'Y'], false],
  ['R', ['X', 'A', 'U', 'I'], false],
  ['V', ['X', 'D', 'C'], false],
  ['RE', ['X', 'L', 'M', 'H'], false],
  ['U', ['X', 'Clear', 'Green', 'Amber', 'Red'], false]
]

/** Spec §8.2 MacroVector scores, keyed by the EQ1..EQ6 levels (0 = most severe). */
// prettier-ignore
const MACROVECTOR_SCORES: Readonly<Record<string, number>> = {
  '000000': 10, '000001': 9.9, '000010': 9.8, '000011': 9.5, '000020': 9.5, '000021': 9.2,
  '000100': 10, '000101': 9.6, '000110': 9.3, '000111': 8.7, '000120': 9.1, '000121': 8.1,
  '000200': 9.3, '000201': 9, '000210': 8.9, '000211': 8, '000220': 8.1, '000221': 6.8,
  '001000': 9.8, '001001': 9.5, '001010': 9.5, '001011': 9.2, '001020': 9, '001021': 8.4,
  '001100': 9.3, '001101': 9.2, '001110': 8.9, '001111': 8.1, '001120': 8.1, '001121': 6.5,
  '001200': 8.8, '001201': 8, '001210': 7.8, '001211': 7, '001220': 6.9, '001221': 4.8,
  '002001': 9.2, '002011': 8.2, '002021': 7.2, '002101': 7.9, '002111': 6.9, '002121': 5,
  '002201': 6.9, '002211': 5.5, '002221': 2.7,
  '010000': 9.9, '010001': 9.7, '010010': 9.5, '010011': 9.2, '010020': 9.2, '010021': 8.5,
  '010100': 9.5, '010101': 9.1, '010110': 9, '010111': 8.3, '010120': 8.4, '010121': 7.1,
  '010200': 9.2, '010201': 8.1, '010210': 8.2, '010211': 7.1, '010220': 7.2, '010221': 5.3,
  '011000': 9.5, '011001': 9.3, '011010': 9.2, '011011': 8.5, '011020': 8.5, '011021': 7.3,
  '011100': 9.2, '011101': 8.2, '011110': 8, '011111': 7.2, '011120': 7, '011121': 5.9,
  '011200': 8.4, '011201': 7, '011210': 7.1, '011211': 5.2, '011220': 5, '011221': 3,
  '012001': 8.6, '012011': 7.5, '012021': 5.2, '012101': 7.1, '012111': 5.2, '012121': 2.9,
  '012201': 6.3, '012211': 2.9, '012221': 1.7,
  '100000': 9.8, '100001': 9.5, '100010': 9.4, '100011': 8.7, '100020': 9.1, '100021': 8.1,
  '100100': 9.4, '100101': 8.9, '100110': 8.6, '100111': 7.4, '100120': 7.7, '100121': 6.4,
  '100200': 8.7, '100201': 7.5, '100210': 7.4, '100211': 6.3, '100220': 6.3, '100221': 4.9,
  '101000': 9.4, '101001': 8.9, '101010': 8.8, '101011': 7.7, '101020': 7.6, '101021': 6.7,
  '101100': 8.6, '101101': 7.6, '101110': 7.4, '101111': 5.8, '101120': 5.9, '101121': 5,
  '101200': 7.2, '101201': 5.7, '101210': 5.7, '101211': 5.2, '101220': 5.2, '101221': 2.5,
  '102001': 8.3, '102011': 7, '102021': 5.4, '102101': 6.5, '102111': 5.8, '102121': 2.6,
  '102201': 5.3, '102211': 2.1, '102221': 1.3,
  '110000': 9.5, '110001': 9, '110010': 8.8, '110011': 7.6, '110020': 7.6, '110021': 7,
  '110100': 9, '110101': 7.7, '110110': 7.5, '110111': 6.2, '110120': 6.1, '110121': 5.3,
  '110200': 7.7, '110201': 6.6, '110210': 6.8, '110211': 5.9, '110220': 5.2, '110221': 3,
  '111000': 8.9, '111001': 7.8, '111010': 7.6, '111011': 6.7, '111020': 6.2, '111021': 5.8,
  '111100': 7.4, '111101': 5.9, '111110': 5.7, '111111': 5.7, '111120': 4.7, '111121': 2.3,
  '111200': 6.1, '111201': 5.2, '111210': 5.7, '111211': 2.9, '111220': 2.4, '111221': 1.6,
  '112001': 7.1, '112011': 5.9, '112021': 3, '112101': 5.8, '112111': 2.6, '112121': 1.5,
  '112201': 2.3, '112211': 1.3, '112221': 0.6,
  '200000': 9.3, '200001': 8.7, '200010': 8.6, '200011': 7.2, '200020': 7.5, '200021': 5.8,
  '200100': 8.6, '200101': 7.4, '200110': 7.4, '200111': 6.1, '200120': 5.6, '200121': 3.4,
  '200200': 7, '200201': 5.4, '200210': 5.2, '200211': 4, '200220': 4, '200221': 2.2,
  '201000': 8.5, '201001': 7.5, '201010': 7.4, '201011': 5.5, '201020': 6.2, '201021': 5.1,
  '201100': 7.2, '201101': 5.7, '201110': 5.5, '201111': 4.1, '201120': 4.6, '201121': 1.9,
  '201200': 5.3, '201201': 3.6, '201210': 3.4, '201211': 1.9, '201220': 1.9, '201221': 0.8,
  '202001': 6.4, '202011': 5.1, '202021': 2, '202101': 4.7, '202111': 2.1, '202121': 1.1,
  '202201': 2.4, '202211': 0.9, '202221': 0.4,
  '210000': 8.8, '210001': 7.5, '210010': 7.3, '210011': 5.3, '210020': 6, '210021': 5,
  '210100': 7.3, '210101': 5.5, '210110': 5.9, '210111': 4, '210120': 4.1, '210121': 2,
  '210200': 5.4, '210201': 4.3, '210210': 4.5, '210211': 2.2, '210220': 2, '210221': 1.1,
  '211000': 7.5, '211001': 5.5, '211010': 5.8, '211011': 4.5, '211020': 4, '211021': 2.1,
  '211100': 6.1, '211101': 5.1, '211110': 4.8, '211111': 1.8, '211120': 2, '211121': 0.9,
  '211200': 4.6, '211201': 1.8, '211210': 1.7, '211211': 0.7, '211220': 0.8, '211221': 0.2,
  '212001': 5.3, '212011': 2.4, '212021': 1.4, '212101': 2.4, '212111': 1.2, '212121': 0.5,
  '212201': 1, '212211': 0.3, '212221': 0.1
}

/** The highest-severity vectors of each EQ level (for EQ3 per EQ6 level), as metric maps. */
// prettier-ignore
const MAX_COMPOSED = {
  eq1: [['AV:N/PR:N/UI:N'], ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'], ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P']],
  eq2: [['AC:L/AT:N'], ['AC:H/AT:N', 'AC:L/AT:P']],
  eq3eq6: [
    [['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'], ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M']],
    [
      ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'],
      ['VC:L/VI:H/VA:L/CR:H/IR:M/AR:H', 'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M', 'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M', 'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H', 'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M']
    ],
    [[], ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H']]
  ],
  eq4: [['SC:H/SI:S/SA:S'], ['SC:H/SI:H/SA:H'], ['SC:L/SI:L/SA:L']]
} as const

/** The depth of each MacroVector (its largest severity distance, +1), in steps of 0.1. */
const MAX_SEVERITY = {
  eq1: [1, 4, 5],
  eq2: [1, 2],
  eq3eq6: [
    [7, 6],
    [8, 8],
    [NaN, 10]
  ],
  eq4: [6, 5, 4]
} as const

/** Each metric value's severity level, 0.1 apart as in the reference calculator (lower is worse). */
const LEVELS: Record<string, Record<string, number>> = {
  AV: {N: 0, A: 0.1, L: 0.2, P: 0.3},
  PR: {N: 0, L: 0.1, H: 0.2},
  UI: {N: 0, P: 0.1, A: 0.2},
  AC: {L: 0, H: 0.1},
  AT: {N: 0, P: 0.1},
  VC: {H: 0, L: 0.1, N: 0.2},
  VI: {H: 0, L: 0.1, N: 0.2},
  VA: {H: 0, L: 0.1, N: 0.2},
  SC: {H: 0.1, L: 0.2, N: 0.3},
  SI: {S: 0, H: 0.1, L: 0.2, N: 0.3},
  SA: {S: 0, H: 0.1, L: 0.2, N: 0.3},
  CR: {H: 0, M: 0.1, L: 0.2},
  IR: {H: 0, M: 0.1, L: 0.2},
  AR: {H: 0, M: 0.1, L: 0.2}
}

const STEP = 0.1

export type Cvss4Result =
  {ok: true; score: number; macroVector: string} | {ok: false; message: string}

/** Parses a `CVSS:4.0/...` vector into metric -> value, validating names, values, order and presence. */
export function parseCvss4(
  vector: string
): {ok: true; metrics: Map<string, string>} | {ok: false; message: string} {
  const text = vector.trim()
  if (!text.startsWith('CVSS:4.0/'))
    return {ok: false, message: `expected a vector starting with "CVSS:4.0/", got "${clip(text)}"`}
  const metrics = new Map<string, string>()
  let position = 0
  for (const part of text.slice('CVSS:4.0/'.length).split('/')) {
    const [key, value, extra] = part.split(':')
    if (!key || value === undefined || extra !== undefined)
      return {ok: false, message: `expected METRIC:VALUE, got "${clip(part)}"`}
    const index = METRICS.findIndex(([name]) => name === key)
    if (index < 0) return {ok: false, message: `unknown metric "${clip(key)}"`}
    if (metrics.has(key)) return {ok: false, message: `metric ${key} is given twice`}
    if (index < position)
      return {ok: false, message: `metric ${key} is out of the order the specification requires`}
    const allowed = METRICS[index]![1]
    if (!allowed.includes(value))
      return {
        ok: false,
        message: `metric ${key} has value "${clip(value)}"; expected one of ${allowed.join(', ')}`
      }
    metrics.set(key, value)
    position = index
  }
  const missing = METRICS.filter(([name, , mandatory]) => mandatory && !metrics.has(name)).map(
    ([name]) => name
  )
  if (missing.length) return {ok: false, message: `missing base metric(s) ${missing.join(', ')}`}
  return {ok: true, metrics}
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/**
 * The effective value of a metric (spec §8.1): E, CR, IR and AR not defined count as their worst
 * case (A, H); a defined modified metric (MAV...) replaces its base metric.
 */
function effective(metrics: Map<string, string>, metric: string): string {
  const value = metrics.get(metric) ?? 'X'
  if (metric === 'E' && value === 'X') return 'A'
  if ((metric === 'CR' || metric === 'IR' || metric === 'AR') && value === 'X') return 'H'
  const modified = metrics.get(`M${metric}`)
  if (modified !== undefined && modified !== 'X') return modified
  return value
}

/** The MacroVector (EQ1..EQ6 levels) of a parsed vector: spec §8.2 Tables 24-29. */
export function macroVector(metrics: Map<string, string>): string {
  const m = (metric: string): string => effective(metrics, metric)
  const av = m('AV')
  const pr = m('PR')
  const ui = m('UI')
  const eq1 =
    av === 'N' && pr === 'N' && ui === 'N'
      ? 0
      : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P'
        ? 1
        : 2
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1
  const [vc, vi, va] = [m('VC'), m('VI'), m('VA')]
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2
  const eq4 =
    m('MSI') === 'S' || m('MSA') === 'S'
      ? 0
      : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H'
        ? 1
        : 2
  const eq5 = {A: 0, P: 1, U: 2}[m('E')] ?? 0
  const eq6 =
    (m('CR') === 'H' && vc === 'H') ||
    (m('IR') === 'H' && vi === 'H') ||
    (m('AR') === 'H' && va === 'H')
      ? 0
      : 1
  return `${eq1}${eq2}${eq3}${eq4}${eq5}${eq6}`
}

function metricMap(parts: string): Map<string, string> {
  return new Map(parts.split('/').map(p => p.split(':') as [string, string]))
}

/** Round half up to one decimal, with the reference calculator's epsilon against float artefacts. */
function roundToTenth(value: number): number {
  return Math.round((value + 1e-6) * 10) / 10
}

/**
 * The CVSS v4.0 score of a vector (base, or base+threat+environmental when those are given), per
 * spec §8.2 "Scoring": the MacroVector score minus the mean, over the EQs that have a lower
 * MacroVector, of (score drop to that lower MacroVector) × (severity distance / MacroVector depth).
 */
export function cvss4Score(vector: string): Cvss4Result {
  const parsed = parseCvss4(vector)
  if (!parsed.ok) return parsed
  const metrics = parsed.metrics
  const m = (metric: string): string => effective(metrics, metric)
  const macro = macroVector(metrics)
  // No impact on any system: 0 by definition, whatever the MacroVector.
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every(k => m(k) === 'N'))
    return {ok: true, score: 0, macroVector: macro}

  const [eq1, eq2, eq3, eq4, eq5, eq6] = [...macro].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const value = MACROVECTOR_SCORES[macro]!
  const score = (...levels: number[]): number => MACROVECTOR_SCORES[levels.join('')] ?? NaN

  // The next lower MacroVector per EQ (NaN when there is none). EQ3 and EQ6 move together:
  // 00 may go to 01 or 10 (the higher of the two counts), 01 and 10 to 11, 11 to 21.
  const lowerEq1 = score(eq1 + 1, eq2, eq3, eq4, eq5, eq6)
  const lowerEq2 = score(eq1, eq2 + 1, eq3, eq4, eq5, eq6)
  const lowerEq3Eq6 =
    eq3 === 0 && eq6 === 0
      ? Math.max(score(eq1, eq2, eq3, eq4, eq5, 1), score(eq1, eq2, 1, eq4, eq5, eq6))
      : eq3 === 1 && eq6 === 0
        ? score(eq1, eq2, eq3, eq4, eq5, 1)
        : eq3 === 2
          ? NaN
          : score(eq1, eq2, eq3 + 1, eq4, eq5, eq6)
  const lowerEq4 = score(eq1, eq2, eq3, eq4 + 1, eq5, eq6)
  const lowerEq5 = score(eq1, eq2, eq3, eq4, eq5 + 1, eq6)

  // The severity distance from the first highest-severity vector of this MacroVector that the
  // vector does not exceed in any metric.
  const distances = closestMaxDistances(m, eq1, eq2, eq3, eq4, eq6)
  const d = (k: string): number => distances.get(k) ?? 0
  const distanceEq1 = d('AV') + d('PR') + d('UI')
  const distanceEq2 = d('AC') + d('AT')
  const distanceEq3Eq6 = d('VC') + d('VI') + d('VA') + d('CR') + d('IR') + d('AR')
  const distanceEq4 = d('SC') + d('SI') + d('SA')

  const parts: Array<[number, number, number]> = [
    // [lower MacroVector score, distance, depth]
    [lowerEq1, distanceEq1, MAX_SEVERITY.eq1[eq1]! * STEP],
    [lowerEq2, distanceEq2, MAX_SEVERITY.eq2[eq2]! * STEP],
    [lowerEq3Eq6, distanceEq3Eq6, MAX_SEVERITY.eq3eq6[eq3]![eq6]! * STEP],
    [lowerEq4, distanceEq4, MAX_SEVERITY.eq4[eq4]! * STEP],
    // EQ5 (exploit maturity) has a single value per level: its proportion is always 0.
    [lowerEq5, 0, 1]
  ]
  let sum = 0
  let existing = 0
  for (const [lower, distance, depth] of parts) {
    const available = value - lower
    if (Number.isNaN(available)) continue
    existing++
    sum += available * (distance / depth)
  }
  const mean = existing === 0 ? 0 : sum / existing
  const result = Math.min(10, Math.max(0, value - mean))
  return {ok: true, score: roundToTenth(result), macroVector: macro}
}

function closestMaxDistances(
  m: (metric: string) => string,
  eq1: number,
  eq2: number,
  eq3: number,
  eq4: number,
  eq6: number
): Map<string, number> {
  const candidates: string[] = []
  for (const a of MAX_COMPOSED.eq1[eq1]!)
    for (const b of MAX_COMPOSED.eq2[eq2]!)
      for (const c of MAX_COMPOSED.eq3eq6[eq3]![eq6]!)
        for (const e of MAX_COMPOSED.eq4[eq4]!) candidates.push(`${a}/${b}/${c}/${e}`)
  let distances = new Map<string, number>()
  for (const candidate of candidates) {
    const max = metricMap(candidate)
    distances = new Map(
      Object.keys(LEVELS).map(k => [k, LEVELS[k]![m(k)]! - LEVELS[k]![max.get(k)!]!])
    )
    if ([...distances.values()].every(v => v >= 0)) break
  }
  return distances
}
