import type {Package, Scope} from '@pipeguard/inventory'

/** One SBOM component: every occurrence of a purl across lockfiles merged into one. */
export interface SbomComponent {
  purl: string
  ecosystem: string
  name: string
  version: string
  scope: Scope
  direct: boolean
  integrity?: string
  license?: string
  dependencies: string[]
  /** Lockfiles that declare it (posix, relative). */
  sources: string[]
}

const SCOPE_RANK: Record<Scope, number> = {prod: 3, peer: 2, optional: 1, dev: 0}

/**
 * Merges the inventory by purl (the same package in two lockfiles, or twice in one npm tree) and
 * sorts everything, so the same inventory always gives the same document.
 */
export function toComponents(packages: Package[]): SbomComponent[] {
  const byPurl = new Map<string, SbomComponent>()
  for (const pkg of packages) {
    if (!pkg.pinned || !pkg.version) continue
    const existing = byPurl.get(pkg.purl)
    if (!existing) {
      byPurl.set(pkg.purl, {
        purl: pkg.purl,
        ecosystem: pkg.ecosystem,
        name: pkg.name,
        version: pkg.version,
        scope: pkg.scope,
        direct: pkg.direct,
        integrity: pkg.integrity,
        license: pkg.license,
        dependencies: [...pkg.dependencies],
        sources: [pkg.location.path]
      })
      continue
    }
    if (SCOPE_RANK[pkg.scope] > SCOPE_RANK[existing.scope]) existing.scope = pkg.scope
    existing.direct ||= pkg.direct
    existing.integrity ??= pkg.integrity
    existing.license ??= pkg.license
    existing.dependencies.push(...pkg.dependencies)
    existing.sources.push(pkg.location.path)
  }
  const known = new Set(byPurl.keys())
  return [...byPurl.values()]
    .map(c => ({
      ...c,
      // Edges to packages the inventory does not hold (unpinned, filtered) would dangle.
      dependencies: [...new Set(c.dependencies)].filter(d => known.has(d) && d !== c.purl).sort(),
      sources: [...new Set(c.sources)].sort()
    }))
    .sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0))
}
