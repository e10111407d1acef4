import {comparePackages} from './inventory-json'
import type {Inventory, Package} from './package'

export interface TreeOptions {
  /** Levels of transitive dependencies shown under each direct one (0: direct only). */
  depth: number
  /** Terminal-safe text for untrusted names (control characters replaced). */
  clean: (text: string) => string
}

/**
 * `npm ls`-style tree per lockfile: direct dependencies at the top, what they pull in indented
 * below, a subtree printed once and marked `(deduped)` where it appears again.
 */
export function renderInventoryTree(inventory: Inventory, options: TreeOptions): string {
  const out: string[] = []
  const byFile = new Map<string, Package[]>()
  for (const pkg of [...inventory.packages].sort(comparePackages)) {
    let list = byFile.get(pkg.location.path)
    if (!list) byFile.set(pkg.location.path, (list = []))
    list.push(pkg)
  }
  const label = (p: Package): string => {
    const scope = p.scope === 'prod' ? '' : ` (${p.scope})`
    const version = p.version || (p.pinned ? '' : 'unpinned')
    return options.clean(`${p.name}${version ? `@${version}` : ''}${scope}`)
  }
  for (const [path, packages] of byFile) {
    const byPurl = new Map(packages.map(p => [p.purl, p]))
    const direct = packages.filter(p => p.direct)
    out.push(`${options.clean(path)} (${packages.length} packages, ${direct.length} direct)`)
    const shown = new Set<string>()
    const top = new Set(direct.map(p => p.purl))
    const visit = (
      pkg: Package,
      prefix: string,
      last: boolean,
      level: number,
      ancestors: Set<string>
    ): void => {
      const children = pkg.dependencies
        .map(d => byPurl.get(d))
        .filter((p): p is Package => p !== undefined)
      // A direct dependency met deeper down is expanded at the top level instead (as npm ls does).
      const deduped =
        children.length > 0 && (shown.has(pkg.purl) || (level > 0 && top.has(pkg.purl)))
      const cycle = ancestors.has(pkg.purl)
      const hidden =
        !deduped && !cycle && level >= options.depth && children.length
          ? ` (+${children.length} more)`
          : ''
      out.push(
        `${prefix}${last ? '└── ' : '├── '}${label(pkg)}${cycle ? ' (cycle)' : deduped ? ' (deduped)' : hidden}`
      )
      if (deduped || cycle || hidden) return
      shown.add(pkg.purl)
      const inner = new Set(ancestors).add(pkg.purl)
      children.forEach((child, i) =>
        visit(child, prefix + (last ? '    ' : '│   '), i === children.length - 1, level + 1, inner)
      )
    }
    direct.forEach((pkg, i) => visit(pkg, '', i === direct.length - 1, 0, new Set()))
    // Everything below the depth limit counts as reached; only truly orphaned packages are listed.
    const closure = new Set<string>()
    const stack = direct.map(p => p.purl)
    while (stack.length) {
      const purl = stack.pop()!
      if (closure.has(purl)) continue
      closure.add(purl)
      for (const dep of byPurl.get(purl)?.dependencies ?? []) stack.push(dep)
    }
    const orphans = packages.filter(p => !closure.has(p.purl))
    if (orphans.length) {
      out.push(`  ${orphans.length} not reached from a direct dependency:`)
      for (const pkg of orphans) out.push(`    ${label(pkg)}`)
    }
    out.push('')
  }
  if (!byFile.size) out.push('no packages found', '')
  for (const error of [...inventory.errors].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    out.push(`error: ${options.clean(error.message)}`)
  }
  return out.join('\n').replace(/\n*$/, '\n')
}
