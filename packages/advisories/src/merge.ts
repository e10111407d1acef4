import type {OsvRecord} from './osv-schema'

/** Several databases' records about one problem (GHSA, CVE, PYSEC, RUSTSEC, GO ...), shown as one finding. */
export interface MergedAdvisory {
  /** The id shown as the finding's rule: a GHSA id when one exists, else the richest record's id. */
  id: string
  /** Every other id the records carry (their own ids and aliases), sorted. */
  aliases: string[]
  /** The record the id came from; it supplies the summary. */
  primary: OsvRecord
  records: OsvRecord[]
}

const isGhsa = (id: string): boolean => id.startsWith('GHSA-')

/** How much a record tells: a severity vector, then its detail and range data. */
function richness(record: OsvRecord): number {
  const vectors =
    (record.severity ?? []).length +
    (record.affected ?? []).reduce((n, a) => n + (a.severity?.length ?? 0), 0)
  const dbSeverity = typeof record.database_specific?.severity === 'string' ? 1 : 0
  const ranges = (record.affected ?? []).reduce(
    (n, a) => n + (a.ranges?.length ?? 0) + (a.versions?.length ? 1 : 0),
    0
  )
  return (
    vectors * 1000 +
    dbSeverity * 500 +
    (record.summary ? 100 : 0) +
    ranges +
    Math.min((record.details ?? '').length, 99) / 100
  )
}

/**
 * Groups records that share an id or alias (transitively) into one advisory. The primary is the
 * record whose own id is a GHSA id (reviewed GitHub advisories carry a severity and the fix data
 * most tools key on); failing that, the richest record; ties go to the smallest id so the choice
 * is stable. Duplicate records (same id twice) collapse.
 */
export function mergeAliases(records: OsvRecord[]): MergedAdvisory[] {
  const byId = new Map<string, OsvRecord>()
  for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record)
  const unique = [...byId.values()]

  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!
    parent.set(x, root)
    return root
  }
  const union = (a: string, b: string): void => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(ra, rb)
  }
  for (const record of unique) {
    parent.set(record.id, find(record.id))
    for (const alias of record.aliases ?? []) union(record.id, alias)
  }

  const groups = new Map<string, OsvRecord[]>()
  for (const record of unique) {
    const root = find(record.id)
    groups.set(root, [...(groups.get(root) ?? []), record])
  }
  return [...groups.values()]
    .map(group => {
      const primary = [...group].sort(
        (a, b) =>
          Number(isGhsa(b.id)) - Number(isGhsa(a.id)) ||
          richness(b) - richness(a) ||
          a.id.localeCompare(b.id)
      )[0]!
      const ids = new Set<string>()
      for (const record of group) {
        ids.add(record.id)
        for (const alias of record.aliases ?? []) ids.add(alias)
      }
      ids.delete(primary.id)
      return {id: primary.id, aliases: [...ids].sort(), primary, records: group}
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}
