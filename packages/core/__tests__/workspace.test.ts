import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {Workspace, isBinary} from '../src/workspace'

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-ws-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), content)
  }
  return dir
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
    stdio: 'ignore'
  })
}

describe('Workspace', () => {
  it('walks a plain folder honouring nested .gitignore files', async () => {
    const dir = tree({
      '.gitignore': 'build/\n*.log\n',
      'src/a.ts': 'a',
      'src/.gitignore': 'secret.txt\n',
      'src/secret.txt': 's',
      'build/out.js': 'o',
      'debug.log': 'l',
      'docs/readme.md': 'r'
    })
    const ws = await Workspace.open(dir)
    expect(ws.isGitRepo).toBe(false)
    expect(ws.files.map(f => f.path)).toEqual([
      '.gitignore',
      'docs/readme.md',
      'src/.gitignore',
      'src/a.ts'
    ])
  })

  it('lists git files (tracked and untracked-not-ignored) in a work tree', async () => {
    const dir = tree({'.gitignore': 'ignored.txt\n', 'tracked.txt': 't', 'ignored.txt': 'i'})
    git(dir, 'init', '-q')
    git(dir, 'add', '.gitignore', 'tracked.txt')
    git(dir, 'commit', '-qm', 'init')
    writeFileSync(join(dir, 'new.txt'), 'n')
    const ws = await Workspace.open(dir)
    expect(ws.isGitRepo).toBe(true)
    expect(ws.files.map(f => f.path)).toEqual(['.gitignore', 'new.txt', 'tracked.txt'])
  })

  it('keeps a backslash in a file name: it is part of the name on Linux, not a separator', async () => {
    const files = {'net\\sg.tf': 'resource "x" "y" {}\n', 'a b/"q".tf': 'q\n'}
    const plain = tree(files)
    expect((await Workspace.open(plain)).files.map(f => f.path)).toEqual([
      'a b/"q".tf',
      'net\\sg.tf'
    ])
    const repo = tree(files)
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    const ws = await Workspace.open(repo)
    expect(ws.files.map(f => f.path)).toEqual(['a b/"q".tf', 'net\\sg.tf'])
    expect(await ws.text(ws.files[1]!)).toBe('resource "x" "y" {}\n')
  })

  it('skips binary files, big files and symlinks with a reason', async () => {
    const dir = tree({
      'bin.dat': Buffer.from([1, 2, 0, 3]),
      'big.txt': 'x'.repeat(2048),
      'ok.txt': 'fine',
      'loop/keep.txt': 'k'
    })
    symlinkSync('/etc/passwd', join(dir, 'escape'))
    symlinkSync('..', join(dir, 'loop', 'self'))
    const ws = await Workspace.open(dir, {maxFileSize: 1024})
    expect(ws.files.map(f => f.path)).toEqual(['bin.dat', 'loop/keep.txt', 'ok.txt'])
    const bin = ws.files.find(f => f.path === 'bin.dat')!
    expect(await ws.text(bin)).toBeUndefined()
    expect(ws.skipped).toEqual(
      expect.arrayContaining([
        {path: 'big.txt', reason: 'larger than the 1 KiB limit (2 KiB)'},
        {path: 'escape', reason: 'symbolic link (not followed)'},
        {path: 'loop/self', reason: 'symbolic link (not followed)'},
        {path: 'bin.dat', reason: 'binary file'}
      ])
    )
  })

  it('reads each file once and shares the text', async () => {
    const dir = tree({'a.txt': 'hello'})
    const ws = await Workspace.open(dir)
    const file = ws.files[0]!
    const first = ws.text(file)
    expect(ws.text(file)).toBe(first)
    expect(await first).toBe('hello')
  })

  it('keeps invalid UTF-8 readable', async () => {
    const dir = tree({'bad.txt': Buffer.from([0x61, 0xff, 0xfe, 0x62])})
    const ws = await Workspace.open(dir)
    expect(await ws.text(ws.files[0]!)).toBe('a\uFFFD\uFFFDb')
  })

  it('honours exclude globs', async () => {
    const dir = tree({'test/fixtures/x.txt': 'x', 'src/y.txt': 'y'})
    const ws = await Workspace.open(dir, {exclude: ['test/fixtures/**']})
    expect(ws.files.map(f => f.path)).toEqual(['src/y.txt'])
  })

  it('detects NUL bytes only in the first 8 KiB', () => {
    const late = Buffer.alloc(9000, 0x61)
    late[8500] = 0
    expect(isBinary(late)).toBe(false)
    expect(isBinary(Buffer.from('a\0b'))).toBe(true)
  })
})
