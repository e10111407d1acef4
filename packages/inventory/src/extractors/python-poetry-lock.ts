import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package, Scope} from '../package'
import {baseName} from './base-name'
import {normalizePythonName, pypiPurl} from './python-name'
import {pyprojectRoots} from './python-pyproject'
import {scopeByReachability} from './scope-by-reachability'
import {arrayTableLineOf, arrayTableLines, parseToml} from './toml-lines'
import {validateShape} from './validate-shape'

const PoetryLockSchema = z.object({
  package: z
    .array(
      z.object({
        name: z.string().min(1),
        version: z.string().min(1),
        category: z.string().optional(),
        optional: z.boolean().optional(),
        groups: z.array(z.string()).optional(),
        source: z.object({type: z.string()}).loose().optional(),
        dependencies: z.record(z.string(), z.unknown()).optional(),
        files: z.array(z.object({file: z.string(), hash: z.string()})).optional()
      })
    )
    .default([]),
  /** Poetry < 1.5 kept the file hashes here instead of in each package. */
  metadata: z
    .object({
      files: z
        .record(z.string(), z.array(z.object({file: z.string(), hash: z.string()})))
        .optional()
    })
    .loose()
    .optional()
})

/** poetry.lock: `[[package]]` tables; scope from `groups` (Poetry 2), `category` (Poetry < 1.2) or pyproject.toml. */
export const pythonPoetryLock: Extractor = {
  name: 'python/poetry-lock',
  ecosystem: 'PyPI',
  siblings: ['pyproject.toml'],
  matches: path => baseName(path) === 'poetry.lock',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    const doc = parseToml(text)
    const lines = arrayTableLines(text, 'package')
    const lock = validateShape(PoetryLockSchema, doc, arrayTableLineOf('package', lines))
    if (lines.length !== lock.package.length)
      throw new ExtractError(
        `found ${lines.length} [[package]] headers but ${lock.package.length} packages`
      )
    const entries = lock.package
      .map((entry, i) => ({entry, line: lines[i] as number, key: normalizePythonName(entry.name)}))
      // A `directory` source is the user's own code checked out next to the lockfile, not a PyPI release.
      .filter(({entry}) => entry.source?.type !== 'directory')
    const purlsByName = new Map<string, string[]>()
    for (const {entry, key} of entries)
      purlsByName.set(key, [...(purlsByName.get(key) ?? []), pypiPurl(key, entry.version)])
    const graph = new Map(
      entries.map(({entry, key}) => [
        key,
        Object.keys(entry.dependencies ?? {}).map(normalizePythonName)
      ])
    )
    const roots = pyprojectRoots(siblings['pyproject.toml'])
    const reached = roots ? scopeByReachability(graph, roots) : new Map<string, Scope>()
    const packages = entries.map(({entry, line, key}): Package => {
      const files = entry.files ?? lock.metadata?.files?.[entry.name] ?? []
      // One integrity per package: the source distribution's hash, else the first file's.
      const sdist = files.find(file => /\.(tar\.gz|zip)$/.test(file.file)) ?? files[0]
      return {
        ecosystem: 'PyPI',
        name: key,
        version: entry.version,
        purl: pypiPurl(key, entry.version),
        direct: roots
          ? roots.prod.has(key) || roots.optional.has(key) || roots.dev.has(key)
          : false,
        scope: scopeOf(entry, reached.get(key)),
        ...(sdist ? {integrity: sdist.hash} : {}),
        pinned: true,
        location: {path, startLine: line},
        dependencies: (graph.get(key) ?? []).flatMap(name => purlsByName.get(name) ?? [])
      }
    })
    return {packages}
  }
}

function scopeOf(
  entry: {category?: string; optional?: boolean; groups?: string[]},
  reached: Scope | undefined
): Scope {
  if (entry.groups)
    return entry.groups.includes('main') ? (entry.optional ? 'optional' : 'prod') : 'dev'
  if (entry.category) return entry.category === 'dev' ? 'dev' : entry.optional ? 'optional' : 'prod'
  if (reached) return reached
  return entry.optional ? 'optional' : 'prod'
}
