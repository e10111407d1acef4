import type {Inventory, Package} from './package'

export interface ListedPackage {
  ecosystem: string
  name: string
  version: string
  purl: string
  direct: boolean
  scope: string
  location: {path: string; startLine: number}
  dependencies: string[]
}

export interface ListedInventory {
  packages: ListedPackage[]
  errors: Array<{path: string; message: string}>
}

/** Stable order: lockfile path, then name, version and purl (byte order, not locale). */
export function comparePackages(a: Package, b: Package): number {
  return (
    cmp(a.location.path, b.location.path) ||
    cmp(a.name, b.name) ||
    cmp(a.version, b.version) ||
    cmp(a.purl, b.purl)
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The `deps --list --format json` document: exactly the documented fields, stably sorted. */
export function listInventory(inventory: Inventory): ListedInventory {
  return {
    packages: [...inventory.packages].sort(comparePackages).map(p => ({
      ecosystem: p.ecosystem,
      name: p.name,
      version: p.version,
      purl: p.purl,
      direct: p.direct,
      scope: p.scope,
      location: {path: p.location.path, startLine: p.location.startLine},
      dependencies: [...p.dependencies].sort()
    })),
    errors: [...inventory.errors].sort((a, b) => cmp(a.path, b.path) || cmp(a.message, b.message))
  }
}
