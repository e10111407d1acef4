import {PackageURL} from 'packageurl-js'
import {SaxesParser} from 'saxes'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package, Scope} from '../package'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'

interface Declared {
  fields: Record<string, string>
  line: number
  managed: boolean
}

interface PomModel {
  project: Record<string, string>
  properties: Record<string, string>
  dependencies: Declared[]
}

/** Element paths (from <project>) whose <dependency> children are read. */
const DEPENDENCY_LISTS = [
  'project/dependencies',
  'project/dependencyManagement/dependencies',
  'project/profiles/profile/dependencies',
  'project/profiles/profile/dependencyManagement/dependencies'
]
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
    const resolve = (value: string, line: number) => {
      const resolved = interpolate(value, model)
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
        purl: new PackageURL(
          'maven',
          group,
          artifact,
          version || undefined,
          undefined,
          undefined
        ).toString(),
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

function interpolate(value: string, model: PomModel, depth = 0): string {
  if (depth > 10) return value
  const replaced = value.replace(PROPERTY, (whole, key: string) => {
    const found = lookup(key, model)
    return found === undefined ? whole : found
  })
  return replaced !== value && replaced.includes('${')
    ? interpolate(replaced, model, depth + 1)
    : replaced
}

function lookup(key: string, model: PomModel): string | undefined {
  if (key in model.properties) return model.properties[key]
  const path = key.replace(/^(?:project|pom)\./, '')
  if (key.startsWith('project.') || key.startsWith('pom.')) {
    // A module without its own groupId/version inherits the parent's.
    if (path === 'groupId' || path === 'version')
      return model.project[path] ?? model.project[`parent/${path}`]
    return model.project[path.replace('.', '/')]
  }
  if (key === 'parent.version' || key === 'parent.groupId')
    return model.project[key.replace('.', '/')]
  return undefined
}

/** Hand-driven saxes parse: element paths, text, and the line each <dependency> starts on. */
function readPom(text: string): PomModel {
  const parser = new SaxesParser({position: true})
  const stack: string[] = []
  const model: PomModel = {project: {}, properties: {}, dependencies: []}
  let current: Declared | undefined
  let textBuffer = ''
  let tagLine = 1
  parser.on('opentagstart', () => {
    tagLine = parser.line
  })
  parser.on('opentag', tag => {
    const name = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name
    if (stack.length === 0 && name !== 'project')
      throw new ExtractError(`expected a <project> root element, found <${tag.name}>`, tagLine)
    stack.push(name)
    textBuffer = ''
    const parent = stack.slice(0, -1).join('/')
    if (name === 'dependency' && DEPENDENCY_LISTS.includes(parent))
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
    const path = stack.join('/')
    const value = textBuffer.trim()
    const name = stack[stack.length - 1] as string
    if (
      current &&
      name === 'dependency' &&
      DEPENDENCY_LISTS.includes(stack.slice(0, -1).join('/'))
    ) {
      if (!current.fields.groupId || !current.fields.artifactId)
        throw new ExtractError('<dependency> without <groupId> or <artifactId>', current.line)
      model.dependencies.push(current)
      current = undefined
    } else if (current && DEPENDENCY_LISTS.includes(stack.slice(0, -2).join('/'))) {
      current.fields[name] = value
    } else if (stack.length === 3 && stack[1] === 'properties') {
      model.properties[name] = value
    } else if (path.startsWith('project/') && PROJECT_FIELDS.has(path.slice(8))) {
      model.project[path.slice(8)] = value
    }
    stack.pop()
    textBuffer = ''
  })
  parser.on('error', error => {
    const reason = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')
    throw new ExtractError(`invalid XML (column ${parser.column}): ${reason}`, parser.line)
  })
  parser.write(text).close()
  return model
}
