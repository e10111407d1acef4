import type {OsvAffected, OsvEvent, OsvRange, OsvRecord} from './osv-schema'
import {schemeFor, type VersionScheme} from './versions/index'

/** What is matched: one package version of one ecosystem. */
export interface PackageVersion {
  ecosystem: string
  name: string
  version: string
}

/** The OSV ecosystem without a release suffix ("Debian:11" → "Debian"). */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':')
  return i === -1 ? ecosystem : ecosystem.slice(0, i)
}

function eventVersion(event: OsvEvent): string {
  return (event.introduced ?? event.fixed ?? event.last_affected ?? event.limit)!
}

/**
 * Events in the order the OSV spec evaluates them: by version, with `introduced: "0"` before
 * everything. At equal versions the spec leaves the order open; we put introduced first so that
 * `introduced: X, fixed: X` (an empty interval) is not affected.
 */
export function sortEvents(events: OsvEvent[], scheme: VersionScheme): OsvEvent[] {
  const rank = (e: OsvEvent): number =>
    e.introduced !== undefined ? 0 : e.last_affected !== undefined ? 1 : 2
  return [...events].sort((a, b) => {
    const za = a.introduced === '0'
    const zb = b.introduced === '0'
    if (za || zb) return za && zb ? 0 : za ? -1 : 1
    return scheme.compare(eventVersion(a), eventVersion(b)) || rank(a) - rank(b)
  })
}

/** A range belongs to one affected entry, so to one ecosystem: its sorted events are reused. */
const SORTED = new WeakMap<OsvRange, OsvEvent[]>()

function sortedEvents(range: OsvRange, scheme: VersionScheme): OsvEvent[] {
  let events = SORTED.get(range)
  if (!events) SORTED.set(range, (events = sortEvents(range.events, scheme)))
  return events
}

/**
 * The OSV evaluation of one SEMVER or ECOSYSTEM range (ossf.github.io/osv-schema, "Evaluation"):
 * walk the sorted events; `introduced` at or below the version opens an interval, `fixed` at or
 * below closes it, `last_affected` below closes it; a `limit` bounds the whole range (the version
 * must be below one of them). GIT ranges describe commits, not package versions: never affected.
 */
export function rangeAffects(range: OsvRange, version: string, scheme: VersionScheme): boolean {
  if (range.type === 'GIT') return false
  const limits = range.events.filter(e => e.limit !== undefined).map(e => e.limit!)
  if (limits.length && !limits.some(limit => limit === '*' || scheme.compare(version, limit) < 0))
    return false
  let affected = false
  for (const event of sortedEvents(range, scheme)) {
    if (event.introduced !== undefined) {
      if (event.introduced === '0' || scheme.compare(version, event.introduced) >= 0)
        affected = true
    } else if (event.fixed !== undefined) {
      if (scheme.compare(version, event.fixed) >= 0) affected = false
    } else if (event.last_affected !== undefined) {
      if (scheme.compare(version, event.last_affected) > 0) affected = false
    }
  }
  return affected
}

/** True when the affected entry names this package (ecosystem + name by the ecosystem's identity rules). */
export function affectsPackage(
  affected: OsvAffected,
  pkg: PackageVersion,
  scheme: VersionScheme
): boolean {
  if (!affected.package) return false
  if (baseEcosystem(affected.package.ecosystem) !== pkg.ecosystem) return false
  return scheme.normalizeName(affected.package.name) === scheme.normalizeName(pkg.name)
}

/** Affected by one entry: listed in `versions`, or inside any of its ranges. */
export function entryAffects(
  affected: OsvAffected,
  version: string,
  scheme: VersionScheme
): boolean {
  if (
    affected.versions?.some(
      v =>
        v === version ||
        (scheme.isValid(v) && scheme.isValid(version) && scheme.compare(v, version) === 0)
    )
  ) {
    return true
  }
  return (affected.ranges ?? []).some(range => rangeAffects(range, version, scheme))
}

/** The entries of a record that affect this package version; none for a withdrawn record. */
export function matchingEntries(record: OsvRecord, pkg: PackageVersion): OsvAffected[] {
  if (record.withdrawn) return []
  const scheme = schemeFor(pkg.ecosystem)
  if (!scheme) return []
  return (record.affected ?? []).filter(
    a => affectsPackage(a, pkg, scheme) && entryAffects(a, pkg.version, scheme)
  )
}

export function isAffected(record: OsvRecord, pkg: PackageVersion): boolean {
  return matchingEntries(record, pkg).length > 0
}

/** Every `fixed` version the record gives for this package, in the ecosystem's order. */
export function fixedVersions(record: OsvRecord, pkg: PackageVersion): string[] {
  const scheme = schemeFor(pkg.ecosystem)
  if (!scheme) return []
  const fixed = new Set<string>()
  for (const affected of record.affected ?? []) {
    if (!affectsPackage(affected, pkg, scheme)) continue
    for (const range of affected.ranges ?? []) {
      if (range.type === 'GIT') continue
      for (const event of range.events) if (event.fixed !== undefined) fixed.add(event.fixed)
    }
  }
  return [...fixed].sort(scheme.compare)
}

/**
 * The smallest upgrade that fixes every given record: the lowest fixed version above the current
 * one that none of the records affects. Undefined when no release fixes it yet.
 */
export function smallestFix(records: OsvRecord[], pkg: PackageVersion): string | undefined {
  const scheme = schemeFor(pkg.ecosystem)
  if (!scheme) return undefined
  const candidates = [...new Set(records.flatMap(r => fixedVersions(r, pkg)))]
    .filter(v => scheme.compare(v, pkg.version) > 0)
    .sort(scheme.compare)
  return candidates.find(v => records.every(r => !isAffected(r, {...pkg, version: v})))
}
