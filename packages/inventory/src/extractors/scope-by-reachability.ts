import type {Scope} from '../package'

export interface ScopeRoots {
  prod: Iterable<string>
  optional?: Iterable<string>
  dev?: Iterable<string>
}

/**
 * Lockfiles that record the graph but not each package's scope: a package is prod when some prod
 * root reaches it, else optional, else dev; unreachable keys are left out (caller decides).
 */
export function scopeByReachability(
  dependencies: ReadonlyMap<string, readonly string[]>,
  roots: ScopeRoots
): Map<string, Scope> {
  const scopes = new Map<string, Scope>()
  const walk = (start: Iterable<string>, scope: Scope) => {
    const queue = [...start]
    while (queue.length > 0) {
      const key = queue.pop() as string
      if (scopes.has(key)) continue
      scopes.set(key, scope)
      for (const next of dependencies.get(key) ?? []) if (!scopes.has(next)) queue.push(next)
    }
  }
  walk(roots.prod, 'prod')
  walk(roots.optional ?? [], 'optional')
  walk(roots.dev ?? [], 'dev')
  return scopes
}
