import {statSync} from 'node:fs'
import {resolve} from 'node:path'
import {UsageError} from './flags'

/** PATH must be an existing directory. */
export function resolveRoot(cwd: string, path: string | undefined, command: string): string {
  const root = resolve(cwd, path ?? '.')
  let isDir: boolean
  try {
    isDir = statSync(root).isDirectory()
  } catch {
    throw new UsageError(`path not found: ${path ?? '.'}`, command)
  }
  if (!isDir) throw new UsageError(`not a directory: ${path}`, command)
  return root
}
