import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package, Scope} from '../package'
import {baseName} from './base-name'
import {normalizePythonName, pypiPurl} from './python-name'
import {pyprojectRoots, requirementName} from './python-pyproject'
import {arrayTableLineOf, arrayTableLines, parseToml} from './toml-lines'
import {validateShape} from './validate-shape'

const PdmLockSchema = z.object({
  package: z
    .array(
      z.object({
        name: z.string().min(1),
        version: z.string().optional(),
        groups: z.array(z.string()).optional(),
        path: z.string().optional(),
        editable: z.boolean().optional(),
        dependencies: z.array(z.string()).optional(),
        files: z
          .array(
            z.object({file: z.string().optional(), url: z.string().optional(), hash: z.string()})
          )
          .optional()
      })
    )
    .default([]),
  /** PDM before 2.8 kept file hashes here, keyed `"name version"`. */
  metadata: z
    .object({files: z.record(z.string(), z.array(z.object({hash: z.string()}).loose())).optional()})
    .loose()
    .optional()
})

/**
 * pdm.lock: `[[package]]` tables with `groups` ("default" is prod, any other group dev). PDM writes
 * one table per extras set of the same release; those are one package here.
 */
export const pythonPdmLock: Extractor = {
  name: 'python/pdm-lock',
  ecosystem: 'PyPI',
  siblings: ['pyproject.toml'],
  matches: path => baseName(path) === 'pdm.lock',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    const doc = parseToml(text)
    const lines = arrayTableLines(text, 'package')
    const lock = validateShape(PdmLockSchema, doc, arrayTableLineOf('package', lines))
    if (lines.length !== lock.package.length)
      throw new ExtractError(
        `found ${lines.length} [[package]] headers but ${lock.package.length} packages`
      )
    const roots = pyprojectRoots(siblings['pyproject.toml'])
    const versions = new Map<string, string>()
    for (const entry of lock.package)
      if (entry.version) versions.set(normalizePythonName(entry.name), entry.version)
    const byPurl = new Map<string, Package>()
    lock.package.forEach((entry, i) => {
      // A local path or editable checkout is the user's own code, not a PyPI release.
      if (entry.path !== undefined || entry.editable) return
      const name = normalizePythonName(entry.name)
      const version = entry.version ?? ''
      const purl = pypiPurl(name, version)
      // An extras table depends on its own base release (`requests==2.31.0`): not an edge.
      const dependencies = (entry.dependencies ?? []).flatMap(requirement => {
        const dep = requirementName(requirement)
        const depVersion = dep === undefined ? undefined : versions.get(dep)
        return dep !== undefined && depVersion !== undefined && dep !== name
          ? [pypiPurl(dep, depVersion)]
          : []
      })
      const scope: Scope = !entry.groups || entry.groups.includes('default') ? 'prod' : 'dev'
      const seen = byPurl.get(purl)
      if (seen) {
        seen.dependencies = [...new Set([...seen.dependencies, ...dependencies])]
        if (scope === 'prod') seen.scope = 'prod'
        return
      }
      const integrity = (entry.files ?? lock.metadata?.files?.[`${entry.name} ${version}`])?.[0]
        ?.hash
      byPurl.set(purl, {
        ecosystem: 'PyPI',
        name,
        version,
        purl,
        direct: roots
          ? roots.prod.has(name) || roots.optional.has(name) || roots.dev.has(name)
          : false,
        scope,
        ...(integrity ? {integrity} : {}),
        pinned: version !== '',
        location: {path, startLine: lines[i] as number},
        dependencies
      })
    })
    return {packages: [...byPurl.values()]}
  }
}
