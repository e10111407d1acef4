import {advisoryUrl, createFinding, type Finding} from '@pipeguard/core'
import {dependencyPaths, type Inventory, type Package} from '@pipeguard/inventory'
import {fixedVersions, isAffected, smallestFix} from './match'
import {mergeAliases, type MergedAdvisory} from './merge'
import type {OsvRecord} from './osv-schema'
import {mergedSeverity} from './severity'
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

/**
 * One finding per (package occurrence, merged advisory). `records[i]` are the candidate records
 * for `packages[i]`; the exact version match is done here. `graph` is the whole inventory (for the
 * path from a direct dependency).
 */
export function vulnerabilityFindings(
  packages: Package[],
  records: OsvRecord[][],
  graph: Inventory = {packages, errors: []}
): Finding[] {
  const findings: Finding[] = []
  packages.forEach((pkg, i) => {
    const matched = (records[i] ?? []).filter(record => isAffected(record, pkg))
    if (matched.length === 0) return
    const path = introducedThrough(graph, pkg)
    const upgrade = consolidatedUpgrade(matched, pkg, {direct: pkg.direct, path})
    for (const advisory of mergeAliases(matched))
      findings.push({...findingFor(pkg, advisory, path), upgrade})
  })
  return findings
}

function findingFor(pkg: Package, advisory: MergedAdvisory, path: string[]): Finding {
  const verdict = mergedSeverity(advisory.primary, advisory.records)
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
  if (fix) properties.fixVersion = fix
  return createFinding({
    scanner: 'dependencies',
    ruleId: advisory.id,
    severity: verdict.severity,
    title: summary,
    message: `${pkg.name} ${pkg.version} is affected by ${ids}: ${summary.replace(/\.$/, '')}. ${
      fix ? `Fixed in ${fix}.` : 'No fixed version is known.'
    }${through}`,
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
