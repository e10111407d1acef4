import {isRecord} from '@pipeguard/inventory'
import type {DirectUpgrade} from './direct-upgrade'
import type {InPlaceFix} from './in-place'
import {integrityOf, type PackumentVersion} from './packument'

/** Lock entry fields that come from the package version itself, replaced as a set. */
const MANIFEST_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'hasInstallScript'
] as const

/**
 * package-lock.json with the in-place fixes applied: each entry's version, resolved, integrity
 * and declared dependencies from the packument, in both the `packages` map and (v2) the legacy
 * `dependencies` tree. Key order, indentation and line endings are kept.
 */
export function applyInPlace(lockText: string, fixes: InPlaceFix[]): string {
  const lock = JSON.parse(lockText) as Record<string, unknown>
  const packages = lock.packages as Record<string, Record<string, unknown>>
  for (const fix of fixes) {
    const entry = packages[fix.location]!
    setOrDelete(entry, 'version', fix.to)
    setOrDelete(entry, 'resolved', fix.manifest.dist.tarball)
    setOrDelete(entry, 'integrity', integrityOf(fix.manifest))
    for (const field of MANIFEST_FIELDS) setOrDelete(entry, field, fix.manifest[field])
    const legacy = legacyEntry(lock, fix.location)
    if (legacy) {
      setOrDelete(legacy, 'version', fix.to)
      setOrDelete(legacy, 'resolved', fix.manifest.dist.tarball)
      setOrDelete(legacy, 'integrity', integrityOf(fix.manifest))
      setOrDelete(legacy, 'requires', requiresOf(fix.manifest))
    }
  }
  return formatLike(lockText, lock)
}

/**
 * A package.json with the direct upgrades applied: the range keeps its operator (`^`, `~`, or
 * exact) around the new version. Only the upgrades of `folder` are applied.
 */
export function applyDirect(
  manifestText: string,
  folder: string,
  upgrades: DirectUpgrade[]
): string {
  const manifest = JSON.parse(manifestText) as Record<string, unknown>
  for (const upgrade of upgrades.filter(u => u.folder === folder && !u.relock)) {
    const deps = manifest[upgrade.field]
    if (isRecord(deps)) deps[upgrade.name] = upgradedRange(upgrade.range, upgrade.to)
  }
  return formatLike(manifestText, manifest)
}

export function upgradedRange(range: string, version: string): string {
  const operator = /^\s*([\^~]|>=)?\s*v?\d/.exec(range)
  if (!operator) return `^${version}`
  return `${operator[1] ?? ''}${version}`
}

/** `node_modules/a/node_modules/@s/b` -> lock.dependencies.a.dependencies["@s/b"]. */
function legacyEntry(
  lock: Record<string, unknown>,
  location: string
): Record<string, unknown> | undefined {
  if (location.includes('/node_modules/') && !location.startsWith('node_modules/')) return undefined
  const names = location.split(/(?:^|\/)node_modules\//).filter(Boolean)
  let at: unknown = lock
  for (const name of names) {
    const deps = isRecord(at) ? at.dependencies : undefined
    if (!isRecord(deps) || !isRecord(deps[name])) return undefined
    at = deps[name]
  }
  return at as Record<string, unknown>
}

function requiresOf(version: PackumentVersion): Record<string, string> | undefined {
  const all = {...version.dependencies, ...version.optionalDependencies}
  return Object.keys(all).length ? all : undefined
}

function setOrDelete(entry: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete entry[key]
  else entry[key] = value
}

/** JSON text in the original's indentation, line endings and final newline. */
function formatLike(original: string, value: unknown): string {
  const indent = /^[{[]\r?\n([ \t]+)/.exec(original)?.[1] ?? '  '
  const eol = original.includes('\r\n') ? '\r\n' : '\n'
  let text = JSON.stringify(value, null, indent)
  if (/\r?\n$/.test(original)) text += '\n'
  return eol === '\n' ? text : text.replace(/\n/g, eol)
}
