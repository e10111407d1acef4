import {statSync} from 'node:fs'
import {isAbsolute, relative, resolve} from 'node:path'
import {ConfigError} from '../errors'
import {toPosix} from '../finding'

/** The directory an action scans and how its paths read from the repository root. */
export interface ScanRoot {
  /** Absolute directory that is scanned. */
  root: string
  /** The root as a repository path, "" when it is the repository root. */
  fromRepo: string
  /**
   * A path relative to the scanned root (every finding, file error and SBOM path) as a path
   * relative to the repository root: what annotations, links, SARIF and the PR diff use.
   */
  repoFile: (path: string) => string
}

/**
 * Resolves an action's `path:` input against the checkout (GITHUB_WORKSPACE). It must be an
 * existing directory inside the repository: anything else could only produce wrong links.
 */
export function resolveScanRoot(workspaceDir: string, path: string): ScanRoot {
  const root = resolve(workspaceDir, path)
  const fromRepo = toPosix(relative(workspaceDir, root))
  if (fromRepo === '..' || fromRepo.startsWith('../') || isAbsolute(fromRepo)) {
    throw new ConfigError(
      `input "path": ${JSON.stringify(path)} is outside the repository (${workspaceDir}); expected a directory in the checkout`
    )
  }
  let isDirectory: boolean
  try {
    isDirectory = statSync(root).isDirectory()
  } catch {
    throw new ConfigError(
      `input "path": ${JSON.stringify(path)} does not exist in the repository (${workspaceDir})`
    )
  }
  if (!isDirectory)
    throw new ConfigError(`input "path": ${JSON.stringify(path)} is a file; expected a directory`)
  const prefix = fromRepo ? `${fromRepo}/` : ''
  return {root, fromRepo, repoFile: file => prefix + file}
}
