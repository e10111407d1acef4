import type {Ecosystem, Package, Scope} from './package'

/** Lower wins when one package is reached several ways: prod beats optional beats peer beats dev. */
const SCOPE_RANK: Record<Scope, number> = {prod: 0, optional: 1, peer: 2, dev: 3}

export function widerScope(a: Scope, b: Scope): Scope {
  return SCOPE_RANK[a] <= SCOPE_RANK[b] ? a : b
}

export interface PackageDraft {
  name: string
  version: string
  purl: string
  line: number
  scope?: Scope
  direct?: boolean
  integrity?: string
  license?: string
  pinned?: boolean
}

/**
 * The packages of one lockfile, one per purl: the same name@version installed at several places
 * (npm's nested node_modules, pnpm's peer variants, yarn's patch entries) is one package whose
 * dependencies are the union and whose location is its first declaration.
 */
export class PackageSet {
  private readonly byPurl = new Map<string, Package>()
  private readonly edges = new Map<string, string[]>()

  constructor(
    private readonly ecosystem: Ecosystem,
    private readonly path: string
  ) {}

  add(draft: PackageDraft): Package {
    const existing = this.byPurl.get(draft.purl)
    if (existing) {
      if (draft.direct) existing.direct = true
      if (draft.scope) existing.scope = widerScope(existing.scope, draft.scope)
      if (existing.integrity === undefined && draft.integrity) existing.integrity = draft.integrity
      if (existing.license === undefined && draft.license) existing.license = draft.license
      return existing
    }
    const pkg: Package = {
      ecosystem: this.ecosystem,
      name: draft.name,
      version: draft.version,
      purl: draft.purl,
      direct: draft.direct ?? false,
      scope: draft.scope ?? 'prod',
      pinned: draft.pinned ?? true,
      location: {path: this.path, startLine: draft.line},
      dependencies: []
    }
    if (draft.integrity) pkg.integrity = draft.integrity
    if (draft.license) pkg.license = draft.license
    this.byPurl.set(draft.purl, pkg)
    return pkg
  }

  get(purl: string): Package | undefined {
    return this.byPurl.get(purl)
  }

  has(purl: string): boolean {
    return this.byPurl.has(purl)
  }

  /** A dependency edge; self-edges (a package requiring another copy of itself) are dropped. */
  link(from: string, to: string): void {
    if (from === to) return
    const list = this.edges.get(from)
    if (list) list.push(to)
    else this.edges.set(from, [to])
  }

  /** Edges as added (may repeat until packages() sorts and de-duplicates them). */
  dependenciesOf(purl: string): readonly string[] {
    return this.edges.get(purl) ?? []
  }

  packages(): Package[] {
    const out: Package[] = []
    for (const pkg of this.byPurl.values()) {
      const edges = this.edges.get(pkg.purl) ?? []
      edges.sort()
      const deps: string[] = []
      for (let i = 0; i < edges.length; i++) {
        const to = edges[i]!
        if (to !== edges[i - 1] && this.byPurl.has(to)) deps.push(to)
      }
      pkg.dependencies = deps
      out.push(pkg)
    }
    return out
  }
}
