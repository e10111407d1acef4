import {
  advisoryUrl,
  createFinding,
  SEVERITY_ASSUMED_PROPERTY,
  type Finding,
  type Severity
} from '@pipeguard/core'
import {dependencyPaths, type Inventory, type Package} from '@pipeguard/inventory'
import {fixedVersions, isAffected, smallestFix} from './match'
import {mergeAliases, type MergedAdvisory} from './merge'
import type {OsvRecord} from './osv-schema'
import {mergedSeverity, type SeverityVerdict} from './severity'
import {consolidatedUpgrade} from './upgrade'
import {schemeFor} from './versions/index'

/** A short one-line summary: the record's summary, else the first sentence of its details. */
export function advisorySummary(record: OsvRecord): string {
  const summary = record.summary?.trim()
  if (summary) return summary
  const details = record.details
    ?.trim()
    .split(/\n\s*\n|(?<=\.)\s/)[0]
    ?.trim()
  if (details) return details.length > 200 ? `${details.slice(0, 199)}…` : details
  return 'a known vulnerability'
}

/**
 * The names on the shortest chain from a direct dependency to `pkg` in its lockfile
 * (`express > body-parser > qs`); just the package when it is direct or unreachable.
 */
export function introducedThrough(inventory: Inventory, pkg: Package): string[] {
  if (pkg.direct) return [pkg.name]
  const chain = dependencyPaths(inventory, pkg.purl, {path: pkg.location.path, limit: 1})[0]
  if (!chain?.length) return [pkg.name]
  const names = namesByFile(inventory).get(pkg.location.path)
  return chain.map(purl => names?.get(purl) ?? purl)
}

const NAMES = new WeakMap<Inventory, Map<string, Map<string, string>>>()

/** purl -> name per lockfile, built once per inventory. */
function namesByFile(inventory: Inventory): Map<string, Map<string, string>> {
  let byFile = NAMES.get(inventory)
  if (!byFile) {
    byFile = new Map()
    for (const p of inventory.packages) {
      let names = byFile.get(p.location.path)
      if (!names) byFile.set(p.location.path, (names = new Map()))
      names.set(p.purl, p.name)
    }
    NAMES.set(inventory, byFile)
  }
  return byFile
}

export interface VulnerabilityOptions {
  /** What an advisory that no record rates counts as (`deps.unknown-severity`). */
  unknownSeverity?: Severity
  /** Alias records looked up by id for advisories whose own records give no severity. */
  aliasRecords?: ReadonlyMap<string, OsvRecord>
}

/** The merged advisories affecting each package: `records[i]` are the candidates for `packages[i]`. */
export function matchAdvisories(packages: Package[], records: OsvRecord[][]): MergedAdvisory[][] {
  return packages.map((pkg, i) =>
    mergeAliases((records[i] ?? []).filter(record => isAffected(record, pkg)))
  )
}

/**
 * The alias ids worth looking up by id: those of advisories that none of their records rates,
 * and that are not among those records (a partial offline database, a source that answered one
 * id of a group). Sorted and distinct.
 */
export function unratedAliases(advisories: MergedAdvisory[][]): string[] {
  const ids = new Set<string>()
  for (const advisory of advisories.flat()) {
    if (mergedSeverity(advisory.primary, advisory.records).source !== 'unknown') continue
    const present = new Set(advisory.records.map(r => r.id))
    for (const alias of advisory.aliases) if (!present.has(alias)) ids.add(alias)
  }
  return [...ids].sort()
}

/**
 * One finding per (package occurrence, merged advisory). `records[i]` are the candidate records
 * for `packages[i]`; the exact version match is done here. `graph` is the whole inventory (for the
 * path from a direct dependency).
 */
export function vulnerabilityFindings(
  packages: Package[],
  records: OsvRecord[][],
  graph: Inventory = {packages, errors: []},
  options: VulnerabilityOptions = {}
): Finding[] {
  return advisoryFindings(packages, matchAdvisories(packages, records), graph, options)
}

/** `vulnerabilityFindings` for advisories already matched with `matchAdvisories`. */
export function advisoryFindings(
  packages: Package[],
  advisories: MergedAdvisory[][],
  graph: Inventory = {packages, errors: []},
  options: VulnerabilityOptions = {}
): Finding[] {
  const findings: Finding[] = []
  packages.forEach((pkg, i) => {
    const matched = advisories[i] ?? []
    if (matched.length === 0) return
    const path = introducedThrough(graph, pkg)
    const upgrade = consolidatedUpgrade(
      matched.flatMap(advisory => advisory.records),
      pkg,
      {direct: pkg.direct, path}
    )
    for (const advisory of matched)
      findings.push({...findingFor(pkg, advisory, path, options), upgrade})
  })
  return findings
}

function findingFor(
  pkg: Package,
  advisory: MergedAdvisory,
  path: string[],
  options: VulnerabilityOptions
): Finding {
  const aliasRecords = advisory.aliases.flatMap(id => options.aliasRecords?.get(id) ?? [])
  const verdict = mergedSeverity(advisory.primary, advisory.records, {
    ...(options.unknownSeverity ? {unknownSeverity: options.unknownSeverity} : {}),
    aliasRecords
  })
  const fixed = [...new Set(advisory.records.flatMap(r => fixedVersions(r, pkg)))].sort(
    schemeFor(pkg.ecosystem)?.compare
  )
  const fix = smallestFix(advisory.records, pkg)
  const summary = advisorySummary(advisory.primary)
  const ids = advisory.aliases.length
    ? `${advisory.id} (${advisory.aliases.join(', ')})`
    : advisory.id
  const through = pkg.direct ? '' : ` Introduced through: ${path.join(' > ')}`
  const properties: Record<string, string> = {
    direct: String(pkg.direct),
    path: path.join(' > '),
    scope: pkg.scope,
    severitySource: verdict.source
  }
  if (verdict.score !== undefined) properties.cvssScore = verdict.score.toFixed(1)
  if (verdict.vector) properties.cvssVector = verdict.vector
  if (verdict.note) properties.severityNote = verdict.note
  if (verdict.assumed) properties[SEVERITY_ASSUMED_PROPERTY] = verdict.assumed
  if (fix) properties.fixVersion = fix
  return createFinding({
    scanner: 'dependencies',
    ruleId: advisory.id,
    severity: verdict.severity,
    title: summary,
    message: `${pkg.name} ${pkg.version} is affected by ${ids}: ${summary.replace(/\.$/, '')}. ${
      fix ? `Fixed in ${fix}.` : 'No fixed version is known.'
    }${assumedSentence(verdict)}${through}`,
    remediation: fix
      ? `Upgrade ${pkg.name} to ${fix}${pkg.direct ? '' : ` (it comes in through ${path[0]}; upgrade that or pin ${pkg.name} with an override)`}`
      : `No fix released yet: remove or replace ${pkg.name}, or ignore ${advisory.id} with a reason and an expiry date until a fix is released`,
    helpUri: advisoryUrl(advisory.id),
    path: pkg.location.path,
    startLine: pkg.location.startLine,
    package: {ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version},
    vulnerability: {id: advisory.id, aliases: advisory.aliases, fixedVersions: fixed},
    properties,
    fingerprintContent: `${pkg.ecosystem}/${pkg.name}@${pkg.version}+${advisory.id}`
  })
}

/** Said in the message, so every format (annotations and SARIF messages too) tells an assumed severity. */
function assumedSentence(verdict: SeverityVerdict): string {
  if (verdict.source === 'unknown')
    return ` Severity unknown (${verdict.note}): treated as ${verdict.severity} (deps.unknown-severity).`
  if (verdict.source === 'alias')
    return ` Severity ${verdict.severity} from alias ${verdict.aliasId}: this advisory's own records give none.`
  return ''
}
