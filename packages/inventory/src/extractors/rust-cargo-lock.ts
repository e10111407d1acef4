import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {scopeByReachability} from './scope-by-reachability'
import {arrayTableLineOf, arrayTableLines, parseToml} from './toml-lines'
import {validateShape} from './validate-shape'
import {packageUrl} from '../package-url'

const CargoLockSchema = z.object({
  version: z.number().int().optional(),
  package: z
    .array(
      z.object({
        name: z.string().min(1),
        version: z.string().min(1),
        source: z.string().optional(),
        checksum: z.string().optional(),
        dependencies: z.array(z.string()).optional()
      })
    )
    .default([]),
  /** Cargo.lock v1 kept checksums here: `"checksum NAME VERSION (SOURCE)" = "hex"`. */
  metadata: z.record(z.string(), z.unknown()).optional()
})
type CargoPackage = z.infer<typeof CargoLockSchema>['package'][number]

/**
 * Cargo.lock v1-v4. Packages without `source` are the workspace's own crates: not crates.io
 * packages, but what they depend on is direct. Registry and git packages are reported. Dev scope comes
 * from the sibling Cargo.toml: the root crate's dependencies named only under `[dev-dependencies]`
 * (and what only they pull in); member crates' manifests are not siblings, so their deps count as prod.
 */
export const rustCargoLock: Extractor = {
  name: 'rust/cargo-lock',
  ecosystem: 'crates.io',
  siblings: ['Cargo.toml'],
  matches: path => baseName(path) === 'Cargo.lock',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    const doc = parseToml(text)
    const lines = arrayTableLines(text, 'package')
    const lock = validateShape(CargoLockSchema, doc, arrayTableLineOf('package', lines))
    if (lines.length !== lock.package.length)
      throw new ExtractError(
        `found ${lines.length} [[package]] headers but ${lock.package.length} packages`
      )
    const keys = lock.package.map((entry, i) => `${i}:${entry.name}@${entry.version}`)
    const resolve = resolver(lock.package, keys)
    const graph = new Map<string, string[]>()
    lock.package.forEach((entry, i) => {
      graph.set(
        keys[i] as string,
        (entry.dependencies ?? []).map(dep => {
          const key = resolve(dep)
          if (key === undefined)
            throw new ExtractError(
              `package ${entry.name} ${entry.version}: dependency '${dep}' is not in the lockfile`,
              lines[i]
            )
          return key
        })
      )
    })
    const manifest = cargoManifest(siblings['Cargo.toml'])
    const prod: string[] = []
    const dev: string[] = []
    lock.package.forEach((entry, i) => {
      if (entry.source !== undefined) return
      const isRoot = manifest?.name === entry.name
      for (const dep of graph.get(keys[i] as string) ?? []) {
        const depName = lock.package[Number(dep.slice(0, dep.indexOf(':')))]?.name ?? ''
        ;(isRoot && manifest?.devOnly.has(depName) ? dev : prod).push(dep)
      }
    })
    const direct = new Set([...prod, ...dev])
    const scopes = scopeByReachability(graph, {prod, dev})
    const checksums = v1Checksums(lock.metadata)
    const packages: Package[] = []
    lock.package.forEach((entry, i) => {
      if (entry.source === undefined) return
      const key = keys[i] as string
      const integrity =
        entry.checksum ?? checksums.get(`${entry.name} ${entry.version} (${entry.source})`)
      packages.push({
        ecosystem: 'crates.io',
        name: entry.name,
        version: entry.version,
        purl: cargoPurl(entry),
        direct: direct.has(key),
        scope: scopes.get(key) ?? 'prod',
        ...(integrity ? {integrity} : {}),
        pinned: true,
        location: {path, startLine: lines[i] as number},
        dependencies: (graph.get(key) ?? [])
          .map(dep => lock.package[Number(dep.slice(0, dep.indexOf(':')))] as CargoPackage)
          .filter(dep => dep.source !== undefined)
          .map(cargoPurl)
      })
    })
    return {packages}
  }
}

function cargoPurl(entry: CargoPackage): string {
  return packageUrl('cargo', undefined, entry.name, entry.version)
}

/** A dependency is written `name`, `name version` or `name version (source)`: the least that is unambiguous. */
function resolver(packages: CargoPackage[], keys: string[]): (dep: string) => string | undefined {
  return dep => {
    const match = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(dep.trim())
    if (!match) return undefined
    const [, name, version, source] = match
    const found = packages.flatMap((entry, i) =>
      entry.name === name &&
      (version === undefined || entry.version === version) &&
      (source === undefined || entry.source === source)
        ? [keys[i] as string]
        : []
    )
    return found.length === 1 ? found[0] : undefined
  }
}

function v1Checksums(metadata: Record<string, unknown> | undefined): Map<string, string> {
  const checksums = new Map<string, string>()
  for (const [key, value] of Object.entries(metadata ?? {}))
    if (key.startsWith('checksum ') && typeof value === 'string' && value !== '<none>')
      checksums.set(key.slice(9), value)
  return checksums
}

function cargoManifest(text: string | undefined): {name: string; devOnly: Set<string>} | undefined {
  if (text === undefined) return undefined
  let doc: Record<string, unknown>
  try {
    doc = parseToml(text)
  } catch {
    return undefined
  }
  const table = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const name = table(doc.package).name
  if (typeof name !== 'string') return undefined
  const depNames = (kind: string) => {
    const names = Object.entries(table(doc[kind])).map(([key, spec]) => crateName(key, spec))
    for (const target of Object.values(table(doc.target)))
      names.push(
        ...Object.entries(table(table(target)[kind])).map(([key, spec]) => crateName(key, spec))
      )
    return names
  }
  const normal = new Set([...depNames('dependencies'), ...depNames('build-dependencies')])
  return {name, devOnly: new Set(depNames('dev-dependencies').filter(dep => !normal.has(dep)))}
}

/** `alias = {package = "real-name", ...}` renames a dependency; the lockfile holds the real name. */
function crateName(key: string, spec: unknown): string {
  const renamed =
    typeof spec === 'object' && spec !== null ? (spec as {package?: unknown}).package : undefined
  return typeof renamed === 'string' ? renamed : key
}
