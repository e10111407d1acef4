import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {gitDiff, parsePatch, parseUnifiedDiff} from '../src/github/diff'

describe('parsePatch', () => {
  it('numbers added lines on the new side and records hunk ranges', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' a',
      '-b',
      '+B',
      '+C',
      ' d',
      '@@ -10,2 +11,3 @@ function x() {',
      ' k',
      '+l',
      ' m'
    ].join('\n')
    const {added, hunks} = parsePatch(patch)
    expect([...added]).toEqual([2, 3, 12])
    expect(hunks).toEqual([
      {start: 1, end: 4},
      {start: 11, end: 13}
    ])
  })

  it('handles a one-line hunk header without counts and the no-newline marker', () => {
    const {added, hunks} = parsePatch(
      ['@@ -1 +1 @@', '-x', '+y', '\\ No newline at end of file'].join('\n')
    )
    expect([...added]).toEqual([1])
    expect(hunks).toEqual([{start: 1, end: 1}])
  })

  it('records where lines were removed as the new-side line that follows them', () => {
    const {deleted, added} = parsePatch(
      ['@@ -1,4 +1,2 @@', ' a', '-b', '-c', ' d', '@@ -9,2 +7,0 @@', '-x', '-y'].join('\n')
    )
    expect([...added]).toEqual([])
    // b and c were between new lines 1 and 2; x and y came after new line 7.
    expect([...deleted]).toEqual([2, 8])
  })

  it('gives nothing for text that is not a diff', () => {
    const {added, hunks} = parsePatch('+not a hunk\nrandom text\n@@ broken @@')
    expect(added.size).toBe(0)
    expect(hunks).toEqual([])
  })
})

describe('parseUnifiedDiff', () => {
  it('splits files, keeps renamed names and drops deleted files', () => {
    const diff = [
      'diff --git a/old.txt b/new.txt',
      'similarity index 90%',
      'rename from old.txt',
      'rename to new.txt',
      '--- a/old.txt',
      '+++ b/new.txt',
      '@@ -1,2 +1,2 @@',
      ' same',
      '-before',
      '+after',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/"sp ace\\tq.txt" b/"sp ace\\tq.txt"',
      '--- /dev/null',
      '+++ "b/sp ace\\tq.txt"',
      '@@ -0,0 +1 @@',
      '+hi'
    ].join('\n')
    const files = parseUnifiedDiff(diff)
    expect([...files.keys()]).toEqual(['new.txt', 'sp ace\tq.txt'])
    expect([...files.get('new.txt')!.added]).toEqual([2])
  })
})

describe('gitDiff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pipeguard-diff-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  const git = (...args: string[]): string =>
    execFileSync(
      'git',
      [
        '-C',
        dir,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        '-c',
        'commit.gpgsign=false',
        ...args
      ],
      {encoding: 'utf8'}
    ).trim()

  it('reads base...head from a real repository and returns undefined for unknown commits', async () => {
    git('init', '-q', '-b', 'main')
    writeFileSync(join(dir, 'app.txt'), 'one\ntwo\nthree\n')
    git('add', '.')
    git('commit', '-q', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    writeFileSync(join(dir, 'app.txt'), 'one\nTWO\nthree\nfour\n')
    writeFileSync(join(dir, 'added, file.txt'), 'x\n')
    git('add', '.')
    git('commit', '-q', '-m', 'head')
    const head = git('rev-parse', 'HEAD')

    const diff = await gitDiff(dir, base, head)
    expect(diff?.source).toBe('git')
    expect([...diff!.files.get('app.txt')!.added]).toEqual([2, 4])
    expect([...diff!.files.get('added, file.txt')!.added]).toEqual([1])
    expect(await gitDiff(dir, base, 'f'.repeat(40))).toBeUndefined()
  })
  it('keys every changed file by its real name: backslash, spaces, quotes, binary, empty, renamed', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'pipeguard-diff-names-'))
    const run = (...args: string[]): string =>
      execFileSync(
        'git',
        ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args],
        {encoding: 'utf8'}
      ).trim()
    try {
      run('init', '-q', '-b', 'main')
      writeFileSync(join(repo, 'old name.txt'), 'kept\n')
      run('add', '.')
      run('commit', '-q', '-m', 'base')
      const base = run('rev-parse', 'HEAD')
      writeFileSync(join(repo, 'net\\sg.tf'), 'a\nb\n')
      writeFileSync(join(repo, 'a b.tf'), 'c\n')
      writeFileSync(join(repo, 'q"uo\tted.tf'), 'd\n')
      writeFileSync(join(repo, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))
      writeFileSync(join(repo, 'empty.key'), '')
      run('mv', 'old name.txt', 'new name.txt')
      run('add', '.')
      run('commit', '-q', '-m', 'head')
      const diff = await gitDiff(repo, base, run('rev-parse', 'HEAD'))
      expect([...diff!.files.keys()].sort()).toEqual(
        ['a b.tf', 'empty.key', 'logo.png', 'net\\sg.tf', 'new name.txt', 'q"uo\tted.tf'].sort()
      )
      expect([...diff!.files.get('net\\sg.tf')!.added]).toEqual([1, 2])
      expect(diff!.files.get('logo.png')!.wholeFile).toBe(true)
      expect(diff!.files.get('a b.tf')!.wholeFile).toBe(false)
    } finally {
      rmSync(repo, {recursive: true, force: true})
    }
  })
})
