import {basename} from 'node:path/posix'
import {ExtractError, type ExtractInput, type ExtractResult, type Extractor} from '../extractor'
import type {Package, Scope} from '../package'
import {PackageSet} from '../package-set'
import {typeName} from '../type-name'
import {npmPurl} from '../javascript/npm-purl'
import {isRecord} from '../javascript/package-json'
import {applyRoots, type Root} from '../javascript/reachability'
import {parseYamlDocuments, type YamlFile} from '../javascript/yaml-document'

const IMPORTER_FIELDS: ReadonlyArray<[string, Scope]> = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
  // The env document's roots: pnpm plugins and pnpm itself, tools of the build, never shipped.
  ['configDependencies', 'dev'],
  ['packageManagerDependencies', 'dev']
]

/**
 * pnpm-lock.yaml v5 (`/name/1.0.0_peer@1`), v6 (`/name@1.0.0(peer@1)`) and v9 (`name@1.0.0` in
 * `packages`, peer variants in `snapshots`). A package resolved with several peer sets is one
 * package (peer suffixes are not part of its version) whose dependencies are the union. Importers
 * (the root and each workspace folder) give the direct dependencies; `link:` ones are workspace
 * folders, not packages. `catalogs` only record specifiers, already resolved in the importers.
 */
export const pnpmLock: Extractor = {
  name: 'javascript/pnpm-lock',
  ecosystem: 'npm',
  matches: path => basename(path) === 'pnpm-lock.yaml',
  extract(input: ExtractInput): ExtractResult {
    const documents = parseYamlDocuments(input.text)
    if (documents.length === 1) return extractDocument(documents[0]!, input)
    // pnpm's own reader splits only a file that starts with `---` (its env lockfile) in two.
    const allowed = input.text.split('\n', 1)[0]!.trimEnd() === '---' ? 2 : 1
    if (documents.length > allowed) {
      throw new ExtractError(
        `expected one YAML document, or two (pnpm's env lockfile, then the project lockfile) in a file that starts with '---'; document ${allowed + 1} of ${documents.length} starts here`,
        documents[allowed]!.line
      )
    }
    const env = extractDocument(documents[0]!, input)
    const project = extractDocument(documents[1]!, input)
    const seen = new Set(project.packages.map(p => p.purl))
    return {
      packages: [...project.packages, ...env.packages.filter(p => !seen.has(p.purl))],
      warnings: [...(env.warnings ?? []), ...(project.warnings ?? [])]
    }
  }
}

function extractDocument(file: YamlFile, input: ExtractInput): ExtractResult {
  const lock = file.value
  const topLines = file.keyLines()
  if (!isRecord(lock))
    throw new ExtractError(`expected a mapping at the top level, got ${typeName(lock)}`, file.line)
  const major = Number.parseFloat(String(lock.lockfileVersion))
  if (!Number.isFinite(major)) {
    throw new ExtractError(
      `lockfileVersion: expected a number such as '9.0', got ${typeName(lock.lockfileVersion)}`,
      topLines.get('lockfileVersion') ?? file.line
    )
  }
  const section = (name: string): Record<string, unknown> => {
    const value = lock[name] ?? {}
    if (!isRecord(value))
      throw new ExtractError(
        `${name}: expected a mapping, got ${typeName(value)}`,
        topLines.get(name) ?? file.line
      )
    return value
  }
  const warnings: string[] = []
  const syntax = major >= 9 ? 'v9' : major >= 6 ? 'v6' : 'v5'
  const set = new PackageSet('npm', input.path)
  const byKey = new Map<string, string>()
  const edges: Array<[string, Record<string, unknown>, number]> = []

  const packages = section('packages')
  const lines = file.keyLines('packages')
  for (const [key, entry] of Object.entries(packages)) {
    const line = lines.get(key) ?? topLines.get('packages') ?? file.line
    if (!isRecord(entry))
      throw new ExtractError(`packages["${key}"]: expected a mapping, got ${typeName(entry)}`, line)
    const resolution = isRecord(entry.resolution) ? entry.resolution : {}
    if (typeof resolution.directory === 'string') continue // a local folder: the project's own code
    const id = packageId(key, entry, syntax)
    if (!id) {
      warnings.push(
        `${input.path}:${line}: cannot read a name and version from "${key}"; not listed`
      )
      continue
    }
    const purl = npmPurl(id.name, id.version)
    const integrity = typeof resolution.integrity === 'string' ? resolution.integrity : undefined
    set.add({
      ...id,
      purl,
      line,
      integrity,
      scope: entry.dev === true ? 'dev' : entry.optional === true ? 'optional' : 'prod'
    })
    byKey.set(baseKey(key, syntax), purl)
    if (syntax !== 'v9') edges.push([purl, entry, line])
  }
  if (syntax === 'v9') {
    const snapshots = section('snapshots')
    const snapLines = file.keyLines('snapshots')
    for (const [key, snapshot] of Object.entries(snapshots)) {
      const line = snapLines.get(key) ?? file.line
      if (!isRecord(snapshot))
        throw new ExtractError(
          `snapshots["${key}"]: expected a mapping, got ${typeName(snapshot)}`,
          line
        )
      const purl = byKey.get(baseKey(key, syntax))
      if (purl) edges.push([purl, snapshot, line])
      else warnings.push(`${input.path}:${line}: snapshot "${key}" has no entry in packages`)
    }
  }

  // A dependency reference is a version of the same name (`1.0.0(peer@1)`) or, for aliases and
  // non-registry packages, a whole key (`/real@1.0.0`, `real@1.0.0`). Undefined: not found;
  // null: a link to a workspace folder.
  const resolve = (name: string, ref: string): string | null | undefined => {
    if (ref.startsWith('link:') || ref.startsWith('file:')) return null
    const own =
      syntax === 'v5' ? `${name}/${stripPeers(ref, syntax)}` : `${name}@${stripPeers(ref, syntax)}`
    return byKey.get(own) ?? byKey.get(baseKey(ref, syntax))
  }
  for (const [purl, entry, line] of edges) {
    for (const field of ['dependencies', 'optionalDependencies']) {
      const deps = entry[field] ?? {}
      if (!isRecord(deps))
        throw new ExtractError(`${field}: expected a mapping, got ${typeName(deps)}`, line)
      for (const [name, ref] of Object.entries(deps)) {
        const to = resolve(name, String(ref))
        if (to) set.link(purl, to)
      }
    }
  }

  const importers = lock.importers === undefined ? {'.': lock} : section('importers')
  const roots: Root[] = []
  for (const [path, importer] of Object.entries(importers)) {
    if (!isRecord(importer))
      throw new ExtractError(
        `importers["${path}"]: expected a mapping, got ${typeName(importer)}`,
        topLines.get('importers') ?? file.line
      )
    for (const [field, scope] of IMPORTER_FIELDS) {
      const deps = importer[field] ?? {}
      if (!isRecord(deps)) continue
      for (const [name, value] of Object.entries(deps)) {
        const ref = isRecord(value) ? value.version : value
        if (typeof ref !== 'string' && typeof ref !== 'number') continue
        const to = resolve(name, String(ref))
        if (to) roots.push({purl: to, scope})
        else if (to === undefined)
          warnings.push(`importers["${path}"].${field}.${name}: ${ref} has no entry in packages`)
      }
    }
  }
  applyRoots(set, roots)
  return {packages: set.packages() as Package[], warnings}
}

/** The key without leading slash and peer suffix: `/@a/b@1.0.0(c@2)` -> `@a/b@1.0.0`. */
function baseKey(key: string, syntax: 'v5' | 'v6' | 'v9'): string {
  return stripPeers(key.startsWith('/') ? key.slice(1) : key, syntax)
}

function stripPeers(ref: string, syntax: 'v5' | 'v6' | 'v9'): string {
  if (syntax !== 'v5') {
    const paren = ref.indexOf('(')
    return paren === -1 ? ref : ref.slice(0, paren)
  }
  // v5 appends `_peer@1+other@2` to the version segment (never to the name, which may hold `_`).
  const slash = ref.lastIndexOf('/')
  const underscore = ref.indexOf('_', slash + 1)
  return underscore === -1 ? ref : ref.slice(0, underscore)
}

function packageId(
  key: string,
  entry: Record<string, unknown>,
  syntax: 'v5' | 'v6' | 'v9'
): {name: string; version: string} | undefined {
  if (
    typeof entry.name === 'string' &&
    (typeof entry.version === 'string' || typeof entry.version === 'number')
  ) {
    return {name: entry.name, version: String(entry.version)}
  }
  const base = baseKey(key, syntax)
  const cut = syntax === 'v5' ? base.lastIndexOf('/') : base.lastIndexOf('@')
  if (cut <= 0) return undefined
  const name = base.slice(0, cut)
  const version = base.slice(cut + 1)
  if (!version || name.includes(':')) return undefined
  return {name, version}
}
