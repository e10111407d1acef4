import {z} from 'zod'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import type {Package, Scope} from '../package'
import {baseName} from './base-name'
import {parseJsonWithLines} from './json-lines'
import {validateShape} from './validate-shape'
import {packageUrl} from '../package-url'

const LockedPackageSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    dist: z.object({shasum: z.string().nullish()}).loose().nullish(),
    require: z.record(z.string(), z.string()).optional(),
    replace: z.record(z.string(), z.string()).optional()
  })
  .loose()

const ComposerLockSchema = z
  .object({
    packages: z.array(LockedPackageSchema).default([]),
    'packages-dev': z.array(LockedPackageSchema).nullish()
  })
  .loose()

const ComposerJsonSchema = z
  .object({
    require: z.record(z.string(), z.unknown()).optional(),
    'require-dev': z.record(z.string(), z.unknown()).optional()
  })
  .loose()

const SECTIONS: {key: 'packages' | 'packages-dev'; scope: Scope}[] = [
  {key: 'packages', scope: 'prod'},
  {key: 'packages-dev', scope: 'dev'}
]

/**
 * composer.lock: `packages` are prod, `packages-dev` dev; direct from the sibling composer.json
 * (require / require-dev). Versions lose the leading `v` of tags (`v1.2.3` → `1.2.3`) as Composer's own
 * version normalization does; branch versions (`dev-main`) stay as written.
 */
export const phpComposerLock: Extractor = {
  name: 'php/composer-lock',
  ecosystem: 'Packagist',
  siblings: ['composer.json'],
  matches: path => baseName(path) === 'composer.lock',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    const json = parseJsonWithLines(text, 3)
    const lock = validateShape(ComposerLockSchema, json.value, json.lineOf)
    const manifest = composerManifest(siblings['composer.json'])
    // A package that `replace`s others (laravel/framework replaces illuminate/*) is what a require of them resolves to.
    const purls = new Map<string, string>()
    const replaced = new Map<string, string>()
    for (const section of SECTIONS)
      for (const entry of lock[section.key] ?? []) {
        const purl = composerPurl(entry.name.toLowerCase(), normalizeVersion(entry.version))
        purls.set(entry.name.toLowerCase(), purl)
        for (const name of Object.keys(entry.replace ?? {})) replaced.set(name.toLowerCase(), purl)
      }
    const packages: Package[] = []
    for (const section of SECTIONS) {
      ;(lock[section.key] ?? []).forEach((entry, i) => {
        const name = entry.name.toLowerCase()
        const version = normalizeVersion(entry.version)
        const shasum = entry.dist?.shasum
        packages.push({
          ecosystem: 'Packagist',
          name,
          version,
          purl: composerPurl(name, version),
          direct: manifest?.has(name) ?? false,
          scope: section.scope,
          ...(shasum ? {integrity: shasum} : {}),
          pinned: true,
          location: {
            path,
            startLine: json.lineOf([section.key, i, 'name']) ?? json.lineOf([section.key, i]) ?? 1
          },
          // php, ext-* and lib-* are platform requirements, never in the lock
          dependencies: [
            ...new Set(
              Object.keys(entry.require ?? {}).flatMap(dep => {
                const purl = purls.get(dep.toLowerCase()) ?? replaced.get(dep.toLowerCase())
                return purl === undefined ? [] : [purl]
              })
            )
          ]
        })
      })
    }
    return {packages}
  }
}

function normalizeVersion(version: string): string {
  return /^v\d/i.test(version) ? version.slice(1) : version
}

function composerPurl(name: string, version: string): string {
  const slash = name.indexOf('/')
  const namespace = slash === -1 ? undefined : name.slice(0, slash)
  return packageUrl('composer', namespace, name.slice(slash + 1), version)
}

function composerManifest(text: string | undefined): Set<string> | undefined {
  if (text === undefined) return undefined
  try {
    const manifest = ComposerJsonSchema.parse(JSON.parse(text))
    return new Set(
      [...Object.keys(manifest.require ?? {}), ...Object.keys(manifest['require-dev'] ?? {})].map(
        n => n.toLowerCase()
      )
    )
  } catch {
    return undefined
  }
}
