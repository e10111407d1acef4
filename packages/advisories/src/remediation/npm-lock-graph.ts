import type {FileError} from '@pipeguard/core'
import {childLocation, isInstalled, isRecord, nameAt, parentFolder} from '@pipeguard/inventory'

/** A dependency as declared by a package or project folder: `name` wanted in `range`. */
export interface DeclaredDependency {
  name: string
  range: string
  field: DependencyField
}

export type DependencyField =
  'dependencies' | 'optionalDependencies' | 'peerDependencies' | 'devDependencies'

export interface LockNode {
  location: string
  name: string
  version: string
  dev: boolean
  /** Shipped inside its parent's tarball (`inBundle`): only a new parent changes it. */
  inBundle: boolean
}

/** An edge into a location: the package (or folder) at `from` wants it in `range`. */
export interface IncomingEdge {
  from: string
  range: string
  field: DependencyField
}

const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const
const FOLDER_FIELDS = [...PACKAGE_FIELDS, 'devDependencies'] as const

/**
 * The install tree of a package-lock.json v2/v3 (`packages`, keyed by install location) with
 * node's lookup between locations. Versions and declared dependencies can be changed for
 * planning; locations never move, which is exactly what an in-place update may do.
 */
export class NpmLockGraph {
  readonly nodes = new Map<string, LockNode>()
  /** The root ("") and workspace folders: the project's own code. */
  readonly folders = new Map<string, DeclaredDependency[]>()
  private readonly links = new Map<string, string>()
  private readonly declared = new Map<string, DeclaredDependency[]>()
  private readonly incomingEdges = new Map<string, Map<string, IncomingEdge[]>>()

  constructor(packages: Record<string, Record<string, unknown>>) {
    for (const [location, entry] of Object.entries(packages)) {
      if (entry.link === true) {
        if (typeof entry.resolved === 'string') this.links.set(location, entry.resolved)
      } else if (!isInstalled(location)) {
        this.folders.set(location, declaredIn(entry, FOLDER_FIELDS))
      } else if (typeof entry.version === 'string') {
        const name = typeof entry.name === 'string' ? entry.name : nameAt(location)
        this.nodes.set(location, {
          location,
          name,
          version: entry.version,
          dev: entry.dev === true,
          inBundle: entry.inBundle === true
        })
        this.declared.set(location, declaredIn(entry, PACKAGE_FIELDS))
      }
    }
    for (const [from, deps] of [...this.folders, ...this.declared]) this.link(from, deps)
  }

  /** The location `name` resolves to from `from`: the nearest node_modules/<name> walking up. */
  resolve(from: string, name: string): string | undefined {
    let dir = from
    for (;;) {
      const candidate = childLocation(dir, name)
      if (this.nodes.has(candidate)) return candidate
      const target = this.links.get(candidate)
      if (target !== undefined) return this.nodes.has(target) ? target : undefined
      if (!dir) return undefined
      dir = parentFolder(dir)
    }
  }

  incoming(location: string): IncomingEdge[] {
    return [...(this.incomingEdges.get(location)?.values() ?? [])].flat()
  }

  /** What the package at `location` declares now (after any planned change). */
  declaredBy(location: string): DeclaredDependency[] {
    return this.declared.get(location) ?? this.folders.get(location) ?? []
  }

  /** Plans `location` at another version that declares `deps`. */
  setVersion(location: string, version: string, deps: DeclaredDependency[]): void {
    const node = this.nodes.get(location)!
    this.unlink(location)
    this.nodes.set(location, {...node, version})
    this.declared.set(location, deps)
    this.link(location, deps)
  }

  private link(from: string, deps: DeclaredDependency[]): void {
    for (const dep of deps) {
      const to = this.resolve(from, dep.name)
      if (!to) continue
      let byFrom = this.incomingEdges.get(to)
      if (!byFrom) this.incomingEdges.set(to, (byFrom = new Map()))
      const edges = byFrom.get(from) ?? []
      edges.push({from, range: dep.range, field: dep.field})
      byFrom.set(from, edges)
    }
  }

  private unlink(from: string): void {
    for (const dep of this.declaredBy(from)) {
      const to = this.resolve(from, dep.name)
      if (to) this.incomingEdges.get(to)?.delete(from)
    }
  }
}

/** The declared dependencies of a lock entry or packument version, in field order. */
export function declaredIn(
  entry: Record<string, unknown>,
  fields: readonly DependencyField[] = PACKAGE_FIELDS
): DeclaredDependency[] {
  const out: DeclaredDependency[] = []
  for (const field of fields) {
    const deps = entry[field]
    if (!isRecord(deps)) continue
    for (const [name, range] of Object.entries(deps))
      if (typeof range === 'string') out.push({name, range, field})
  }
  return out
}

export interface ParsedLock {
  lock: Record<string, unknown>
  packages: Record<string, Record<string, unknown>>
}

/** package-lock.json v2/v3 as JSON, or an error naming the file and what was expected. */
export function parseNpmLock(text: string, path: string): ParsedLock | FileError {
  let lock: unknown
  try {
    lock = JSON.parse(text)
  } catch (error) {
    return {path, message: `${path}: not valid JSON (${(error as Error).message})`}
  }
  if (!isRecord(lock)) return {path, message: `${path}: expected a JSON object at the top level`}
  if (!isRecord(lock.packages)) {
    return {
      path,
      message: `${path}: lockfileVersion ${String(lock.lockfileVersion ?? 1)} has no "packages" map; fix --deps reads package-lock.json v2 and v3 (npm 7 or later writes them: run \`npm install --lockfile-version 3\`)`
    }
  }
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!isRecord(entry))
      return {path, message: `${path}: packages["${location}"]: expected an object`}
    if (entry.version !== undefined && typeof entry.version !== 'string')
      return {path, message: `${path}: packages["${location}"].version: expected a string`}
  }
  return {lock, packages: lock.packages as Record<string, Record<string, unknown>>}
}
