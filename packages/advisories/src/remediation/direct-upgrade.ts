import semver from 'semver'
import type {DependencyField, NpmLockGraph} from './npm-lock-graph'
import {semverRange} from './npm-range'
import type {Packument, PackumentVersion} from './packument'
import type {RegistryClient} from './registry-client'
import type {VulnerabilityCheck} from './vulnerability-check'
import type {VulnerablePackage} from './in-place'

/** Versions of one direct dependency tried, lowest first (same major before the next majors). */
export const MAX_DIRECT_CANDIDATES = 200
/** Chains named in an unfixed package's reason; the rest are counted. */
const CHAINS_SHOWN = 2
/** Locations visited looking for the direct dependencies that pull a package in. */
const MAX_CHAIN_SEARCH = 20_000

/** Strategy 2: `npm install name@to` in the folder that declares it. */
export interface DirectUpgrade {
  /** The project folder ("" for the root, else a workspace) whose package.json declares it. */
  folder: string
  name: string
  field: DependencyField
  /** The range package.json declares now. */
  range: string
  from: string
  to: string
  /** Outside `^from`: a major (or 0.x minor) upgrade that may need code changes. */
  breaking: boolean
  /**
   * `to` is `from`: the ranges already allow fixed versions, the lockfile only pins old ones
   * deeper than an in-place update reaches. `npm update <package>` relocks them.
   */
  relock: boolean
  /** The vulnerable packages this removes, as `name version` with their advisories. */
  fixes: Array<{name: string; version: string; advisories: string[]; path: string[]}>
}

export interface Unfixed extends VulnerablePackage {
  reason: string
}

export interface DirectResult {
  upgrades: DirectUpgrade[]
  unfixed: Unfixed[]
  failures: Array<{name: string; message: string}>
}

interface Chain {
  folder: string
  field: DependencyField
  range: string
  /** Package names from the direct dependency down to the vulnerable one. */
  names: string[]
  target: VulnerablePackage & {reason: string}
}

/**
 * For the packages an in-place update cannot fix: the smallest version of each direct dependency
 * that leads to them whose dependency ranges, resolved as a fresh `npm install` would (the
 * highest satisfying version, `latest` when it fits), no longer reach an affected version. Only
 * the shortest chain from each direct dependency to the package today is followed, which needs a
 * few packuments instead of the whole new tree; other paths through the same dependency are not
 * resolved, so the output asks for the audit after `npm install` to confirm.
 */
export async function planDirectUpgrades(
  graph: NpmLockGraph,
  remaining: Array<VulnerablePackage & {reason: string}>,
  registry: RegistryClient,
  check: VulnerabilityCheck
): Promise<DirectResult> {
  const failures: DirectResult['failures'] = []
  const chainsByDirect = new Map<string, Chain[]>()
  const unfixed: Unfixed[] = []
  for (const target of remaining) {
    const chains = chainsTo(graph, target)
    if (!chains.length) {
      unfixed.push({...target, reason: `${target.reason}; nothing in package.json leads to it`})
      continue
    }
    for (const chain of chains) {
      const key = `${chain.folder}\0${chain.names[0]}`
      const list = chainsByDirect.get(key) ?? []
      list.push(chain)
      chainsByDirect.set(key, list)
    }
  }

  const fixedChains = new Set<Chain>()
  const upgrades: DirectUpgrade[] = []
  const whyNot = new Map<VulnerablePackage, string>()
  for (const chains of chainsByDirect.values()) {
    const first = chains[0]!
    const name = first.names[0]!
    const location = graph.resolve(first.folder, name)
    const current = location ? graph.nodes.get(location)!.version : undefined
    const answer = await registry.packument(name)
    if (!answer.ok || !current) {
      const why = answer.ok ? `${name} is not installed` : `the registry did not answer for ${name}`
      if (!answer.ok) failures.push({name, message: answer.message})
      for (const chain of chains) if (!whyNot.has(chain.target)) whyNot.set(chain.target, why)
      continue
    }
    const found = await smallestUpgrade(
      answer.packument,
      current,
      chains,
      registry,
      check,
      failures
    )
    if ('reason' in found) {
      for (const chain of chains)
        if (!whyNot.has(chain.target)) whyNot.set(chain.target, found.reason)
      continue
    }
    for (const chain of chains) fixedChains.add(chain)
    upgrades.push({
      folder: first.folder,
      name,
      field: first.field,
      range: first.range,
      from: current,
      to: found.version,
      breaking: !semver.satisfies(found.version, `^${current}`),
      relock: found.version === current,
      fixes: chains.map(c => ({
        name: c.target.name,
        version: c.target.version,
        advisories: c.target.advisories,
        path: c.names
      }))
    })
  }
  // A package stays unfixed while any chain to it is left: one upgrade alone does not remove it.
  for (const target of remaining) {
    const chains = [...chainsByDirect.values()].flat().filter(c => c.target === target)
    const open = chains.filter(c => !fixedChains.has(c))
    if (!chains.length || !open.length) continue
    const shown = open.slice(0, CHAINS_SHOWN).map(c => c.names.join(' > '))
    const more = open.length > CHAINS_SHOWN ? ` and ${open.length - CHAINS_SHOWN} more` : ''
    const through = shown.join('; ') + more
    unfixed.push({
      ...target,
      reason: `${target.reason}; ${whyNot.get(target) ?? 'no upgrade found'} (through ${through})`
    })
  }
  return {upgrades, unfixed, failures}
}

/** The smallest version of the direct dependency that removes every chain's target, or why not. */
async function smallestUpgrade(
  packument: Packument,
  current: string,
  chains: Chain[],
  registry: RegistryClient,
  check: VulnerabilityCheck,
  failures: DirectResult['failures']
): Promise<{version: string} | {reason: string}> {
  const newer = Object.values(packument.versions)
    .filter(v => semver.valid(v.version) && !semver.prerelease(v.version))
    .filter(v => semver.gt(v.version, current) && !v.deprecated)
  const sameMajor = (v: PackumentVersion): boolean => semver.satisfies(v.version, `^${current}`)
  // The installed version first: if a fresh resolution of it is already clean, relocking is enough.
  const installed = packument.versions[current]
  const ordered = [
    ...(installed ? [installed] : []),
    ...newer.filter(sameMajor).sort(byVersion),
    ...newer.filter(v => !sameMajor(v)).sort(byVersion)
  ].slice(0, MAX_DIRECT_CANDIDATES)
  if (!ordered.length) return {reason: `${packument.name} has no newer release than ${current}`}
  for (const candidate of ordered) {
    let all = true
    for (const chain of chains) {
      const reached = await follow(candidate, chain.names.slice(1), registry, failures)
      if (reached === 'failed')
        return {
          reason: `the chain ${chain.names.join(' > ')} could not be resolved from the registry`
        }
      if (reached === undefined) continue
      const [advisories] = await check.advisories([{name: chain.target.name, version: reached}])
      if (advisories!.length) {
        all = false
        break
      }
    }
    if (all) return {version: candidate.version}
  }
  if (!newer.length) return {reason: `${packument.name} has no newer release than ${current}`}
  return {
    reason: `no release of ${packument.name} up to ${ordered[ordered.length - 1]!.version} avoids it`
  }
}

/**
 * The version of the last name a fresh install of `start` resolves to along `names`, undefined
 * when the chain no longer exists (a package stopped depending on the next one).
 */
async function follow(
  start: PackumentVersion,
  names: string[],
  registry: RegistryClient,
  failures: DirectResult['failures']
): Promise<string | undefined | 'failed'> {
  let at = start
  for (const name of names) {
    const spec =
      at.dependencies?.[name] ?? at.optionalDependencies?.[name] ?? at.peerDependencies?.[name]
    if (spec === undefined) return undefined
    const range = semverRange(spec)
    if (range === undefined) return 'failed'
    const answer = await registry.packument(name)
    if (!answer.ok) {
      if (!failures.some(f => f.name === name)) failures.push({name, message: answer.message})
      return 'failed'
    }
    const picked = pickVersion(answer.packument, range)
    if (!picked) return 'failed'
    at = picked
  }
  return at.version
}

/** npm-pick-manifest's choice: `latest` if it satisfies, else the highest non-deprecated match. */
export function pickVersion(packument: Packument, range: string): PackumentVersion | undefined {
  const latest = packument['dist-tags']?.latest
  if (latest && packument.versions[latest] && semver.satisfies(latest, range))
    return packument.versions[latest]
  const matching = Object.values(packument.versions)
    .filter(v => semver.valid(v.version) && semver.satisfies(v.version, range))
    .sort(byVersion)
    .reverse()
  return matching.find(v => !v.deprecated) ?? matching[0]
}

function byVersion(a: PackumentVersion, b: PackumentVersion): number {
  return semver.compare(a.version, b.version)
}

/** Shortest chains from each direct dependency (per folder) down to the target's location. */
function chainsTo(graph: NpmLockGraph, target: VulnerablePackage & {reason: string}): Chain[] {
  const previous = new Map<string, string>([[target.location, '']])
  const queue = [target.location]
  const chains: Chain[] = []
  const seenDirect = new Set<string>()
  for (let i = 0; i < queue.length && i < MAX_CHAIN_SEARCH; i++) {
    const at = queue[i]!
    for (const edge of graph.incoming(at)) {
      if (graph.folders.has(edge.from)) {
        const key = `${edge.from}\0${at}`
        if (seenDirect.has(key)) continue
        seenDirect.add(key)
        const names: string[] = []
        for (let loc: string = at; loc; loc = previous.get(loc)!)
          names.push(graph.nodes.get(loc)!.name)
        chains.push({folder: edge.from, field: edge.field, range: edge.range, names, target})
      } else if (!previous.has(edge.from)) {
        previous.set(edge.from, at)
        queue.push(edge.from)
      }
    }
  }
  return chains
}
