import {compareFindings, type Finding, type FindingStatus} from './finding'
import {compareSeverity} from './severity'

/** A row of a report: one finding, or the advisories of one package version in one file. */
export type ReportRow = Finding & {
  /** The per-advisory findings a package row stands for (two or more); absent on a plain finding. */
  members?: Finding[]
}

/** Which package version in which file an advisory finding is about; undefined for other findings. */
export function packageKey(f: Finding): string | undefined {
  if (f.scanner !== 'dependencies' || !f.package || !f.vulnerability) return undefined
  const {ecosystem, name, version} = f.package
  return [f.location.path, ecosystem, name, version].join('\0')
}

/** The most actionable status first: one new advisory makes the package row new. */
const STATUS_ORDER: FindingStatus[] = ['new', 'filtered', 'existing', 'ignored']

/**
 * One row per vulnerable package version per file (count, highest severity, the one upgrade that
 * fixes all), every other finding as it is; most severe first. The JSON report keeps one finding
 * per advisory: only the human outputs group.
 */
export function reportRows(findings: Finding[]): ReportRow[] {
  const groups = new Map<string, Finding[]>()
  const rows: ReportRow[] = []
  for (const f of findings) {
    const key = packageKey(f)
    if (key === undefined) {
      rows.push(f)
      continue
    }
    const group = groups.get(key)
    if (group) group.push(f)
    else groups.set(key, [f])
  }
  for (const members of groups.values())
    rows.push(members.length === 1 ? members[0]! : packageRow(members))
  return rows.sort(compareFindings)
}

function packageRow(findings: Finding[]): ReportRow {
  const members = [...findings].sort(compareFindings)
  const first = members[0]!
  const pkg = first.package!
  const ids = members.map(m => m.ruleId)
  const through = first.properties?.direct === 'false' ? first.properties.path : undefined
  const status = members.some(m => m.status === undefined)
    ? undefined
    : STATUS_ORDER.find(s => members.some(m => m.status === s))
  const line = Math.min(...members.map(m => m.location.startLine))
  const row: ReportRow = {
    ...first,
    ruleId: ids.join(', '),
    severity: members.map(m => m.severity).sort(compareSeverity)[0]!,
    title: `${pkg.name} ${pkg.version}: ${members.length} advisories`,
    message: `${pkg.name} ${pkg.version} is affected by ${members.length} advisories, the most severe ${first.severity}.${through ? ` Introduced through: ${through}` : ''}`,
    location: {path: first.location.path, startLine: line, endLine: line},
    ...(first.upgrade ? {remediation: first.upgrade.text} : {}),
    members
  }
  if (status) row.status = status
  else delete row.status
  return row
}

/** How many findings rows stand for. */
export function findingCount(rows: ReportRow[]): number {
  return rows.reduce((n, row) => n + (row.members?.length ?? 1), 0)
}
