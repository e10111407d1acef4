import {distinctErrors, type FileError} from '@pipeguard/core'
import semver from 'semver'
import type {AdvisorySource} from '../sources/source'
import {planDirectUpgrades, type DirectUpgrade, type Unfixed} from './direct-upgrade'
import {planInPlace, type InPlaceFix, type VulnerablePackage} from './in-place'
import {NpmLockGraph, parseNpmLock} from './npm-lock-graph'
import type {RegistryClient} from './registry-client'
import {VulnerabilityCheck} from './vulnerability-check'

export interface FixPlanInput {
  /** How the lockfile is named in messages (relative to the scanned root). */
  lockPath: string
  lockText: string
  source: AdvisorySource
  registry: RegistryClient
  /** deps.include-dev: development-only packages are planned too. */
  includeDev: boolean
}

export interface FixPlan {
  lockPath: string
  /** Installed packages in the lockfile. */
  packages: number
  vulnerable: VulnerablePackage[]
  inPlace: InPlaceFix[]
  direct: DirectUpgrade[]
  unfixed: Unfixed[]
  /** Anything not read or not answered: the plan is incomplete when non-empty. */
  errors: FileError[]
  notes: string[]
}

/**
 * `pipeguard fix --deps` for one package-lock.json: audit it, then plan in-place lockfile
 * updates (strategy 1) and, for what they cannot fix, direct-dependency upgrades (strategy 2).
 * Reads only the lockfile text, the advisory source and packuments; writes nothing.
 */
export async function planFixes(input: FixPlanInput): Promise<FixPlan> {
  const empty = {inPlace: [], direct: [], unfixed: [], vulnerable: [], notes: []}
  const parsed = parseNpmLock(input.lockText, input.lockPath)
  if ('message' in parsed)
    return {...empty, lockPath: input.lockPath, packages: 0, errors: [parsed]}
  const graph = new NpmLockGraph(parsed.packages)
  const check = new VulnerabilityCheck(input.source)
  const nodes = [...graph.nodes.values()].filter(
    n => semver.valid(n.version) && (input.includeDev || !n.dev)
  )
  const verdicts = await check.advisories(nodes)
  const vulnerable: VulnerablePackage[] = nodes
    .map((n, i) => ({...n, advisories: verdicts[i]!}))
    .filter(n => n.advisories.length)
  const inPlace = await planInPlace(graph, vulnerable, input.registry, check)
  const direct = await planDirectUpgrades(graph, inPlace.remaining, input.registry, check)
  const failures = [...inPlace.failures, ...direct.failures]
  const unplanned = vulnerable.filter(v => failures.some(f => f.name === v.name))
  const errors = [
    ...check.errors,
    ...failures.map(f => ({path: input.lockPath, message: `${f.name}: ${f.message}`}))
  ]
  const skipped = graph.nodes.size - nodes.length
  const notes = [
    `${nodes.length} packages checked${skipped ? ` (${skipped} skipped: not semver${input.includeDev ? '' : ' or development-only'})` : ''}`,
    ...check.notes,
    `registry: ${input.registry.requests} packument request(s)`,
    ...(unplanned.length
      ? [
          `${unplanned.length} vulnerable package(s) not planned: their packuments could not be read`
        ]
      : [])
  ]
  return {
    lockPath: input.lockPath,
    packages: graph.nodes.size,
    vulnerable,
    inPlace: inPlace.fixes,
    direct: direct.upgrades,
    unfixed: direct.unfixed,
    errors: distinctErrors(errors),
    notes
  }
}
