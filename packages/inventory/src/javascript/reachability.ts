import type {Scope} from '../package'
import type {PackageSet} from '../package-set'

export interface Root {
  purl: string
  scope: Scope
}

const ORDER: Scope[] = ['prod', 'optional', 'peer', 'dev']

/**
 * Marks the roots direct and gives every package the scope of the widest root that reaches it
 * (what npm's dev/optional flags mean), for lockfiles that do not write those flags
 * (yarn, pnpm v9, bun). Packages no root reaches keep the scope they were added with.
 */
export function applyRoots(set: PackageSet, roots: Root[]): void {
  const seen = new Set<string>()
  for (const scope of ORDER) {
    const queue: string[] = []
    for (const root of roots) {
      const pkg = set.get(root.purl)
      if (!pkg) continue
      pkg.direct = true
      if (root.scope === scope && !seen.has(root.purl)) {
        seen.add(root.purl)
        queue.push(root.purl)
      }
    }
    for (let i = 0; i < queue.length; i++) {
      const purl = queue[i]!
      set.get(purl)!.scope = scope
      for (const dep of set.dependenciesOf(purl)) {
        if (seen.has(dep) || !set.has(dep)) continue
        seen.add(dep)
        queue.push(dep)
      }
    }
  }
}
