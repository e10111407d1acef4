import type {Package} from '@pipeguard/inventory'

export interface SnapshotContext {
  sha: string
  ref: string
  /** Unique per workflow + job (+ path), so snapshots of different jobs do not replace each other. */
  correlator: string
  runId: string
  htmlUrl?: string
  scanned: string
  detector: {name: string; version: string; url: string}
  /** A lockfile's path (relative to the inventoried root) as a repository path, as GitHub links it. */
  repoFile?: (path: string) => string
}

export interface DependencySnapshot {
  version: number
  sha: string
  ref: string
  job: {correlator: string; id: string; html_url?: string}
  detector: {name: string; version: string; url: string}
  scanned: string
  manifests: Record<
    string,
    {name: string; file: {source_location: string}; resolved: Record<string, ResolvedDependency>}
  >
}

export interface ResolvedDependency {
  package_url: string
  relationship: 'direct' | 'indirect'
  scope: 'runtime' | 'development'
  dependencies: string[]
}

/**
 * GitHub's dependency submission payload (POST /repos/{owner}/{repo}/dependency-graph/snapshots):
 * one manifest per lockfile, each package keyed by purl with its relationship and scope, so
 * Dependabot alerts cover every ecosystem pipeguard reads.
 */
export function buildDependencySnapshot(
  packages: Package[],
  ctx: SnapshotContext
): DependencySnapshot {
  const manifests: DependencySnapshot['manifests'] = {}
  const byFile = new Map<string, Package[]>()
  for (const pkg of packages) {
    if (!pkg.pinned || !pkg.version) continue
    byFile.set(pkg.location.path, [...(byFile.get(pkg.location.path) ?? []), pkg])
  }
  for (const file of [...byFile.keys()].sort()) {
    const resolved: Record<string, ResolvedDependency> = {}
    const inFile = byFile.get(file)!
    const known = new Set(inFile.map(p => p.purl))
    for (const pkg of [...inFile].sort((a, b) =>
      a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0
    )) {
      const existing = resolved[pkg.purl]
      const entry: ResolvedDependency = {
        package_url: pkg.purl,
        relationship: pkg.direct || existing?.relationship === 'direct' ? 'direct' : 'indirect',
        scope:
          pkg.scope === 'dev' && (!existing || existing.scope === 'development')
            ? 'development'
            : 'runtime',
        dependencies: [
          ...new Set([
            ...(existing?.dependencies ?? []),
            ...pkg.dependencies.filter(d => known.has(d))
          ])
        ].sort()
      }
      resolved[pkg.purl] = entry
    }
    const location = ctx.repoFile ? ctx.repoFile(file) : file
    manifests[location] = {name: location, file: {source_location: location}, resolved}
  }
  const job: DependencySnapshot['job'] = {correlator: ctx.correlator, id: ctx.runId}
  if (ctx.htmlUrl) job.html_url = ctx.htmlUrl
  return {
    version: 0,
    sha: ctx.sha,
    ref: ctx.ref,
    job,
    detector: ctx.detector,
    scanned: ctx.scanned,
    manifests
  }
}
