import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import type {GitHubClient} from './octokit'

const execFileAsync = promisify(execFile)

/** GitHub's pull request files API lists at most this many files. */
export const PR_FILES_API_MAX = 3000

export interface LineRange {
  start: number
  end: number
}

/** What a pull request changed in one file, in new-file line numbers. */
export interface ChangedFile {
  /** Posix path relative to the repository root (the new name of a renamed file). */
  path: string
  /** Added or modified lines. */
  added: Set<number>
  /** The new-side range of every hunk, context included. */
  hunks: LineRange[]
  /**
   * Where lines were removed, as the new-side line that now follows them: a resource that lost a
   * setting has no added line, yet the PR changed it.
   */
  deleted: Set<number>
  /** No patch available (binary, too large): the whole file counts as changed. */
  wholeFile: boolean
}

export interface PullRequestDiff {
  files: Map<string, ChangedFile>
  source: 'git' | 'api'
}

/** What the PR files API listed, and whether that is all of the pull request. */
export interface ApiDiff extends PullRequestDiff {
  /** Files listed, removed ones included. */
  listed: number
  /**
   * Why the list is not the whole pull request (it stopped at the API's 3,000-file cap, or lists
   * fewer files than `changed_files`); undefined when it is complete.
   */
  truncated?: string
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/

/** Parses the hunks of one file's unified diff (the `patch` of the PR files API). */
export function parsePatch(patch: string): Pick<ChangedFile, 'added' | 'hunks' | 'deleted'> {
  const added = new Set<number>()
  const deleted = new Set<number>()
  const hunks: LineRange[] = []
  let line = 0
  let inHunk = false
  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text)
    if (header) {
      const start = Number(header[1])
      const count = header[2] === undefined ? 1 : Number(header[2])
      hunks.push({start, end: start + Math.max(count, 1) - 1})
      // An empty new side (`+4,0`) names the line before the removal.
      line = count === 0 ? start + 1 : start
      inHunk = true
      continue
    }
    if (!inHunk) continue
    if (text.startsWith('+')) added.add(line++)
    else if (text.startsWith(' ')) line++
    else if (text.startsWith('-')) deleted.add(line)
    // '\ No newline at end of file' does not exist on either side.
  }
  return {added, hunks, deleted}
}

/** Splits `git diff` output into files and parses each. Deleted files are left out. */
export function parseUnifiedDiff(diff: string): Map<string, ChangedFile> {
  const files = new Map<string, ChangedFile>()
  const sections = diff.split(/^diff --git /m).slice(1)
  for (const section of sections) {
    const bodyAt = section.search(/^(?:@@ |Binary files |GIT binary patch)/m)
    const header = bodyAt < 0 ? section : section.slice(0, bodyAt)
    if (/^deleted file mode /m.test(header)) continue
    const path = newPath(header)
    if (path === undefined) continue
    const binary = /^(?:Binary files |GIT binary patch)/m.test(section)
    const parsed = parsePatch(section)
    files.set(path, {path, ...parsed, wholeFile: binary})
  }
  return files
}

/**
 * The new name of a file section's header: from `+++`, else `rename to`/`copy to`, else the
 * `diff --git` line itself (a binary, empty or mode-only change has no `+++` line).
 */
function newPath(header: string): string | undefined {
  // git appends a tab to an unquoted name containing a space; a name with a real tab is quoted.
  const plus = /^\+\+\+ (.*)$/m.exec(header)?.[1]
  if (plus !== undefined) {
    if (plus === '/dev/null') return undefined
    const name = plus.startsWith('"') ? unquoteGitPath(plus) : plus.replace(/\t$/, '')
    return name.replace(/^b\//, '')
  }
  const moved = /^(?:rename|copy) to (.*)$/m.exec(header)?.[1]
  if (moved !== undefined) return unquoteGitPath(moved)
  const first = header.slice(0, header.indexOf('\n') < 0 ? undefined : header.indexOf('\n'))
  const quoted = /^(?:"(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*")$/.exec(first)?.[1]
  if (quoted) return unquoteGitPath(quoted).replace(/^b\//, '')
  // Unquoted and not renamed: `a/NAME b/NAME` with the same NAME twice.
  const half = (first.length - 1) / 2
  const name = first.slice(2, half)
  return first === `a/${name} b/${name}` ? name : undefined
}

/** git quotes unusual names as C strings ("a\tb.txt"); `core.quotePath=false` keeps UTF-8 as is. */
function unquoteGitPath(name: string): string {
  if (!name.startsWith('"')) return name
  const inner = name.slice(1, name.endsWith('"') ? -1 : undefined)
  const bytes: number[] = []
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!
    if (c !== '\\') {
      bytes.push(...Buffer.from(c))
      continue
    }
    const next = inner[++i]!
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i, i + 3), 8))
      i += 2
    } else {
      bytes.push(
        ({n: 10, t: 9, r: 13, '"': 34, '\\': 92} as Record<string, number>)[next] ??
          next.charCodeAt(0)
      )
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/**
 * `git diff base...head` when both commits are present (a checkout with `fetch-depth: 0`);
 * undefined when history is missing, so the caller falls back to the API.
 */
export async function gitDiff(
  repoRoot: string,
  baseSha: string,
  headSha: string
): Promise<PullRequestDiff | undefined> {
  const git = (args: string[]): Promise<{stdout: string}> =>
    execFileAsync('git', ['-C', repoRoot, '-c', 'core.quotePath=false', ...args], {
      maxBuffer: 512 * 1024 * 1024
    })
  try {
    await git(['cat-file', '-e', `${baseSha}^{commit}`])
    await git(['cat-file', '-e', `${headSha}^{commit}`])
    await git(['merge-base', baseSha, headSha])
  } catch {
    return undefined
  }
  const {stdout} = await git([
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--unified=3',
    '--find-renames',
    `${baseSha}...${headSha}`
  ])
  return {files: parseUnifiedDiff(stdout), source: 'git'}
}

/**
 * The PR files API, paginated (100 per page); files without a patch count as wholly changed.
 * `changedFiles` (the event's `pull_request.changed_files`) tells a truncated list from a whole one.
 */
export async function apiDiff(
  octokit: GitHubClient,
  repo: {owner: string; repo: string},
  pullNumber: number,
  changedFiles?: number
): Promise<ApiDiff> {
  const files = new Map<string, ChangedFile>()
  let listed = 0
  const iterator = octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100
  })
  for await (const page of iterator) {
    for (const file of page.data) {
      listed++
      if (file.status === 'removed') continue
      const parsed = file.patch
        ? parsePatch(file.patch)
        : {added: new Set<number>(), hunks: [], deleted: new Set<number>()}
      files.set(file.filename, {path: file.filename, ...parsed, wholeFile: !file.patch})
    }
  }
  return {files, source: 'api', listed, truncated: truncation(listed, changedFiles)}
}

function truncation(listed: number, changedFiles: number | undefined): string | undefined {
  if (changedFiles !== undefined)
    return listed < changedFiles
      ? `the pull request files API listed ${listed} of the ${changedFiles} changed files`
      : undefined
  // Without the event's count, a list that reached the cap may have been cut there.
  if (listed >= PR_FILES_API_MAX)
    return `the pull request files API stops at ${PR_FILES_API_MAX} files and listed ${listed}`
  return undefined
}
