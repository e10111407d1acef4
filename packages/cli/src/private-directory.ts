import {lstatSync, mkdirSync, realpathSync, type Stats} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'

const STICKY = 0o1000

/**
 * `path` as a directory that only user `uid` can write (created with mode 0700 if missing), or
 * undefined when it is not one and cannot be made one. The directory itself must be a real
 * directory, not a symlink, owned by `uid`, mode exactly 0700. Every directory above it must be
 * owned by root or `uid` and writable by no one else unless sticky (like /tmp), so no other user can
 * rename it away and put their own in its place after the check. The returned path has its
 * symlinks resolved: what was checked is what gets used.
 */
export function privateDirectory(path: string, uid: number): string | undefined {
  try {
    const parent = realpathSync(dirname(resolve(path)))
    for (let dir = parent; ; dir = dirname(dir)) {
      if (!isSafeAncestor(lstatSync(dir), uid)) return undefined
      if (dirname(dir) === dir) break
    }
    const dir = join(parent, basename(resolve(path)))
    try {
      mkdirSync(dir, {mode: 0o700})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
    }
    const stats = lstatSync(dir)
    const isPrivate = stats.isDirectory() && stats.uid === uid && (stats.mode & 0o777) === 0o700
    return isPrivate ? dir : undefined
  } catch {
    return undefined
  }
}

function isSafeAncestor(stats: Stats, uid: number): boolean {
  const trustedOwner = stats.uid === 0 || stats.uid === uid
  const othersCannotReplace = (stats.mode & 0o022) === 0 || (stats.mode & STICKY) !== 0
  return stats.isDirectory() && trustedOwner && othersCannotReplace
}
