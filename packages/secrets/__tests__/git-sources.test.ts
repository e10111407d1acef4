import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {parseHistoryRange} from '../src/git-history'
import {git, initRepo, scan, tempDir, writeFiles} from './helpers/scan'
import {token} from './helpers/fake'

describe('git history', () => {
  const root = tempDir('history')
  const secret = token('history')
  let added = ''
  let removed = ''

  beforeAll(() => {
    initRepo(root)
    writeFiles(root, {
      'README.md': '# app\n',
      'src/config.js': 'module.exports = {\n  region: "eu"\n}\n'
    })
    git(root, 'add', '.')
    git(root, 'commit', '-q', '-m', 'initial')
    writeFiles(root, {
      'src/config.js': `module.exports = {\n  region: "eu",\n  token: "${secret}"\n}\n`
    })
    git(root, 'commit', '-q', '-am', 'add token')
    added = git(root, 'rev-parse', 'HEAD').trim()
    writeFiles(root, {
      'src/config.js': 'module.exports = {\n  region: "eu",\n  token: process.env.TOKEN\n}\n'
    })
    git(root, 'commit', '-q', '-am', 'remove token')
    removed = git(root, 'rev-parse', 'HEAD').trim()
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('the working-tree scan does not report the removed secret', async () => {
    const report = await scan(root)
    expect(report.findings).toEqual([])
  })

  it('--history reports it with the commit that added it, its author and date', async () => {
    const report = await scan(root, {history: true})
    expect(report.findings).toHaveLength(1)
    const [finding] = report.findings
    expect(finding).toMatchObject({
      ruleId: 'test-token',
      location: {path: 'src/config.js', startLine: 3}
    })
    expect(finding!.commit).toMatchObject({
      sha: added,
      author: 'Dev Eloper',
      email: 'dev@example.com'
    })
    expect(finding!.commit!.date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(JSON.stringify(report)).not.toContain(secret)
    expect(report.scanners[0]!.notes.join(' ')).toContain('history: 3 commit(s)')
  })

  it('says how to unblock a secret removed again, and takes its fingerprint in .gitleaksignore', async () => {
    const [finding] = (await scan(root, {history: true})).findings
    expect(finding!.remediation).toContain(
      `rotate it first, then either add \`${finding!.fingerprint}\` to \`.gitleaksignore\``
    )
    expect(finding!.remediation).toContain('rewrite the history')
    writeFileSync(join(root, '.gitleaksignore'), `# rotated\n${finding!.fingerprint}\n`)
    try {
      expect((await scan(root, {history: true})).findings).toEqual([])
    } finally {
      rmSync(join(root, '.gitleaksignore'))
    }
  })

  it('a range covers only its commits', async () => {
    const first = git(root, 'rev-list', '--max-parents=0', 'HEAD').trim()
    expect((await scan(root, {history: `${first}..${removed}`})).findings).toHaveLength(1)
    expect((await scan(root, {history: `${added}..${removed}`})).findings).toEqual([])
  })

  it('a range naming a missing commit fails the scan (exit 2), not an empty scan', async () => {
    const report = await scan(root, {history: 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef..HEAD'})
    expect(report.exitCode).toBe(2)
    expect(report.scanners[0]!.reasons).toEqual([
      expect.stringContaining('is not in this repository')
    ])
  })

  it('an empty or inverted range fails the scan naming it, not a passing empty scan', async () => {
    for (const range of ['..HEAD', 'main...main', 'HEAD..HEAD', `${removed}..${added}`]) {
      const report = await scan(root, {history: range})
      expect(report.exitCode).toBe(2)
      expect(report.scanners[0]!.reasons).toEqual([
        range === '..HEAD'
          ? expect.stringContaining('--history range "..HEAD": the base is missing')
          : expect.stringContaining(
              `--history range "${range}" contains no commits (an empty or inverted range)`
            )
      ])
    }
  })

  it('a base that is not an ancestor of the head (a moved PR base) still scans the head side', async () => {
    git(root, 'checkout', '-q', '-b', 'side', added)
    writeFiles(root, {'side.txt': 'side\n'})
    git(root, 'add', '.')
    git(root, 'commit', '-q', '-m', 'side')
    git(root, 'checkout', '-q', 'main')
    try {
      const report = await scan(root, {history: `side..${removed}`})
      expect(report.scanners[0]!.notes.join(' ')).toContain('history: 1 commit(s)')
    } finally {
      git(root, 'branch', '-q', '-D', 'side')
    }
  })

  it('.gitleaksignore commit fingerprints suppress history findings', async () => {
    writeFileSync(
      join(root, '.gitleaksignore'),
      `# reviewed\n${added}:src/config.js:test-token:3\n`
    )
    try {
      const report = await scan(root, {history: true})
      expect(report.findings).toEqual([])
      expect(report.scanners[0]!.notes.join(' ')).toContain(
        '1 finding(s) suppressed by .gitleaksignore'
      )
    } finally {
      rmSync(join(root, '.gitleaksignore'))
    }
  })
})

describe('--history range syntax', () => {
  it('accepts a commit, BASE..HEAD and BASE...HEAD', () => {
    expect(parseHistoryRange('v1.2')).toEqual({ends: ['v1.2']})
    expect(parseHistoryRange('origin/main..HEAD')).toEqual({ends: ['origin/main', 'HEAD']})
    expect(parseHistoryRange('a~2...b')).toEqual({ends: ['a~2', 'b']})
  })

  it('rejects what does not parse, naming the range and the expected forms', () => {
    for (const [range, why] of [
      ['..HEAD', 'the base is missing'],
      ['main..', 'the head is missing'],
      ['a..b..c', 'more than one'],
      ['a....b', 'more than one'],
      ['--all', 'starts with "-"'],
      ['a ..b', 'contains white space'],
      ['', 'empty']
    ]) {
      expect(() => parseHistoryRange(range!)).toThrow(ConfigError)
      expect(() => parseHistoryRange(range!)).toThrow(`--history range "${range}": ${why}`)
    }
    expect(() => parseHistoryRange('..HEAD')).toThrow(
      /expected BASE\.\.HEAD, BASE\.\.\.HEAD or one commit/
    )
  })
})

describe('git history of an empty repository', () => {
  it('fails the secret scan (exit 2), not a passing empty scan', async () => {
    const root = tempDir('history-empty')
    initRepo(root)
    try {
      const report = await scan(root, {history: true})
      expect(report.exitCode).toBe(2)
      expect(report.scanners[0]!.reasons).toEqual([expect.stringMatching(/has no commits/)])
    } finally {
      rmSync(root, {recursive: true, force: true})
    }
  })
})

describe('git history of a huge added file', () => {
  it('scans its added lines in windows, at their real line numbers, instead of skipping them', async () => {
    const root = tempDir('history-huge')
    initRepo(root)
    try {
      const row = 'x'.repeat(63) + '\n'
      writeFiles(root, {'dump.sql': `${row.repeat(80000)}T=${token('huge')}\n${row.repeat(10)}`})
      git(root, 'add', '.')
      git(root, 'commit', '-q', '-m', 'dump')
      const report = await scan(root, {history: true})
      expect(report.errors).toEqual([])
      expect(report.findings.map(f => [f.location.path, f.location.startLine])).toEqual([
        ['dump.sql', 80001]
      ])
    } finally {
      rmSync(root, {recursive: true, force: true})
    }
  })
})

describe('git history paths', () => {
  const root = tempDir('history-paths')
  const names = ['a b.env', 'q"uo\tted.env', 'net\\sg.env', 'café.env', 'svc/inner.env']
  beforeAll(() => {
    initRepo(root)
    writeFiles(root, {'README.md': '# app\n'})
    git(root, 'add', '.')
    git(root, 'commit', '-q', '-m', 'initial')
    writeFiles(root, Object.fromEntries(names.map(n => [n, `T=${token(n)}\n`])))
    git(root, 'add', '.')
    git(root, 'commit', '-q', '-m', 'add tokens')
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('reports each file at its real name: spaces, quotes, tabs, backslashes, UTF-8', async () => {
    const report = await scan(root, {history: true})
    expect(report.findings.map(f => f.location.path).sort()).toEqual([...names].sort())
  })

  it('a subfolder root scans only its subtree and reports paths relative to it', async () => {
    const report = await scan(join(root, 'svc'), {history: true})
    expect(report.findings.map(f => f.location.path)).toEqual(['inner.env'])
    const staged = token('staged-in-svc')
    writeFiles(root, {'svc/new.env': `T=${staged}\n`, 'outside.env': `T=${staged}\n`})
    git(root, 'add', '.')
    try {
      const report = await scan(join(root, 'svc'), {staged: true})
      expect(report.findings.map(f => f.location.path)).toEqual(['new.env'])
    } finally {
      git(root, 'reset', '-q')
    }
  })
})

describe('staged changes', () => {
  const root = tempDir('staged')
  beforeAll(() => {
    initRepo(root)
    writeFiles(root, {'app.py': 'print("hi")\n'})
    git(root, 'add', '.')
    git(root, 'commit', '-q', '-m', 'initial')
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('reports secrets in staged added lines only, at their line in the staged file', async () => {
    const staged = token('staged')
    const unstaged = token('unstaged')
    writeFiles(root, {'app.py': `print("hi")\nAPI = "${staged}"\n`})
    git(root, 'add', 'app.py')
    writeFiles(root, {
      'app.py': `print("hi")\nAPI = "${staged}"\nOTHER = "${unstaged}"\n`,
      'new.py': `K = "${unstaged}"\n`
    })
    const report = await scan(root, {staged: true})
    expect(report.findings.map(f => [f.location.path, f.location.startLine])).toEqual([
      ['app.py', 2]
    ])
    expect(report.findings[0]!.commit).toBeUndefined()
  })

  it('a directory that is not a git repository fails the secret scan (exit 2)', async () => {
    const plain = tempDir('plain')
    const report = await scan(plain, {staged: true})
    expect(report.exitCode).toBe(2)
    expect(report.scanners[0]!.reasons).toEqual([expect.stringContaining('needs a git repository')])
    rmSync(plain, {recursive: true, force: true})
  })
})
