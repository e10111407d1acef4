import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {normalizePythonName, pypiPurl} from './python-name'
import {scopeByReachability} from './scope-by-reachability'
import {arrayTableLineOf, arrayTableLines, parseToml} from './toml-lines'
import {validateShape} from './validate-shape'

const DependencySchema = z.object({name: z.string().min(1), version: z.string().optional()}).loose()
const HashedSchema = z.object({hash: z.string().optional()}).loose()

const UvLockSchema = z.object({
  package: z
    .array(
      z.object({
        name: z.string().min(1),
        version: z.string().optional(),
        source: z.record(z.string(), z.unknown()).optional(),
        dependencies: z.array(DependencySchema).optional(),
        'optional-dependencies': z.record(z.string(), z.array(DependencySchema)).optional(),
        'dev-dependencies': z.record(z.string(), z.array(DependencySchema)).optional(),
        sdist: HashedSchema.optional(),
        wheels: z.array(HashedSchema).optional()
      })
    )
    .default([])
})
type UvPackage = z.infer<typeof UvLockSchema>['package'][number]
type UvDependency = z.infer<typeof DependencySchema>

/** The project and its workspace members: their dependencies are the direct ones, they are not PyPI releases. */
const LOCAL_SOURCES = ['editable', 'virtual', 'directory']

/** uv.lock: `[[package]]` tables; the local project's dependencies, optional and dev groups set direct and scope. */
export const pythonUvLock: Extractor = {
  name: 'python/uv-lock',
  ecosystem: 'PyPI',
  matches: path => baseName(path) === 'uv.lock',
  extract({path, text}: ExtractInput): ExtractResult {
    const doc = parseToml(text)
    const lines = arrayTableLines(text, 'package')
    const lock = validateShape(UvLockSchema, doc, arrayTableLineOf('package', lines))
    if (lines.length !== lock.package.length)
      throw new ExtractError(
        `found ${lines.length} [[package]] headers but ${lock.package.length} packages`
      )
    const isLocal = (entry: UvPackage) =>
      LOCAL_SOURCES.some(kind => entry.source?.[kind] !== undefined)
    const all = lock.package.map((entry, i) => ({
      entry,
      line: lines[i] as number,
      name: normalizePythonName(entry.name)
    }))
    const locals = all.filter(({entry}) => isLocal(entry))
    const released = all.filter(({entry}) => !isLocal(entry))
    const keyOf = (name: string, version: string | undefined) => `${name}@${version ?? ''}`
    const versionsByName = new Map<string, string[]>()
    for (const {entry, name} of released)
      versionsByName.set(name, [...(versionsByName.get(name) ?? []), entry.version ?? ''])
    // uv writes a dependency's version only when the lock holds several versions of that name.
    const resolve = (dependency: UvDependency): string[] => {
      const name = normalizePythonName(dependency.name)
      const versions = versionsByName.get(name) ?? []
      const chosen =
        dependency.version === undefined ? versions : versions.filter(v => v === dependency.version)
      return chosen.map(version => keyOf(name, version))
    }
    const graph = new Map<string, string[]>()
    for (const {entry, name} of released) {
      const deps = [
        ...(entry.dependencies ?? []),
        ...Object.values(entry['optional-dependencies'] ?? {}).flat()
      ]
      graph.set(keyOf(name, entry.version), deps.flatMap(resolve))
    }
    const prod = locals.flatMap(({entry}) => (entry.dependencies ?? []).flatMap(resolve))
    const optional = locals.flatMap(({entry}) =>
      Object.values(entry['optional-dependencies'] ?? {})
        .flat()
        .flatMap(resolve)
    )
    const dev = locals.flatMap(({entry}) =>
      Object.values(entry['dev-dependencies'] ?? {})
        .flat()
        .flatMap(resolve)
    )
    const direct = new Set([...prod, ...optional, ...dev])
    const scopes = scopeByReachability(graph, {prod, optional, dev})
    const packages = released.map(({entry, line, name}): Package => {
      const key = keyOf(name, entry.version)
      const integrity = entry.sdist?.hash ?? entry.wheels?.find(wheel => wheel.hash)?.hash
      return {
        ecosystem: 'PyPI',
        name,
        version: entry.version ?? '',
        purl: pypiPurl(name, entry.version ?? ''),
        direct: direct.has(key),
        scope: scopes.get(key) ?? 'prod',
        ...(integrity ? {integrity} : {}),
        pinned: entry.version !== undefined,
        location: {path, startLine: line},
        dependencies: (graph.get(key) ?? []).map(dep => {
          const at = dep.lastIndexOf('@')
          return pypiPurl(dep.slice(0, at), dep.slice(at + 1))
        })
      }
    })
    return {packages}
  }
}
