import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import type {Package, Scope} from '../package'
import {parseYamlFile} from '../javascript/yaml-document'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {validateShape} from './validate-shape'
import {packageUrl} from '../package-url'

const PubspecLockSchema = z.object({
  packages: z
    .record(
      z.string(),
      z.object({
        dependency: z.string(),
        description: z.union([z.string(), z.object({sha256: z.string().optional()}).loose()]),
        source: z.string(),
        version: z.string()
      })
    )
    .nullish()
})

const DEPENDENCY_KINDS: Record<string, {direct: boolean; scope: Scope}> = {
  'direct main': {direct: true, scope: 'prod'},
  'direct dev': {direct: true, scope: 'dev'},
  'direct overridden': {direct: true, scope: 'prod'},
  transitive: {direct: false, scope: 'prod'}
}

/**
 * pubspec.lock (Dart/Flutter): `hosted` and `git` packages; `sdk` (flutter, flutter_test) and `path`
 * packages are not on pub.dev. "direct main"/"direct dev"/"direct overridden"/"transitive" give direct
 * and scope; the lockfile records no graph, so a transitive package of a dev dependency is still prod.
 */
export const dartPubspecLock: Extractor = {
  name: 'dart/pubspec-lock',
  ecosystem: 'Pub',
  matches: path => baseName(path) === 'pubspec.lock',
  extract({path, text}: ExtractInput): ExtractResult {
    assertNoConflictMarkers(text)
    const yaml = parseYamlFile(text)
    const keyLines = yaml.keyLines('packages')
    const lock = validateShape(PubspecLockSchema, yaml.value ?? {}, keys =>
      keys[0] === 'packages' && typeof keys[1] === 'string' ? keyLines.get(keys[1]) : undefined
    )
    const warnings: string[] = []
    const packages: Package[] = []
    for (const [name, entry] of Object.entries(lock.packages ?? {})) {
      if (entry.source === 'sdk' || entry.source === 'path') continue
      const kind = DEPENDENCY_KINDS[entry.dependency]
      if (!kind)
        warnings.push(`${path}: ${name} has an unknown dependency kind '${entry.dependency}'`)
      const sha256 = typeof entry.description === 'object' ? entry.description.sha256 : undefined
      packages.push({
        ecosystem: 'Pub',
        name,
        version: entry.version,
        purl: packageUrl('pub', undefined, name, entry.version, keyLines.get(name)),
        direct: kind?.direct ?? false,
        scope: kind?.scope ?? 'prod',
        ...(sha256 ? {integrity: sha256} : {}),
        pinned: true,
        location: {path, startLine: keyLines.get(name) ?? 1},
        dependencies: []
      })
    }
    return {packages, warnings}
  }
}
