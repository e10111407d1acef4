import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {Workspace} from '../src/workspace'

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

  it('skips binary files and symlinks with a reason, and lists big files for the scanners', async () => {
    const dir = tree({
      'bin.dat': Buffer.from([1, 2, 0, 3]),
      'big.txt': 'x'.repeat(2048),
      'ok.txt': 'fine',
      'loop/keep.txt': 'k'
    })
    symlinkSync('/etc/passwd', join(dir, 'escape'))
    symlinkSync('..', join(dir, 'loop', 'self'))
    const ws = await Workspace.open(dir, {maxFileSize: 1024})
    expect(ws.files.map(f => f.path)).toEqual(['big.txt', 'bin.dat', 'loop/keep.txt', 'ok.txt'])
    const bin = ws.files.find(f => f.path === 'bin.dat')!
    expect(await ws.text(bin)).toBeUndefined()
    expect(ws.skipped).toEqual([
      {path: 'escape', reason: 'symbolic link (not followed)'},
      {path: 'loop/self', reason: 'symbolic link (not followed)'},
      {path: 'bin.dat', reason: 'binary file'}
    ])
  })

  it('a file over max-file-size read whole is an error naming the limit and the setting', async () => {
    const dir = tree({'big.txt': 'x'.repeat(2048), 'small.txt': 'y'})
    const ws = await Workspace.open(dir, {maxFileSize: 1024})
    const [big, small] = ws.files
    expect(await ws.text(big!)).toBeUndefined()
    expect(await ws.text(small!)).toBe('y')
    expect(ws.skipped).toEqual([
      {
        path: 'big.txt',
        reason:
          'larger than the max-file-size limit of 1 KiB (2 KiB): not checked; raise max-file-size in the config to check it',
        error: true
      }
    ])
  })

  it('reads a file over max-file-size in overlapping windows, whatever its size', async () => {
    const lines = Array.from({length: 3000}, (_, i) => `line ${i + 1} é`)
    const dir = tree({'big.txt': lines.join('\n') + '\n'})
    const ws = await Workspace.open(dir, {maxFileSize: 1024})
    const windows = [...ws.textWindows(ws.files[0]!, {size: 4096, overlap: 512})]
    expect(windows.length).toBeGreaterThan(5)
    expect(windows.map(w => w.text.slice(0, w.ownLength)).join('')).toBe(lines.join('\n') + '\n')
    expect(windows[1]!.text.startsWith(`line ${windows[1]!.line} `)).toBe(true)
    expect(ws.skipped).toEqual([])
  })

  it('lists archives and documents as not opened, and does not read a binary in windows', async () => {
    const dir = tree({
      'lib.jar': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40, 0x41)]),
      'manual.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog >>\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    })
    const ws = await Workspace.open(dir, {maxFileSize: 4})
    for (const file of ws.files)
      expect([...ws.textWindows(file, {size: 64, overlap: 8})]).toEqual([])
    expect(ws.skipped).toEqual([
      {path: 'lib.jar', reason: 'zip archive: not opened'},
      {path: 'logo.png', reason: 'binary file (PNG image)'},
      {path: 'manual.pdf', reason: 'PDF document: not opened'}
    ])
  })

  it('reads text by content whatever the extension, UTF-16 included', async () => {
    const dir = tree({
      'notes.dat': 'TOKEN=abc\n',
      'fake.png': 'not an image\n',
      'win.reg': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('KEY=v\r\n', 'utf16le')])
    })
    const ws = await Workspace.open(dir)
    const texts = await Promise.all(ws.files.map(f => ws.text(f)))
    expect(texts).toEqual(['not an image\n', 'TOKEN=abc\n', 'KEY=v\r\n'])
    expect(ws.skipped).toEqual([])
  })

  it('an unreadable file is an error', async () => {
    const dir = tree({'gone.txt': 'x'})
    const ws = await Workspace.open(dir)
    rmSync(join(dir, 'gone.txt'))
    expect(await ws.text(ws.files[0]!)).toBeUndefined()
    expect([...ws.textWindows(ws.files[0]!, {size: 64, overlap: 8})]).toEqual([])
    expect(ws.skipped).toEqual([{path: 'gone.txt', reason: 'unreadable: ENOENT', error: true}])
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
})
