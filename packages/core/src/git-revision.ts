import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

const execFileAsync = promisify(execFile)

/** A config file larger than this at a revision is not read (a config is a few kilobytes). */
const MAX_FILE_BYTES = 16 * 1024 * 1024

export interface RevisionFiles {
  /** The texts of the paths that exist at the revision; a missing path did not exist there. */
  texts: Map<string, string>
  /** Why nothing could be read (the revision is not in this clone). */
  problem?: string
}

/** The commit a revision names, or undefined when this clone does not have it (a shallow checkout). */
export async function resolveCommit(root: string, revision: string): Promise<string | undefined> {
  try {
    const {stdout} = await execFileAsync('git', [
      '-C',
      root,
      'rev-parse',
      '--verify',
      '--quiet',
      `${revision}^{commit}`
    ])
    return stdout.trim()
  } catch {
    return undefined
  }
}

/**
 * The bytes of each path as it was at a commit (`git show COMMIT:./path`), paths relative to `root`,
 * a folder of a git work tree. A path that did not exist there, or is larger than `maxBytes`, is
 * absent from the map.
 */
export async function readBlobsAtCommit(
  root: string,
  commit: string,
  paths: string[],
  maxBytes: number
): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>()
  for (const path of new Set(paths)) {
    try {
      const {stdout} = await execFileAsync('git', ['-C', root, 'show', `${commit}:./${path}`], {
        maxBuffer: maxBytes,
        encoding: 'buffer'
      })
      blobs.set(path, stdout)
    } catch {
      // not in that commit
    }
  }
  return blobs
}

/**
 * Reads files as they were at a revision, with paths relative to `root`, a folder of a git work
 * tree; `../` reaches above it within the repository.
 */
export async function readFilesAtRevision(
  root: string,
  revision: string,
  paths: string[]
): Promise<RevisionFiles> {
  const commit = await resolveCommit(root, revision)
  if (commit === undefined) {
    return {
      texts: new Map(),
      problem: `the commit ${revision} is not in this clone (check out with fetch-depth: 0)`
    }
  }
  const blobs = await readBlobsAtCommit(root, commit, paths, MAX_FILE_BYTES)
  return {texts: new Map([...blobs].map(([path, bytes]) => [path, bytes.toString('utf8')]))}
}
