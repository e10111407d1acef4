import {SaxesParser} from 'saxes'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package, Scope} from '../package'
import {excerpt} from '../excerpt'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {packageUrl} from '../package-url'

interface Declared {
  fields: Record<string, string>
  line: number
  managed: boolean
}

interface PomModel {
  project: Record<string, string>
  /** A Map: property names are the file's (`__proto__` is just a name). */
  properties: Map<string, string>
  dependencies: Declared[]
}

/** Element paths (from <project>) whose <dependency> children are read. */
const DEPENDENCY_LISTS = new Set([
  'project/dependencies',
  'project/dependencyManagement/dependencies',
  'project/profiles/profile/dependencies',
  'project/profiles/profile/dependencyManagement/dependencies'
])
/** The deepest element read (a field of a profile's managed dependency); deeper paths are not built. */
const MAX_READ_DEPTH = 7
/** A resolved property longer than this is an expansion bomb, not a version or a coordinate. */
export const MAX_PROPERTY_LENGTH = 10_000
/** Property references nested deeper than this are a fault in the file (Maven's own limit is memory). */
export const MAX_PROPERTY_DEPTH = 64
const PROJECT_FIELDS = new Set([
  'groupId',
  'artifactId',
  'version',
  'parent/groupId',
  'parent/artifactId',
  'parent/version'
])
const PROPERTY = /\$\{([^}]+)\}/g

/**
 * pom.xml on its own (no parent or BOM download): `<dependencies>` and `<dependencyManagement>` with
 * versions resolved from `${...}` properties of the same file (`<properties>`, `project.version`,
 * `project.groupId`, `project.parent.version`...). A missing version is taken from the file's own
 * dependencyManagement; one still missing, unresolved or a range (`[1.0,2.0)`) is reported unpinned.
 * Scope: test → dev; `<optional>true</optional>` → optional; compile, runtime, provided and system →
 * prod (provided/system jars are on the runtime classpath, supplied by the container or host). BOM
 * imports (`<scope>import</scope>`) are version sources, not packages. Managed-only entries are
 * reported (they pin what transitive dependencies resolve to) as not direct.
 */
export const javaPomXml: Extractor = {
  name: 'java/pom-xml',
  ecosystem: 'Maven',
  matches: path => baseName(path) === 'pom.xml',
  extract({path, text}: ExtractInput): ExtractResult {
    assertNoConflictMarkers(text)
    const model = readPom(text)
    const warnings: string[] = []
    const properties = new PropertyResolver(model)
    const resolve = (value: string, line: number) => {
      const resolved = properties.expand(value, line)
      if (resolved.includes('${'))
        warnings.push(`${path}:${line}: cannot resolve ${value} from this file`)
      return resolved
    }
    const managed = new Map<string, string>()
    for (const dep of model.dependencies.filter(d => d.managed)) {
      const key = `${resolve(dep.fields.groupId ?? '', dep.line)}:${resolve(dep.fields.artifactId ?? '', dep.line)}`
      if (dep.fields.version && !managed.has(key))
        managed.set(key, resolve(dep.fields.version, dep.line))
    }
    const packages = new Map<string, Package>()
    // Declared dependencies first: a managed entry for the same module adds nothing new.
    for (const dep of [
      ...model.dependencies.filter(d => !d.managed),
      ...model.dependencies.filter(d => d.managed)
    ]) {
      const scopeName = dep.fields.scope ?? 'compile'
      if (scopeName === 'import') continue
      const group = resolve(dep.fields.groupId ?? '', dep.line)
      const artifact = resolve(dep.fields.artifactId ?? '', dep.line)
      const name = `${group}:${artifact}`
      if (packages.has(name)) continue
      const written =
        dep.fields.version !== undefined ? resolve(dep.fields.version, dep.line) : managed.get(name)
      const pinned = written !== undefined && isExactVersion(written)
      const version = pinned ? (written as string) : ''
      if (written === undefined)
        warnings.push(`${path}:${dep.line}: ${name} has no version in this file (parent or BOM)`)
      const scope: Scope =
        dep.fields.optional === 'true' ? 'optional' : scopeName === 'test' ? 'dev' : 'prod'
      packages.set(name, {
        ecosystem: 'Maven',
        name,
        version,
        purl: packageUrl('maven', group, artifact, version || undefined, dep.line),
        direct: !dep.managed,
        scope,
        pinned,
        location: {path, startLine: dep.line},
        dependencies: []
      })
    }
    return {packages: [...packages.values()], warnings}
  }
}

/** A soft requirement (`1.2.3`) is what Maven picks; ranges and unresolved properties are not versions. */
function isExactVersion(version: string): boolean {
  return version !== '' && !/[[\](),]/.test(version) && !version.includes('${')
}

/**
 * `${...}` references of one file, each property expanded once (memoized): linear in the file,
 * whatever the references. A cycle, a chain deeper than MAX_PROPERTY_DEPTH or an expansion longer
 * than MAX_PROPERTY_LENGTH is an ExtractError at the line that uses it (Maven rejects cycles too).
 */
class PropertyResolver {
  private readonly done = new Map<string, string | undefined>()
  private readonly active: string[] = []

  constructor(private readonly model: PomModel) {}

  expand(value: string, line: number): string {
    let out = ''
    let last = 0
    for (const match of value.matchAll(PROPERTY)) {
      const found = this.property(match[1]!, line)
      out += value.slice(last, match.index) + (found ?? match[0])
      last = match.index + match[0].length
      if (out.length > MAX_PROPERTY_LENGTH) break
    }
    out += value.slice(last)
    if (out.length > MAX_PROPERTY_LENGTH)
      throw new ExtractError(
        `${excerpt(value)} expands to more than ${MAX_PROPERTY_LENGTH} characters (a property expansion bomb?)`,
        line
      )
    return out
  }

  private property(key: string, line: number): string | undefined {
    if (this.done.has(key)) return this.done.get(key)
    const cycle = this.active.indexOf(key)
    if (cycle !== -1) {
      const chain = [...this.active.slice(cycle), key].map(k => `\${${k}}`).join(' -> ')
      throw new ExtractError(`property cycle: ${chain}`, line)
    }
    if (this.active.length >= MAX_PROPERTY_DEPTH)
      throw new ExtractError(
        `property references nest deeper than ${MAX_PROPERTY_DEPTH} levels at \${${key}}`,
        line
      )
    const raw = lookup(key, this.model)
    const value = raw === undefined ? undefined : this.expandAs(key, raw, line)
    this.done.set(key, value)
    return value
  }

  private expandAs(key: string, raw: string, line: number): string {
    this.active.push(key)
    try {
      return this.expand(raw, line)
    } finally {
      this.active.pop()
    }
  }
}

function lookup(key: string, model: PomModel): string | undefined {
  const property = model.properties.get(key)
  if (property !== undefined) return property
  const path = key.replace(/^(?:project|pom)\./, '')
  if (key.startsWith('project.') || key.startsWith('pom.')) {
    // A module without its own groupId/version inherits the parent's.
    if (path === 'groupId' || path === 'version')
      return own(model.project, path) ?? own(model.project, `parent/${path}`)
    return own(model.project, path.replace('.', '/'))
  }
  if (key === 'parent.version' || key === 'parent.groupId')
    return own(model.project, key.replace('.', '/'))
  return undefined
}

function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/**
 * Hand-driven saxes parse: element paths, text, and the line each <dependency> starts on. Each
 * open element costs O(1) (its path is built from its parent's, and only down to MAX_READ_DEPTH),
 * so deep nesting stays linear.
 */
function readPom(text: string): PomModel {
  const parser = new SaxesParser({position: true})
  /** Path of each open element from <project>; undefined below MAX_READ_DEPTH. */
  const paths: Array<string | undefined> = []
  const model: PomModel = {project: {}, properties: new Map(), dependencies: []}
  let current: Declared | undefined
  let textBuffer = ''
  let tagLine = 1
  const at = (fromTop: number): string | undefined => paths[paths.length - 1 - fromTop]
  parser.on('opentagstart', () => {
    tagLine = parser.line
  })
  parser.on('opentag', tag => {
    const name = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name
    if (paths.length === 0 && name !== 'project')
      throw new ExtractError(`expected a <project> root element, found <${tag.name}>`, tagLine)
    const parent = at(0)
    paths.push(
      paths.length === 0
        ? name
        : parent !== undefined && paths.length < MAX_READ_DEPTH
          ? `${parent}/${name}`
          : undefined
    )
    textBuffer = ''
    if (name === 'dependency' && parent !== undefined && DEPENDENCY_LISTS.has(parent))
      current = {
        fields: {},
        line: tagLine,
        managed: parent.endsWith('dependencyManagement/dependencies')
      }
  })
  parser.on('text', chunk => {
    textBuffer += chunk
  })
  parser.on('cdata', chunk => {
    textBuffer += chunk
  })
  parser.on('closetag', () => {
    const path = at(0)
    const value = textBuffer.trim()
    const name = path?.slice(path.lastIndexOf('/') + 1)
    const parent = at(1)
    const grandparent = at(2)
    if (current && name === 'dependency' && parent !== undefined && DEPENDENCY_LISTS.has(parent)) {
      if (!current.fields.groupId || !current.fields.artifactId)
        throw new ExtractError('<dependency> without <groupId> or <artifactId>', current.line)
      model.dependencies.push(current)
      current = undefined
    } else if (current && name && grandparent !== undefined && DEPENDENCY_LISTS.has(grandparent)) {
      current.fields[name] = value
    } else if (name && paths.length === 3 && parent === 'project/properties') {
      model.properties.set(name, value)
    } else if (path?.startsWith('project/') && PROJECT_FIELDS.has(path.slice(8))) {
      model.project[path.slice(8)] = value
    }
    paths.pop()
    textBuffer = ''
  })
  parser.on('error', error => {
    const reason = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')
    throw new ExtractError(
      `invalid XML (column ${parser.column}): ${excerpt(reason, 120)}`,
      parser.line
    )
  })
  parser.write(text).close()
  return model
}
