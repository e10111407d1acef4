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

/**
 * Reads files as they were at a revision (`git show REV:./path`), with paths relative to `root`,
 * a folder of a git work tree; `../` reaches above it within the repository.
 */
export async function readFilesAtRevision(
  root: string,
  revision: string,
  paths: string[]
): Promise<RevisionFiles> {
  try {
    await execFileAsync('git', [
      '-C',
      root,
      'rev-parse',
      '--verify',
      '--quiet',
      `${revision}^{commit}`
    ])
  } catch {
    return {
      texts: new Map(),
      problem: `the commit ${revision} is not in this clone (check out with fetch-depth: 0)`
    }
  }
  const texts = new Map<string, string>()
  for (const path of new Set(paths)) {
    try {
      const {stdout} = await execFileAsync('git', ['-C', root, 'show', `${revision}:./${path}`], {
        maxBuffer: MAX_FILE_BYTES
      })
      texts.set(path, stdout)
    } catch {
      // not in that revision
    }
  }
  return {texts}
}
