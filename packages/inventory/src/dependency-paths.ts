import type {Inventory, Package} from './package'

interface Graph {
  byPurl: Map<string, Package>
  parents: Map<string, string[]>
}

const graphs = new WeakMap<Inventory, Map<string, Graph>>()

/** One graph per lockfile: the same purl in two lockfiles is two different installs. */
function graphsOf(inventory: Inventory): Map<string, Graph> {
  let byFile = graphs.get(inventory)
  if (byFile) return byFile
  byFile = new Map()
  for (const pkg of inventory.packages) {
    let graph = byFile.get(pkg.location.path)
    if (!graph) byFile.set(pkg.location.path, (graph = {byPurl: new Map(), parents: new Map()}))
    graph.byPurl.set(pkg.purl, pkg)
  }
  for (const graph of byFile.values()) {
    for (const pkg of graph.byPurl.values()) {
      for (const dep of pkg.dependencies) {
        let list = graph.parents.get(dep)
        if (!list) graph.parents.set(dep, (list = []))
        list.push(pkg.purl)
      }
    }
  }
  graphs.set(inventory, byFile)
  return byFile
}

export interface DependencyPathOptions {
  /** Only this lockfile (posix path as in `location.path`). */
  path?: string
  /** At most this many paths (default 10). */
  limit?: number
}

/**
 * The shortest chains `[direct, ..., purl]` by which the project pulls in `purl` (all of the
 * shortest length, up to `limit`), per lockfile. `[[purl]]` when it is itself direct; empty when
 * no direct dependency reaches it (or it is not in the inventory).
 */
export function dependencyPaths(
  inventory: Inventory,
  purl: string,
  options: DependencyPathOptions = {}
): string[][] {
  const limit = options.limit ?? 10
  const out: string[][] = []
  const seen = new Set<string>()
  for (const [file, graph] of graphsOf(inventory)) {
    if (options.path !== undefined && options.path !== file) continue
    if (!graph.byPurl.has(purl)) continue
    for (const chain of shortestChains(graph, purl, limit - out.length)) {
      const key = chain.join('\n')
      if (seen.has(key)) continue
      seen.add(key)
      out.push(chain)
    }
    if (out.length >= limit) break
  }
  return out
}

function shortestChains(graph: Graph, target: string, limit: number): string[][] {
  if (limit <= 0) return []
  // Breadth-first from the target up the reverse edges, one whole level at a time, until a level
  // holds direct dependencies: those are the nearest ones.
  const distance = new Map<string, number>([[target, 0]])
  let level = [target]
  let starts: string[] = []
  for (let d = 0; level.length; d++) {
    starts = level.filter(p => graph.byPurl.get(p)?.direct)
    if (starts.length) break
    const next: string[] = []
    for (const purl of level) {
      for (const parent of graph.parents.get(purl) ?? []) {
        if (distance.has(parent)) continue
        distance.set(parent, d + 1)
        next.push(parent)
      }
    }
    level = next
  }
  const chains: string[][] = []
  const walk = (purl: string, chain: string[]): void => {
    if (chains.length >= limit) return
    if (purl === target) {
      chains.push(chain)
      return
    }
    const d = distance.get(purl)!
    for (const dep of graph.byPurl.get(purl)?.dependencies ?? []) {
      if (distance.get(dep) === d - 1) walk(dep, [...chain, dep])
    }
  }
  for (const start of starts.sort()) walk(start, [start])
  return chains
}
