import semver from 'semver'
import {declaredIn, type LockNode, type NpmLockGraph} from './npm-lock-graph'
import {allows, semverRange} from './npm-range'
import type {Packument, PackumentVersion} from './packument'
import type {RegistryClient} from './registry-client'
import type {VulnerabilityCheck} from './vulnerability-check'

/** Newer versions tried per vulnerable package, lowest first; the fix is almost always among them. */
export const MAX_IN_PLACE_CANDIDATES = 100

/** A vulnerable package at one install location. */
export interface VulnerablePackage {
  location: string
  name: string
  version: string
  dev: boolean
  advisories: string[]
}

/** Strategy 1: the same location at a newer version every dependent still accepts. */
export interface InPlaceFix {
  location: string
  name: string
  from: string
  to: string
  /** Advisories removed; empty for a companion update. */
  fixes: string[]
  /** A companion update: the fixed version of this package needs it (`braces 3.0.3`). */
  requiredBy?: string
  manifest: PackumentVersion
}

export interface InPlaceResult {
  fixes: InPlaceFix[]
  /** Still vulnerable after the in-place pass, with why no in-place update removes it. */
  remaining: Array<VulnerablePackage & {reason: string}>
  /** Packages whose packument could not be read (the message names the URL). */
  failures: Array<{name: string; message: string}>
}

/**
 * For each vulnerable location, the smallest non-vulnerable version that satisfies every
 * dependent's range and whose own dependencies the lockfile already satisfies (so no package is
 * added or moved). Repeated until nothing changes: fixing one package (braces 3.0.3) can be what
 * lets another (micromatch 4.0.8, which needs braces ^3.0.3) be fixed in place.
 */
export async function planInPlace(
  graph: NpmLockGraph,
  vulnerable: VulnerablePackage[],
  registry: RegistryClient,
  check: VulnerabilityCheck
): Promise<InPlaceResult> {
  const fixes: InPlaceFix[] = []
  const failures: InPlaceResult['failures'] = []
  const reasons = new Map<string, string>()
  let pending = [...vulnerable]
  for (let progress = true; progress && pending.length;) {
    progress = false
    const next: VulnerablePackage[] = []
    for (const pkg of pending) {
      if (graph.nodes.get(pkg.location)!.inBundle) {
        reasons.set(
          pkg.location,
          'it is bundled inside its parent package, so only a new parent changes it'
        )
        next.push(pkg)
        continue
      }
      const answer = await registry.packument(pkg.name)
      if (!answer.ok) {
        if (!failures.some(f => f.name === pkg.name))
          failures.push({name: pkg.name, message: answer.message})
        continue
      }
      const outcome = await tryInPlace(graph, pkg, answer.packument, registry, check)
      if (typeof outcome === 'string') {
        reasons.set(pkg.location, outcome)
        next.push(pkg)
        continue
      }
      for (const step of outcome) {
        graph.setVersion(step.location, step.to, declaredIn(step.manifest))
        fixes.push(step.location === pkg.location ? {...step, fixes: pkg.advisories} : step)
      }
      progress = true
    }
    pending = next
  }
  return {fixes, remaining: pending.map(p => ({...p, reason: reasons.get(p.location)!})), failures}
}

/**
 * The updates that fix `pkg` (its own, then companions its new version needs), or why there are
 * none. A companion is a package already in the tree whose installed version the fixed version
 * no longer accepts (braces 3.0.3 needs fill-range ^7.1.1 where the lockfile has 7.0.1): it moves
 * to its smallest non-vulnerable version that all its dependents accept and whose own
 * dependencies are already there. Companions of companions are not searched.
 */
async function tryInPlace(
  graph: NpmLockGraph,
  pkg: VulnerablePackage,
  packument: Packument,
  registry: RegistryClient,
  check: VulnerabilityCheck
): Promise<InPlaceFix[] | string> {
  const found = await smallestAccepted(graph, pkg.location, pkg.version, packument, check)
  if (typeof found === 'string') return found
  let why = ''
  // npm avoids deprecated versions when another one fits; so do we.
  const ordered = [...found.filter(v => !v.deprecated), ...found.filter(v => v.deprecated)]
  for (const version of ordered) {
    const step = (manifest: PackumentVersion, at: LockNode, requiredBy?: string): InPlaceFix => ({
      location: at.location,
      name: at.name,
      from: at.version,
      to: manifest.version,
      fixes: [],
      ...(requiredBy ? {requiredBy} : {}),
      manifest
    })
    const steps = [step(version, graph.nodes.get(pkg.location)!)]
    let blocked: string | undefined
    for (const dep of unsatisfied(graph, pkg.location, version)) {
      const companion = dep.at ? graph.nodes.get(dep.at) : undefined
      const answer = companion ? await registry.packument(companion.name) : undefined
      const manifest =
        companion && answer?.ok
          ? await companionVersion(
              graph,
              companion,
              answer.packument,
              dep.range,
              pkg.location,
              check
            )
          : undefined
      if (!companion || !manifest) {
        blocked = dep.describe
        break
      }
      steps.push(step(manifest, companion, `${pkg.name} ${version.version}`))
    }
    if (!blocked) return steps
    why ||= `${pkg.name} ${version.version} (the first fixed version it may take) needs ${blocked}, which the lockfile cannot give it in place`
  }
  return why
}

/** Non-vulnerable versions above `current` that every dependent of `location` accepts, lowest first. */
async function smallestAccepted(
  graph: NpmLockGraph,
  location: string,
  current: string,
  packument: Packument,
  check: VulnerabilityCheck,
  extraRange?: {range: string; ignoring: string}
): Promise<PackumentVersion[] | string> {
  const edges = graph
    .incoming(location)
    .filter(e => !extraRange || e.from !== extraRange.ignoring)
    .concat(
      extraRange
        ? [{from: extraRange.ignoring, range: extraRange.range, field: 'dependencies'}]
        : []
    )
  const unparsable = edges.find(e => semverRange(e.range) === undefined)
  if (unparsable)
    return `${describeFrom(graph, unparsable.from)} requires it as "${unparsable.range}", not a semver range`
  const newer = Object.values(packument.versions)
    .filter(v => semver.valid(v.version) && semver.gt(v.version, current))
    .filter(v => !semver.prerelease(v.version) || semver.prerelease(current))
    .sort((a, b) => semver.compare(a.version, b.version))
  const allowed = newer.filter(v => edges.every(e => allows(e.range, v.version)))
  if (!allowed.length) {
    if (!newer.length) return `no newer version than ${current} is published`
    const cap = edges.find(e => !allows(e.range, newer[newer.length - 1]!.version))
    return `${cap ? `${describeFrom(graph, cap.from)} requires "${cap.range}"` : 'its dependents'} and no newer version in that range exists`
  }
  const candidates = allowed.slice(0, MAX_IN_PLACE_CANDIDATES)
  const name = graph.nodes.get(location)!.name
  const verdicts = await check.advisories(candidates.map(v => ({name, version: v.version})))
  const clean = candidates.filter((_, i) => verdicts[i]!.length === 0)
  if (!clean.length)
    return `every version its dependents allow (up to ${candidates[candidates.length - 1]!.version}) is affected`
  return clean
}

/** The companion's smallest fitting version whose own dependencies the tree already satisfies. */
async function companionVersion(
  graph: NpmLockGraph,
  companion: LockNode,
  packument: Packument,
  range: string,
  requiredBy: string,
  check: VulnerabilityCheck
): Promise<PackumentVersion | undefined> {
  const found = await smallestAccepted(
    graph,
    companion.location,
    companion.version,
    packument,
    check,
    {
      range,
      ignoring: requiredBy
    }
  )
  if (typeof found === 'string') return undefined
  return found.find(v => !v.deprecated && unsatisfied(graph, companion.location, v).length === 0)
}

interface Unsatisfied {
  /** Where the tree resolves it now; undefined when it is missing. */
  at?: string
  range: string
  describe: string
}

/** The dependencies of `version` (planned at `location`) that the tree does not satisfy. */
function unsatisfied(
  graph: NpmLockGraph,
  location: string,
  version: PackumentVersion
): Unsatisfied[] {
  const peerOptional = version.peerDependenciesMeta ?? {}
  const out: Unsatisfied[] = []
  for (const dep of declaredIn(version)) {
    const at = graph.resolve(location, dep.name)
    const optional =
      dep.field === 'optionalDependencies' ||
      (dep.field === 'peerDependencies' && peerOptional[dep.name]?.optional === true)
    if (!at) {
      if (!optional) out.push({range: dep.range, describe: `${dep.name}@${dep.range}`})
      continue
    }
    const installed = at === location ? version.version : graph.nodes.get(at)!.version
    if (!allows(dep.range, installed))
      out.push({at, range: dep.range, describe: `${dep.name}@${dep.range} (it has ${installed})`})
  }
  return out
}

function describeFrom(graph: NpmLockGraph, from: string): string {
  const node = graph.nodes.get(from)
  if (node) return `${node.name} ${node.version}`
  return from ? `the workspace ${from}` : 'package.json'
}
