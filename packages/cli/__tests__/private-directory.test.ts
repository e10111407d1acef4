import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {privateDirectory} from '../src/private-directory'

const uid = process.getuid!()

/** A fresh folder under the OS temp folder (root-owned and sticky, so a safe ancestor). */
function base(mode = 0o700): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-private-'))
  chmodSync(dir, mode)
  return dir
}

/** The uid to check as, so that `path` belongs to someone else (root can hand it to one). */
function ownedBySomeoneElse(path: string): number {
  if (uid !== 0) return uid + 1
  chownSync(path, 4242, 4242)
  return uid
}

describe('privateDirectory', () => {
  it('creates a missing folder with mode 0700 and returns it', () => {
    const dir = join(base(), 'cache')
    expect(privateDirectory(dir, uid)).toBe(dir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })

  it('accepts an existing folder of mode 0700 owned by the user, also below a sticky open folder', () => {
    const dir = join(base(), 'cache')
    mkdirSync(dir, {mode: 0o700})
    expect(privateDirectory(dir, uid)).toBe(dir)
    const sticky = base(0o1777)
    expect(privateDirectory(join(sticky, 'cache'), uid)).toBe(join(sticky, 'cache'))
  })

  it('returns the path with symlinks above it resolved, so the checked folder is the one used', () => {
    const real = base()
    const link = join(base(), 'link')
    symlinkSync(real, link)
    expect(privateDirectory(join(link, 'cache'), uid)).toBe(join(real, 'cache'))
  })

  it('rejects a folder others can read or write', () => {
    for (const mode of [0o755, 0o770, 0o777, 0o701]) {
      const dir = join(base(), 'cache')
      mkdirSync(dir)
      chmodSync(dir, mode)
      expect({mode, dir: privateDirectory(dir, uid)}).toEqual({mode, dir: undefined})
      expect(statSync(dir).mode & 0o777).toBe(mode)
    }
  })

  it('rejects a symlink to a private folder', () => {
    const real = join(base(), 'real')
    mkdirSync(real, {mode: 0o700})
    const link = join(base(), 'cache')
    symlinkSync(real, link)
    expect(privateDirectory(link, uid)).toBeUndefined()
  })

  it('rejects a folder of mode 0700 owned by another user', () => {
    const dir = join(base(), 'cache')
    mkdirSync(dir, {mode: 0o700})
    expect(privateDirectory(dir, ownedBySomeoneElse(dir))).toBeUndefined()
  })

  it('rejects a folder below one that others can write (not sticky) or that another user owns', () => {
    const open = base(0o777)
    expect(privateDirectory(join(open, 'cache'), uid)).toBeUndefined()
    const groupWritable = base(0o775)
    expect(privateDirectory(join(groupWritable, 'cache'), uid)).toBeUndefined()
    const theirs = base(0o755)
    expect(privateDirectory(join(theirs, 'cache'), ownedBySomeoneElse(theirs))).toBeUndefined()
  })

  it('returns undefined where no folder can be made: below a file or a missing folder', () => {
    const file = join(base(), 'file')
    writeFileSync(file, '')
    expect(privateDirectory(join(file, 'cache'), uid)).toBeUndefined()
    expect(privateDirectory(file, uid)).toBeUndefined()
    expect(privateDirectory(join(base(), 'missing', 'cache'), uid)).toBeUndefined()
  })
})
