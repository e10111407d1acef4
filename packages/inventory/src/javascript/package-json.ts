import type {Scope} from '../package'
import {ExtractError} from '../extractor'
import {parseJson} from '../json-parse'

export interface DeclaredDependency {
  name: string
  range: string
  scope: Scope
}

/** package.json fields that declare dependencies, and the scope each gives. */
export const DEPENDENCY_FIELDS: ReadonlyArray<[string, Scope]> = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev']
]

/**
 * What a manifest (package.json, or a lockfile's copy of one such as npm's `packages[""]`)
 * declares. A name listed in several fields keeps the widest scope (npm installs a name that is
 * both a dependency and a devDependency as a dependency).
 */
export function declaredDependencies(manifest: unknown): DeclaredDependency[] {
  if (!isRecord(manifest)) return []
  const byName = new Map<string, DeclaredDependency>()
  for (const [field, scope] of DEPENDENCY_FIELDS) {
    const deps = manifest[field]
    if (!isRecord(deps)) continue
    for (const [name, range] of Object.entries(deps)) {
      if (byName.has(name)) continue
      byName.set(name, {name, range: typeof range === 'string' ? range : '', scope})
    }
  }
  return [...byName.values()]
}

export interface Manifest {
  declared: DeclaredDependency[]
  /** The manifest declares workspaces: other folders' package.json files add direct dependencies. */
  hasWorkspaces: boolean
  /** yarn `resolutions` / npm `overrides` for a plain package name (path patterns left out). */
  resolutions: Record<string, string>
}

/** A sibling package.json; an unreadable one only loses the direct marks, so it is reported as a warning. */
export function readManifest(text: string | undefined, warnings: string[]): Manifest | undefined {
  if (text === undefined) return undefined
  try {
    const json = parseJson(text)
    if (!isRecord(json)) return {declared: [], hasWorkspaces: false, resolutions: {}}
    return {
      declared: declaredDependencies(json),
      hasWorkspaces: json.workspaces !== undefined,
      resolutions: plainResolutions(json.resolutions)
    }
  } catch (error) {
    const where = error instanceof ExtractError && error.line ? `:${error.line}` : ''
    warnings.push(
      `package.json${where}: ${(error as Error).message}; direct dependencies not marked from it`
    )
    return undefined
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function plainResolutions(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(value)) return out
  for (const [key, range] of Object.entries(value)) {
    const plain = key.startsWith('@') ? key.split('/').length === 2 : !key.includes('/')
    if (plain && typeof range === 'string') out[key] = range
  }
  return out
}
