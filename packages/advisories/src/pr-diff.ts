import {readFileSync} from 'node:fs'
import {withChange, type Finding} from '@pipeguard/core'
import type {Inventory} from '@pipeguard/inventory'

export const EXISTING_SUPPRESSION = 'already on the base branch'

/** What a pull request did to the vulnerabilities of its lockfiles. */
export interface PullRequestDiff {
  /** New package, or a changed version, with a vulnerability: these block. */
  introduced: Finding[]
  /** Same package version and advisory on the base branch: reported, never blocking. */
  existing: Finding[]
  /** On the base branch but gone in the head. */
  fixed: Finding[]
}

/** Same lockfile, package version and advisory (by id or any shared alias). */
function sameProblem(a: Finding, b: Finding): boolean {
  if (!a.package || !b.package || !a.vulnerability || !b.vulnerability) return false
  if (a.location.path !== b.location.path) return false
  if (
    a.package.ecosystem !== b.package.ecosystem ||
    a.package.name !== b.package.name ||
    a.package.version !== b.package.version
  ) {
    return false
  }
  const ids = new Set([a.vulnerability.id, ...a.vulnerability.aliases])
  return [b.vulnerability.id, ...b.vulnerability.aliases].some(id => ids.has(id))
}

/** Splits head findings into introduced and existing against the base's, and lists what was fixed. */
export function classifyAgainstBase(
  headFindings: Finding[],
  baseFindings: Finding[]
): PullRequestDiff {
  const vulnerable = (f: Finding): boolean => f.vulnerability !== undefined
  const head = headFindings.filter(vulnerable)
  const base = baseFindings.filter(vulnerable)
  return {
    introduced: head.filter(h => !base.some(b => sameProblem(h, b))),
    existing: head.filter(h => base.some(b => sameProblem(h, b))),
    fixed: base.filter(b => !head.some(h => sameProblem(h, b)))
  }
}

/**
 * Marks head findings already present on the base as `existing` (core policy keeps that status,
 * so they are reported but do not block) and tags each with its change (`properties.change`:
 * `introduced` or `present`).
 */
export function markAgainstBase(headFindings: Finding[], diff: PullRequestDiff): Finding[] {
  const existing = new Set(diff.existing)
  return headFindings.map(f => {
    if (!f.vulnerability) return f
    return existing.has(f)
      ? {
          ...withChange(f, 'present'),
          status: 'existing' as const,
          suppression: EXISTING_SUPPRESSION
        }
      : withChange(f, 'introduced')
  })
}

/**
 * The base findings the change removed, tagged `change: fixed`, each saying what became of the
 * package in the head: the versions it is at now, or that it (or its whole lockfile) is gone.
 * They go to `ScanOutput.resolved`: listed in pull-request comments, never blocking.
 */
export function describeFixed(
  fixed: Finding[],
  head: Inventory,
  deletedFiles: ReadonlySet<string>
): Finding[] {
  return fixed.map(f => {
    const pkg = f.package!
    const now = [
      ...new Set(
        head.packages
          .filter(
            p =>
              p.location.path === f.location.path &&
              p.ecosystem === pkg.ecosystem &&
              p.name === pkg.name
          )
          .map(p => p.version)
      )
    ]
    const remediation = deletedFiles.has(f.location.path)
      ? `Fixed: ${f.location.path} was deleted`
      : now.length
        ? `Fixed: ${pkg.name} ${pkg.version} is now ${now.join(', ')}`
        : `Fixed: ${pkg.name} was removed`
    return {...withChange(f, 'fixed'), remediation}
  })
}

/**
 * The base commit to compare with: an explicit ref (`--base`, run option), else `PIPEGUARD_BASE`,
 * else on `pull_request`/`pull_request_target` events the payload's `pull_request.base.sha`.
 */
export function resolveBaseRef(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv
): string | undefined {
  if (explicit) return explicit
  if (env.PIPEGUARD_BASE) return env.PIPEGUARD_BASE
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? 'pull_request'))
    return undefined
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {base?: {sha?: unknown}}
    }
    const sha = event.pull_request?.base?.sha
    return typeof sha === 'string' && sha ? sha : undefined
  } catch {
    return undefined
  }
}
