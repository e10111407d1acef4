import {basename} from 'node:path/posix'
import {ExtractError, type ExtractInput, type ExtractResult, type Extractor} from '../extractor'
import {JsonKeyLines} from '../json-key-lines'
import {parseJson} from '../json-parse'
import type {Package, Scope} from '../package'
import {PackageSet} from '../package-set'
import {typeName} from '../type-name'
import {npmPurl} from '../javascript/npm-purl'
import {declaredDependencies, isRecord, readManifest} from '../javascript/package-json'
import {
  childLocation,
  isInstalled,
  nameAt,
  ownerOf,
  parentFolder
} from '../javascript/npm-lock-location'

/**
 * package-lock.json (v1, v2, v3) and npm-shrinkwrap.json.
 *
 * v2/v3 are read from `packages` (keyed by install location), v1 from the nested `dependencies`
 * tree; dependency edges follow node's lookup: the nearest `node_modules/<name>` walking up from the
 * dependent's folder. Workspace folders and `link: true` entries are the project's own code (as in
 * npm ls and osv-scanner): they are not listed as packages, but what they declare counts as direct,
 * like the root's own dependencies. `npm:` aliases are listed under the real package name.
 */
export const npmPackageLock: Extractor = {
  name: 'javascript/package-lock',
  ecosystem: 'npm',
  matches: path => {
    const base = basename(path)
    return base === 'package-lock.json' || base === 'npm-shrinkwrap.json'
  },
  siblings: ['package.json'],
  extract(input: ExtractInput): ExtractResult {
    const lock = parseJson(input.text)
    if (!isRecord(lock))
      throw new ExtractError(`expected a JSON object at the top level, got ${typeName(lock)}`, 1)
    const warnings: string[] = []
    const version = lock.lockfileVersion
    if (version !== undefined && typeof version !== 'number') {
      throw new ExtractError(
        `lockfileVersion: expected a number, got ${typeName(version)}`,
        topKeyLine(input.text, 'lockfileVersion')
      )
    }
    if (lock.packages !== undefined) {
      if (!isRecord(lock.packages)) {
        throw new ExtractError(
          `packages: expected an object, got ${typeName(lock.packages)}`,
          topKeyLine(input.text, 'packages')
        )
      }
      return {packages: fromPackages(lock.packages, input, warnings), warnings}
    }
    if ((version ?? 1) >= 2) {
      throw new ExtractError(
        `lockfileVersion ${version}: expected a "packages" object`,
        topKeyLine(input.text, 'lockfileVersion')
      )
    }
    if (lock.dependencies !== undefined && !isRecord(lock.dependencies)) {
      throw new ExtractError(
        `dependencies: expected an object, got ${typeName(lock.dependencies)}`,
        topKeyLine(input.text, 'dependencies')
      )
    }
    return {packages: fromDependencyTree(lock.dependencies ?? {}, input, warnings), warnings}
  }
}

/** lockfile v2/v3: flat map of install locations. */
function fromPackages(
  entries: Record<string, unknown>,
  input: ExtractInput,
  warnings: string[]
): Package[] {
  const keys = new JsonKeyLines(input.text)
  const sectionLine = keys.next('packages') ?? 1
  const set = new PackageSet('npm', input.path)
  const nodes = new Map<string, {purl: string; entry: Record<string, unknown>}>()
  const links = new Map<string, string>()
  const folders = new Map<string, Record<string, unknown>>()
  // Folders that have a node_modules of their own: only those are worth a lookup when resolving.
  const owners = new Set<string>()
  let line = sectionLine
  for (const [location, entry] of Object.entries(entries)) {
    line = keys.next(location) ?? line
    if (!isRecord(entry)) {
      throw new ExtractError(
        `packages["${location}"]: expected an object, got ${typeName(entry)}`,
        line
      )
    }
    if (entry.link === true) {
      if (typeof entry.resolved === 'string') links.set(location, entry.resolved)
      owners.add(ownerOf(location))
      continue
    }
    if (!isInstalled(location)) {
      folders.set(location, entry)
      continue
    }
    const name = entry.name === undefined ? nameAt(location) : entry.name
    const version = entry.version
    if (typeof name !== 'string' || !name) {
      throw new ExtractError(
        `packages["${location}"].name: expected a string, got ${typeName(name)}`,
        line
      )
    }
    if (version === undefined) {
      warnings.push(`${input.path}:${line}: packages["${location}"] has no version; not listed`)
      continue
    }
    if (typeof version !== 'string' || !version) {
      throw new ExtractError(
        `packages["${location}"].version: expected a version string, got ${typeName(version)}`,
        line
      )
    }
    const purl = npmPurl(name, version)
    set.add({name, version, purl, line, scope: scopeOf(entry), ...extras(entry)})
    nodes.set(location, {purl, entry})
    owners.add(ownerOf(location))
  }

  // The nearest node_modules/<name> walking up from `from`; a link ends the search at its target.
  const resolve = (from: string, name: string): string | undefined => {
    let dir = from
    for (;;) {
      if (owners.has(dir)) {
        const candidate = childLocation(dir, name)
        const node = nodes.get(candidate)
        if (node) return node.purl
        const target = links.get(candidate)
        if (target !== undefined) return nodes.get(target)?.purl
      }
      if (!dir) return undefined
      dir = parentFolder(dir)
    }
  }

  for (const [location, {purl, entry}] of nodes) {
    for (const name of dependencyNames(entry, false)) {
      const to = resolve(location, name)
      if (to) set.link(purl, to)
    }
  }
  for (const [location, folder] of folders) {
    for (const name of dependencyNames(folder, true)) {
      const to = resolve(location, name)
      if (to) set.get(to)!.direct = true
    }
  }
  return set.packages()
}

interface TreeNode {
  purl?: string
  parent?: TreeNode
  children: Map<string, TreeNode>
  requires: string[]
}

/** lockfile v1: a nested `dependencies` tree that mirrors node_modules. */
function fromDependencyTree(
  tree: Record<string, unknown>,
  input: ExtractInput,
  warnings: string[]
): Package[] {
  const keys = new JsonKeyLines(input.text)
  const sectionLine = keys.next('dependencies') ?? 1
  const set = new PackageSet('npm', input.path)
  const root: TreeNode = {children: new Map(), requires: []}
  const all: TreeNode[] = []

  const walk = (
    deps: Record<string, unknown>,
    parent: TreeNode,
    trail: string,
    parentLine: number
  ): void => {
    for (const [key, entry] of Object.entries(deps)) {
      const where = `${trail}["${key}"]`
      const line = keys.next(key) ?? parentLine
      if (!isRecord(entry))
        throw new ExtractError(`${where}: expected an object, got ${typeName(entry)}`, line)
      if (typeof entry.version !== 'string' || !entry.version) {
        throw new ExtractError(
          `${where}.version: expected a version string, got ${typeName(entry.version)}`,
          line
        )
      }
      if (entry.requires !== undefined && !isRecord(entry.requires)) {
        throw new ExtractError(
          `${where}.requires: expected an object, got ${typeName(entry.requires)}`,
          line
        )
      }
      const node: TreeNode = {
        parent,
        children: new Map(),
        requires: Object.keys(entry.requires ?? {})
      }
      const resolved = v1NameVersion(key, entry.version)
      if (resolved) {
        node.purl = npmPurl(resolved.name, resolved.version)
        set.add({...resolved, purl: node.purl, line, scope: scopeOf(entry), ...extras(entry)})
      } else {
        warnings.push(
          `${input.path}:${line}: ${key} is a local folder (${entry.version}); not listed`
        )
      }
      parent.children.set(key, node)
      all.push(node)
      if (entry.dependencies !== undefined) {
        if (!isRecord(entry.dependencies)) {
          throw new ExtractError(
            `${where}.dependencies: expected an object, got ${typeName(entry.dependencies)}`,
            line
          )
        }
        walk(entry.dependencies, node, `${where}.dependencies`, line)
      }
    }
  }
  walk(tree, root, 'dependencies', sectionLine)

  const resolve = (from: TreeNode, name: string): TreeNode | undefined => {
    for (let at: TreeNode | undefined = from; at; at = at.parent) {
      const hit = at.children.get(name)
      if (hit) return hit
    }
    return undefined
  }
  const required = new Set<string>()
  for (const node of all) {
    for (const name of node.requires) {
      const to = resolve(node, name)
      if (!to?.purl) continue
      required.add(to.purl)
      if (node.purl) set.link(node.purl, to.purl)
    }
  }
  // v1 has no root entry: direct dependencies come from the package.json next to it, or else
  // are the top-level entries nothing else requires.
  const manifest = readManifest(input.siblings['package.json'], warnings)
  if (manifest) {
    for (const dep of manifest.declared) {
      const purl = root.children.get(dep.name)?.purl
      if (purl) set.get(purl)!.direct = true
    }
  } else {
    for (const node of root.children.values()) {
      if (node.purl && !required.has(node.purl)) set.get(node.purl)!.direct = true
    }
  }
  return set.packages()
}

/** v1 versions: `1.2.3`, `npm:real@1.2.3` (alias), git URLs (`...#commit`), `file:` (local). */
function v1NameVersion(key: string, version: string): {name: string; version: string} | undefined {
  if (version.startsWith('npm:')) {
    const spec = version.slice(4)
    const at = spec.lastIndexOf('@')
    return at > 0
      ? {name: spec.slice(0, at), version: spec.slice(at + 1)}
      : {name: key, version: spec}
  }
  if (version.startsWith('file:') || version.startsWith('link:')) return undefined
  const hash = version.indexOf('#')
  if (hash !== -1 && /^(?:git|github:|gitlab:|bitbucket:)/.test(version))
    return {name: key, version: version.slice(hash + 1)}
  return {name: key, version}
}

function dependencyNames(entry: Record<string, unknown>, withDev: boolean): string[] {
  const names: string[] = []
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = entry[field]
    if (isRecord(deps)) names.push(...Object.keys(deps))
  }
  if (withDev)
    names.push(...declaredDependencies({devDependencies: entry.devDependencies}).map(d => d.name))
  return names
}

function scopeOf(entry: Record<string, unknown>): Scope {
  if (entry.dev === true) return 'dev'
  if (entry.optional === true || entry.devOptional === true) return 'optional'
  if (entry.peer === true) return 'peer'
  return 'prod'
}

function extras(entry: Record<string, unknown>): {integrity?: string; license?: string} {
  const out: {integrity?: string; license?: string} = {}
  if (typeof entry.integrity === 'string') out.integrity = entry.integrity
  if (typeof entry.license === 'string') out.license = entry.license
  return out
}

function topKeyLine(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key))
  if (at === -1) return 1
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++
  return line
}
