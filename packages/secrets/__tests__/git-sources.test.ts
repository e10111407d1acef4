import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
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
