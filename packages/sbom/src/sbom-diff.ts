import type {SbomComponent} from './components'

export interface SbomDiff {
  added: SbomComponent[]
  removed: SbomComponent[]
  changed: Array<{before: SbomComponent; after: SbomComponent}>
  licenseChanged: Array<{before: SbomComponent; after: SbomComponent}>
}

/** Components keyed by ecosystem + name: a new version of a package is a change, not add + remove. */
export function diffComponents(base: SbomComponent[], head: SbomComponent[]): SbomDiff {
  const key = (c: SbomComponent): string => `${c.ecosystem}\0${c.name}`
  const group = (list: SbomComponent[]): Map<string, SbomComponent[]> => {
    const map = new Map<string, SbomComponent[]>()
    for (const c of list) map.set(key(c), [...(map.get(key(c)) ?? []), c])
    return map
  }
  const before = group(base)
  const after = group(head)
  const diff: SbomDiff = {added: [], removed: [], changed: [], licenseChanged: []}
  for (const [k, heads] of after) {
    const bases = before.get(k) ?? []
    const baseVersions = new Set(bases.map(c => c.version))
    const headVersions = new Set(heads.map(c => c.version))
    const newOnes = heads.filter(c => !baseVersions.has(c.version))
    const goneOnes = bases.filter(c => !headVersions.has(c.version))
    // Pair versions up as changes; anything left over is a real addition or removal.
    while (newOnes.length && goneOnes.length)
      diff.changed.push({before: goneOnes.shift()!, after: newOnes.shift()!})
    diff.added.push(...newOnes)
    diff.removed.push(...goneOnes)
    for (const h of heads) {
      const b = bases.find(c => c.version === h.version)
      if (b && (b.license ?? '') !== (h.license ?? ''))
        diff.licenseChanged.push({before: b, after: h})
    }
  }
  for (const [k, bases] of before) if (!after.has(k)) diff.removed.push(...bases)
  const byPurl = (a: {purl: string}, b: {purl: string}): number =>
    a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0
  diff.added.sort(byPurl)
  diff.removed.sort(byPurl)
  diff.changed.sort((a, b) => byPurl(a.after, b.after))
  diff.licenseChanged.sort((a, b) => byPurl(a.after, b.after))
  return diff
}
