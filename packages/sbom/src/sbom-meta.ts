import {execFile} from 'node:child_process'
import {basename} from 'node:path'
import {promisify} from 'node:util'

const execFileAsync = promisify(execFile)

/** What the SBOM says about its subject and its making. */
export interface SbomMeta {
  /** The root component: the repository or folder name. */
  name: string
  /** `https://github.com/owner/repo` when known. */
  repositoryUrl?: string
  commit?: string
  /** ISO time of the commit: the deterministic creation time when no timestamp is asked for. */
  commitDate?: string
  toolName: string
  toolVersion: string
  /** Include the wall-clock time (then output differs between runs). */
  timestamp?: Date
}

/** Facts from GitHub's environment first, then from git; nothing time-dependent. */
export async function gatherMeta(
  root: string,
  env: NodeJS.ProcessEnv,
  tool: {name: string; version: string},
  isGitRepo = true
): Promise<SbomMeta> {
  const git = async (...args: string[]): Promise<string | undefined> => {
    // Outside a work tree there is nothing to ask git: each spawn costs milliseconds.
    if (!isGitRepo) return undefined
    try {
      return (await execFileAsync('git', ['-C', root, ...args])).stdout.trim() || undefined
    } catch {
      return undefined
    }
  }
  const repository = env.GITHUB_REPOSITORY
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const [remoteUrl, head] = await Promise.all([
    repository ? undefined : git('remote', 'get-url', 'origin'),
    git('show', '-s', '--format=%H %cI', env.GITHUB_SHA ?? 'HEAD')
  ])
  const remote = repository ? `${server}/${repository}` : normalizeRemote(remoteUrl)
  const [headSha, commitDate] = head?.split(' ') ?? []
  const commit = env.GITHUB_SHA ?? headSha
  return {
    name: repository?.split('/')[1] ?? (remote ? basename(remote) : basename(root)),
    repositoryUrl: remote,
    commit,
    commitDate: commitDate
      ? new Date(commitDate).toISOString().replace(/\.\d{3}Z$/, 'Z')
      : undefined,
    toolName: tool.name,
    toolVersion: tool.version
  }
}

/** `git@github.com:o/r.git` and `https://token@github.com/o/r.git` become `https://github.com/o/r`. */
export function normalizeRemote(remote: string | undefined): string | undefined {
  if (!remote) return undefined
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(\.git)?$/.exec(remote)
  if (scp) return `https://${scp[1]}/${scp[2]}`
  try {
    const url = new URL(remote)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    url.username = ''
    url.password = ''
    return url
      .toString()
      .replace(/\.git$/, '')
      .replace(/\/$/, '')
  } catch {
    return undefined
  }
}
