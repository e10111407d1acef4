import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {promisify} from 'node:util'
import type {Finding} from '@pipeguard/core'

const execFileAsync = promisify(execFile)

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
 * so they are reported but do not block) and tags each with its pull-request status.
 */
export function markAgainstBase(headFindings: Finding[], diff: PullRequestDiff): Finding[] {
  const existing = new Set(diff.existing)
  return headFindings.map(f => {
    if (!f.vulnerability) return f
    const properties = {
      ...f.properties,
      pullRequest: existing.has(f) ? 'still present' : 'introduced'
    }
    return existing.has(f)
      ? {...f, properties, status: 'existing' as const, suppression: EXISTING_SUPPRESSION}
      : {...f, properties}
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

export interface BaseFiles {
  /** The resolved commit, when git has it. */
  commit?: string
  /** Lockfile texts on the base commit; a path missing here did not exist there. */
  texts: Map<string, string>
  /** Why the base could not be read (shallow clone, unknown ref): then everything counts as new. */
  problem?: string
}

/** Reads each path at the base commit with `git show BASE:path`, in a real work tree at `root`. */
export async function readBaseFiles(
  root: string,
  base: string,
  paths: string[]
): Promise<BaseFiles> {
  let commit: string
  try {
    const {stdout} = await execFileAsync('git', [
      '-C',
      root,
      'rev-parse',
      '--verify',
      '--quiet',
      `${base}^{commit}`
    ])
    commit = stdout.trim()
  } catch {
    return {
      texts: new Map(),
      problem: `the base commit ${base} is not in this clone (a shallow checkout? use actions/checkout with fetch-depth: 0); every vulnerability is treated as new`
    }
  }
  const prefix = await gitPrefix(root)
  const texts = new Map<string, string>()
  for (const path of paths) {
    try {
      const {stdout} = await execFileAsync(
        'git',
        ['-C', root, 'show', `${commit}:${prefix}${path}`],
        {maxBuffer: 256 * 1024 * 1024}
      )
      texts.set(path, stdout)
    } catch {
      // not on the base branch: every package in it is new
    }
  }
  return {commit, texts}
}

/** The scanned root's path inside the repository, so `BASE:path` works when scanning a subfolder. */
async function gitPrefix(root: string): Promise<string> {
  try {
    const {stdout} = await execFileAsync('git', ['-C', root, 'rev-parse', '--show-prefix'])
    return stdout.trim()
  } catch {
    return ''
  }
}
