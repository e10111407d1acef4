import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {parseJsonWithLines} from './json-lines'
import {validateShape} from './validate-shape'
import {packageUrl} from '../package-url'

const EntrySchema = z
  .object({
    type: z.enum(['Direct', 'Transitive', 'Project', 'CentralTransitive']),
    resolved: z.string().min(1).optional(),
    contentHash: z.string().optional(),
    dependencies: z.record(z.string(), z.string()).optional()
  })
  .loose()

const PackagesLockSchema = z.object({
  version: z.number().int(),
  dependencies: z.record(z.string(), z.record(z.string(), EntrySchema))
})

/**
 * NuGet packages.lock.json: one map per target framework (and runtime); a package locked under
 * several frameworks is one package, direct when any framework lists it as Direct. `Project` entries
 * are the solution's own projects, not NuGet packages.
 */
export const dotnetPackagesLock: Extractor = {
  name: 'dotnet/packages-lock',
  ecosystem: 'NuGet',
  matches: path => baseName(path) === 'packages.lock.json',
  extract({path, text}: ExtractInput): ExtractResult {
    const json = parseJsonWithLines(text, 3)
    const lock = validateShape(PackagesLockSchema, json.value, json.lineOf)
    const byKey = new Map<string, Package>()
    const warnings: string[] = []
    for (const [framework, entries] of Object.entries(lock.dependencies)) {
      // NuGet ids are case-insensitive: a dependency may be written in another case than its entry.
      const resolvedByName = new Map<string, string>()
      for (const [name, entry] of Object.entries(entries))
        if (entry.type !== 'Project' && entry.resolved)
          resolvedByName.set(name.toLowerCase(), `${name}@${entry.resolved}`)
      for (const [name, entry] of Object.entries(entries)) {
        if (entry.type === 'Project') continue
        if (!entry.resolved) {
          warnings.push(`${path}: ${framework} ${name} has no resolved version`)
          continue
        }
        const key = `${name.toLowerCase()}@${entry.resolved}`
        const dependencies = Object.keys(entry.dependencies ?? {}).flatMap(dep => {
          const target = resolvedByName.get(dep.toLowerCase())
          if (target === undefined) return []
          const at = target.lastIndexOf('@')
          return [nugetPurl(target.slice(0, at), target.slice(at + 1))]
        })
        const seen = byKey.get(key)
        if (seen) {
          seen.direct ||= entry.type === 'Direct'
          seen.dependencies = [...new Set([...seen.dependencies, ...dependencies])]
          continue
        }
        byKey.set(key, {
          ecosystem: 'NuGet',
          name,
          version: entry.resolved,
          purl: nugetPurl(name, entry.resolved),
          direct: entry.type === 'Direct',
          scope: 'prod',
          ...(entry.contentHash ? {integrity: entry.contentHash} : {}),
          pinned: true,
          location: {path, startLine: json.lineOf(['dependencies', framework, name]) ?? 1},
          dependencies
        })
      }
    }
    return {packages: [...byKey.values()], warnings}
  }
}

function nugetPurl(name: string, version: string): string {
  return packageUrl('nuget', undefined, name, version)
}
