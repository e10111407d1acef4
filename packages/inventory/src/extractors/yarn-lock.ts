import {basename} from 'node:path/posix'
import {ExtractError, type ExtractInput, type ExtractResult, type Extractor} from '../extractor'
import {PackageSet} from '../package-set'
import type {Scope} from '../package'
import {typeName} from '../type-name'
import {npmPurl} from '../javascript/npm-purl'
import {aliasTarget, splitSpec} from '../javascript/npm-spec'
import {isRecord, readManifest, type Manifest} from '../javascript/package-json'
import {applyRoots, type Root} from '../javascript/reachability'
import {parseClassicLockfile} from '../javascript/yarn-classic-syntax'
import {parseYamlFile} from '../javascript/yaml-document'

interface LockEntry {
  specs: string[]
  line: number
  /** The real package name (an `npm:` alias resolved). */
  name: string
  version: string
  integrity?: string
  /** Workspaces and local folders are the project's own code, not packages. */
  kind: 'package' | 'workspace' | 'local'
  /** `.` for the root workspace. */
  workspacePath?: string
  dependencies: Record<string, string>
  optional: Set<string>
}

/**
 * yarn.lock, classic v1 and Berry (v2+, `__metadata`). Every resolution is one package (patched
 * entries are the same name@version as the unpatched one); `workspace:`, `link:` and `portal:`
 * entries are the project's own folders. Direct dependencies: Berry lists each workspace's
 * dependencies in the lockfile; v1 does not, so they come from the package.json next to it, plus,
 * in a workspaces root (whose other manifests are not read), the entries nothing else depends on.
 */
export const yarnLock: Extractor = {
  name: 'javascript/yarn-lock',
  ecosystem: 'npm',
  matches: path => basename(path) === 'yarn.lock',
  siblings: ['package.json'],
  extract(input: ExtractInput): ExtractResult {
    const warnings: string[] = []
    const berry = /^__metadata:/m.test(input.text)
    const entries = berry ? berryEntries(input.text) : classicEntries(input.text)
    const manifest = readManifest(input.siblings['package.json'], warnings)
    return {packages: build(entries, input.path, manifest, berry, warnings), warnings}
  }
}

function classicEntries(text: string): LockEntry[] {
  return parseClassicLockfile(text).map(entry => {
    const version = entry.fields.version
    const first = splitSpec(entry.specs[0]!)
    if (!version)
      throw new ExtractError(`${entry.specs[0]}: expected a "version" field`, entry.line)
    const local = first.range.startsWith('file:') && !entry.fields.resolved
    const out: LockEntry = {
      specs: entry.specs,
      line: entry.line,
      name: aliasTarget(first.name, first.range),
      version,
      kind: local || first.range.startsWith('link:') ? 'local' : 'package',
      dependencies: {...entry.blocks.optionalDependencies, ...entry.blocks.dependencies},
      optional: new Set(Object.keys(entry.blocks.optionalDependencies ?? {}))
    }
    if (entry.fields.integrity) out.integrity = entry.fields.integrity
    return out
  })
}

function berryEntries(text: string): LockEntry[] {
  const file = parseYamlFile(text)
  if (!isRecord(file.value))
    throw new ExtractError(`expected a mapping of entries, got ${typeName(file.value)}`, 1)
  const lines = file.keyLines()
  const out: LockEntry[] = []
  for (const [key, entry] of Object.entries(file.value)) {
    if (key === '__metadata') continue
    const line = lines.get(key) ?? 1
    if (!isRecord(entry))
      throw new ExtractError(`${key}: expected a mapping, got ${typeName(entry)}`, line)
    const {resolution, version} = entry
    if (typeof resolution !== 'string')
      throw new ExtractError(
        `${key}: resolution: expected a string, got ${typeName(resolution)}`,
        line
      )
    if (typeof version !== 'string' && typeof version !== 'number') {
      throw new ExtractError(`${key}: version: expected a string, got ${typeName(version)}`, line)
    }
    const deps = entry.dependencies ?? {}
    if (!isRecord(deps))
      throw new ExtractError(
        `${key}: dependencies: expected a mapping, got ${typeName(deps)}`,
        line
      )
    const {name, range: reference} = splitSpec(resolution)
    const protocol = reference.slice(0, reference.indexOf(':'))
    const meta = isRecord(entry.dependenciesMeta) ? entry.dependenciesMeta : {}
    const item: LockEntry = {
      specs: key.split(',').map(s => s.trim()),
      line,
      name,
      version: String(version),
      kind:
        protocol === 'workspace' ? 'workspace' : isLocal(protocol, reference) ? 'local' : 'package',
      dependencies: Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, String(v)])),
      optional: new Set(
        Object.keys(meta).filter(k => isRecord(meta[k]) && meta[k].optional === true)
      )
    }
    if (protocol === 'workspace') item.workspacePath = reference.slice('workspace:'.length)
    if (typeof entry.checksum === 'string') item.integrity = entry.checksum
    out.push(item)
  }
  return out
}

function isLocal(protocol: string, reference: string): boolean {
  if (protocol === 'link' || protocol === 'portal') return true
  return protocol === 'file' && !/\.(?:tgz|tar\.gz|tar)(?:$|[#:])/.test(reference)
}

/** Descriptors as written in keys and in dependency blocks differ only in URL-encoding. */
function normalize(descriptor: string): string {
  return descriptor.replace(/%3A/gi, ':').replace(/%40/g, '@')
}

function build(
  entries: LockEntry[],
  path: string,
  manifest: Manifest | undefined,
  berry: boolean,
  warnings: string[]
): ReturnType<PackageSet['packages']> {
  const set = new PackageSet('npm', path)
  const bySpec = new Map<string, string | null>()
  const byName = new Map<string, Set<string>>()
  const purls = new Map<LockEntry, string>()
  for (const entry of entries) {
    let purl: string | null = null
    if (entry.kind === 'package') {
      purl = npmPurl(entry.name, entry.version)
      set.add({
        name: entry.name,
        version: entry.version,
        purl,
        line: entry.line,
        integrity: entry.integrity
      })
      purls.set(entry, purl)
      let names = byName.get(entry.name)
      if (!names) byName.set(entry.name, (names = new Set()))
      names.add(purl)
    }
    for (const spec of entry.specs) bySpec.set(normalize(spec), purl)
  }
  const resolutions = manifest?.resolutions ?? {}
  let unresolved = 0
  // undefined: not in the lockfile; null: a workspace or local folder.
  const resolve = (name: string, range: string): string | null | undefined => {
    const ranges = resolutions[name] ? [range, resolutions[name]] : [range]
    for (const r of ranges) {
      for (const candidate of [`${name}@${r}`, `${name}@npm:${r}`]) {
        const hit = bySpec.get(normalize(candidate))
        if (hit !== undefined) return hit
      }
    }
    // A `resolutions` override can replace the descriptor entirely; one version of the name left means that one.
    const only = byName.get(aliasTarget(name, range))
    if (only?.size === 1) return [...only][0]
    unresolved++
    return undefined
  }

  const incoming = new Set<string>()
  for (const [entry, purl] of purls) {
    for (const [name, range] of Object.entries(entry.dependencies)) {
      const to = resolve(name, range)
      if (!to) continue
      set.link(purl, to)
      incoming.add(to)
    }
  }

  const roots: Root[] = []
  const declaredScope = new Map<string, Scope>(
    (manifest?.declared ?? []).map(d => [d.name, d.scope])
  )
  if (berry) {
    for (const entry of entries) {
      if (entry.kind !== 'workspace') continue
      for (const [name, range] of Object.entries(entry.dependencies)) {
        const to = resolve(name, range)
        const scope = entry.workspacePath === '.' ? (declaredScope.get(name) ?? 'prod') : 'prod'
        if (to) roots.push({purl: to, scope})
      }
    }
  } else {
    for (const dep of manifest?.declared ?? []) {
      const to = resolve(dep.name, dep.range)
      if (to) roots.push({purl: to, scope: dep.scope})
    }
    if (!manifest || manifest.hasWorkspaces) {
      for (const purl of purls.values()) if (!incoming.has(purl)) roots.push({purl, scope: 'prod'})
    }
  }
  applyRoots(set, roots)
  if (unresolved)
    warnings.push(
      `${unresolved} dependency range(s) have no entry in the lockfile; those edges are missing`
    )
  return set.packages()
}
