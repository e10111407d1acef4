import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import type {Package, Scope} from '../package'
import {baseName} from './base-name'
import {parseJsonWithLines} from './json-lines'
import {normalizePythonName, pypiPurl} from './python-name'
import {parseToml} from './toml-lines'
import {validateShape} from './validate-shape'

const EntrySchema = z
  .object({
    version: z.string().optional(),
    hashes: z.array(z.string()).optional(),
    path: z.string().optional(),
    editable: z.boolean().optional()
  })
  .loose()

const PipfileLockSchema = z.object({
  _meta: z.object({}).loose(),
  default: z.record(z.string(), EntrySchema).default({}),
  develop: z.record(z.string(), EntrySchema).default({})
})

const SECTIONS: {key: 'default' | 'develop'; scope: Scope; pipfileKey: string}[] = [
  {key: 'default', scope: 'prod', pipfileKey: 'packages'},
  {key: 'develop', scope: 'dev', pipfileKey: 'dev-packages'}
]

/**
 * Pipfile.lock: "default" (prod) and "develop" (dev) maps of name to `==version`; direct from the
 * sibling Pipfile. Pipfile.lock records no graph. Entries without a version (VCS, URL) are reported
 * unpinned; local `path` entries are the user's own code and are skipped.
 */
export const pythonPipfileLock: Extractor = {
  name: 'python/pipfile-lock',
  ecosystem: 'PyPI',
  siblings: ['Pipfile'],
  matches: path => baseName(path) === 'Pipfile.lock',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    const json = parseJsonWithLines(text, 2)
    const lock = validateShape(PipfileLockSchema, json.value, json.lineOf)
    const direct = pipfileNames(siblings.Pipfile)
    const packages: Package[] = []
    for (const section of SECTIONS) {
      for (const [rawName, entry] of Object.entries(lock[section.key])) {
        if (entry.path !== undefined) continue
        const name = normalizePythonName(rawName)
        const version = entry.version?.replace(/^===?/, '') ?? ''
        const integrity = entry.hashes?.[0]
        packages.push({
          ecosystem: 'PyPI',
          name,
          version,
          purl: pypiPurl(name, version),
          direct: direct?.[section.pipfileKey]?.has(name) ?? false,
          scope: section.scope,
          ...(integrity ? {integrity} : {}),
          pinned: version !== '',
          location: {path, startLine: json.lineOf([section.key, rawName]) ?? 1},
          dependencies: []
        })
      }
    }
    return {packages}
  }
}

function pipfileNames(text: string | undefined): Record<string, Set<string>> | undefined {
  if (text === undefined) return undefined
  try {
    const doc = parseToml(text)
    const names = (key: string) => {
      const table = doc[key]
      return new Set(
        typeof table === 'object' && table !== null
          ? Object.keys(table).map(normalizePythonName)
          : []
      )
    }
    return {packages: names('packages'), 'dev-packages': names('dev-packages')}
  } catch {
    return undefined
  }
}
