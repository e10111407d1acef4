import {createHash} from 'node:crypto'
import {mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {secretsScanner} from '@pipeguard/secrets'
import {ALNUM, fake, pemBlock, TEST_RULES, token} from './helpers/fake'
import {scan, tempDir, writeFiles} from './helpers/scan'

const roots: string[] = []
const fresh = (label: string) => {
  const root = tempDir(label)
  roots.push(root)
  return root
}
afterAll(() => roots.forEach(root => rmSync(root, {recursive: true, force: true})))

describe('secrets scanner', () => {
  it('is registered as secrets and asks for every file: the content decides what is text', () => {
    expect(secretsScanner.id).toBe('secrets')
    expect(secretsScanner.name).toBe('secrets')
    for (const path of ['src/app.ts', '.env', 'Dockerfile', 'assets/logo.PNG', 'lib/app.jar'])
      expect(secretsScanner.fileRequired(path, 100)).toBe(true)
  })

  it('scans text named like a binary and lists real binaries, archives and documents as skipped', async () => {
    const root = fresh('by-content')
    const secret = token('dat')
    writeFiles(root, {'notes.dat': `T=${secret}\n`, 'fake.png': `T=${secret}\n`})
    writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0]))
    writeFileSync(join(root, 'lib.zip'), Buffer.from(`PK\x03\x04T=${secret}`, 'latin1'))
    const report = await scan(root)
    expect(report.findings.map(f => f.location.path)).toEqual(['fake.png', 'notes.dat'])
    expect(report.skipped).toEqual([
      {path: 'lib.zip', reason: 'zip archive: not opened'},
      {path: 'logo.png', reason: 'binary file (PNG image)'}
    ])
  })

  it('scans a file over max-file-size in windows: a secret across a window edge is found once, in place', async () => {
    const root = fresh('windows')
    const row = 'x'.repeat(63) + '\n'
    const rows = (n: number) => row.repeat(n)
    // 64-character rows: the first 4 MiB window ends exactly after row 65536.
    const key = pemBlock('edge', 12)
    const multiline = `${rows(65530)}${key}\n${rows(70000)}`
    const a = token('edge-a')
    const b = token('edge-b')
    const window = 4 * 1024 * 1024
    // One line: `a` straddles the first window's end, `b` starts just after it (in its overlap).
    const oneLine = `${'y'.repeat(window - 20)} ${a} ${b} ${'y'.repeat(window)}`
    writeFiles(root, {
      'dump.sql': multiline,
      'min.js': oneLine,
      'small.txt': `T=${token('small')}\n`
    })
    const report = await scan(root, {}, {maxFileSize: 1024})
    const at = report.findings.map(f => [
      f.location.path,
      f.ruleId,
      f.location.startLine,
      f.location.endLine,
      f.location.startColumn
    ])
    expect(at).toEqual([
      ['dump.sql', 'test-private-key', 65531, 65544, 1],
      ['min.js', 'test-token', 1, 1, window - 18],
      ['min.js', 'test-token', 1, 1, window - 18 + a.length + 1],
      ['small.txt', 'test-token', 1, 1, 3]
    ])
    expect(report.skipped).toEqual([])
    expect(report.scanners[0]!.notes).toContain(
      '2 file(s) over max-file-size (1 KiB) scanned in windows'
    )
  })

  it('hands every found secret to onSecret as the log masks it: key lines, encoded form, ignored ones', async () => {
    const root = fresh('mask-forms')
    const key = pemBlock('mask-key')
    const inner = token('mask-encoded')
    const encoded = Buffer.from(`TOKEN=${inner}`).toString('base64')
    const ignored = token('mask-ignored')
    writeFiles(root, {
      'id_rsa.txt': `${key}\n`,
      'blob.txt': `data: ${encoded}\n`,
      'old.env': `T=${ignored}\n`,
      '.gitleaksignore': 'old.env:test-token:1\n'
    })
    const masked: string[] = []
    const report = await scan(root, {}, {}, {rules: TEST_RULES, onSecret: s => masked.push(s)})
    expect(report.findings.map(f => f.location.path).sort()).toEqual(['blob.txt', 'id_rsa.txt'])
    const keyLines = key.split('\n').filter(line => !line.startsWith('-----'))
    expect(masked.sort()).toEqual([...keyLines, encoded, inner, ignored].sort())
  })

  it('produces findings with the redacted secret only, hashed fingerprint and rotation hint', async () => {
    const root = fresh('finding')
    const secret = token('finding')
    writeFiles(root, {'src/settings.py': `DEBUG = False\nAPI_TOKEN = "${secret}"\n`})
    const report = await scan(root)
    const [finding] = report.findings
    expect(finding).toMatchObject({
      scanner: 'secrets',
      ruleId: 'test-token',
      severity: 'high',
      title: 'Test token',
      location: {path: 'src/settings.py', startLine: 2, endLine: 2},
      remediation: 'Revoke it in the test console.'
    })
    expect(finding!.message).toBe(`Test token (rule test-token): ${secret.slice(0, 8)}****`)
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(report)).not.toContain(secret)
  })

  it('reports one finding per value per file with a count, and a test file’s findings with their context, not blocking unless configured', async () => {
    const root = fresh('context')
    const fakeToken = token('repeated')
    const other = token('other')
    writeFiles(root, {
      'tests/test_client.py': Array.from({length: 14}, (_, i) => `T${i} = "${fakeToken}"`)
        .concat([`OTHER = "${other}"`])
        .join('\n'),
      'src/app.py': `A = "${fakeToken}"\nB = "${fakeToken}"\n`
    })
    const report = await scan(root)
    const byPath = (path: string) => report.findings.filter(f => f.location.path === path)
    expect(
      byPath('tests/test_client.py').map(f => [f.location.startLine, f.count, f.context])
    ).toEqual([
      [1, 14, 'test'],
      [15, undefined, 'test']
    ])
    expect(byPath('src/app.py').map(f => [f.location.startLine, f.count, f.context])).toEqual([
      [1, 2, undefined]
    ])
    expect(report.blocking.map(f => f.location.path)).toEqual(['src/app.py'])
    const strict = await scan(root, {}, {secrets: {blockContexts: ['test']}})
    expect(strict.blocking).toHaveLength(3)
  })

  it('computes the fingerprint from the place, not the secret: another secret there keeps it', async () => {
    const fingerprintOf = async (secret: string) => {
      const root = fresh('fingerprint')
      writeFiles(root, {'src/settings.py': `API_TOKEN = "${secret}"\n`})
      const [finding] = (await scan(root)).findings
      return finding!.fingerprint
    }
    const secret = token('fp-1')
    const first = await fingerprintOf(secret)
    expect(await fingerprintOf(token('fp-2'))).toBe(first)
    const unsalted = (content: string) =>
      createHash('sha256')
        .update(['secrets', 'test-token', 'src/settings.py', content].join('\0'))
        .digest('hex')
        .slice(0, 32)
    expect([unsalted(`test-token:${secret}`), unsalted(secret)]).not.toContain(first)
  })

  it('calls onSecret with every secret before the scan returns (the action masks them)', async () => {
    const root = fresh('mask')
    const secrets = [token('mask-1'), token('mask-2')]
    writeFiles(root, {'a.env': `A=${secrets[0]}\n`, 'b.env': `B=${secrets[1]}\n`})
    const masked: string[] = []
    const report = await scan(
      root,
      {},
      {},
      {rules: (await import('./helpers/fake')).TEST_RULES, onSecret: s => masked.push(s)}
    )
    expect(report.findings).toHaveLength(2)
    expect(masked.sort()).toEqual([...secrets].sort())
  })

  it('honours secrets.allowPaths, allowRegexes, disableRules and entropy from the config', async () => {
    const root = fresh('config')
    const kept = token('kept')
    const allowed = token('allowed')
    writeFiles(root, {
      'src/a.js': `t = "${kept}"\nu = "${allowed}"\npassword = "${fake(ALNUM, 12, 'pw')}"\n`,
      'test/fixtures/b.js': `t = "${token('fixture')}"\n`
    })
    const ids = async (secrets: Record<string, unknown>) =>
      (await scan(root, {}, {secrets})).findings
        .map(f => `${f.location.path}:${f.location.startLine}:${f.ruleId}`)
        .sort()
    expect(await ids({})).toEqual([
      'src/a.js:1:test-token',
      'src/a.js:2:test-token',
      'src/a.js:3:generic-test-password',
      'test/fixtures/b.js:1:test-token'
    ])
    const reason = 'reviewed'
    expect(await ids({allowPaths: [{path: 'test/**', reason}]})).not.toContain(
      'test/fixtures/b.js:1:test-token'
    )
    expect(await ids({allowRegexes: [{regex: `^${allowed}$`, reason}]})).not.toContain(
      'src/a.js:2:test-token'
    )
    expect(await ids({disableRules: [{id: 'generic-test-password', reason}]})).not.toContain(
      'src/a.js:3:generic-test-password'
    )
    expect(await ids({entropy: 5.5})).not.toContain('src/a.js:3:generic-test-password')
  })

  it('rejects unknown rule ids and invalid regexes in the config', async () => {
    const root = fresh('bad-config')
    const reason = 'reviewed'
    const reasons = async (config: Parameters<typeof scan>[2]) =>
      (await scan(root, {}, config)).scanners[0]!.reasons
    expect(await reasons({secrets: {disableRules: [{id: 'test-tokn', reason}]}})).toEqual([
      'secrets.disable-rules[0].id: unknown rule "test-tokn" (did you mean "test-token"?)'
    ])
    expect(await reasons({secrets: {allowRegexes: [{regex: '(?<=x)', reason}]}})).toEqual([
      expect.stringContaining('(?<=x)')
    ])
  })

  it('reads .gitleaks.toml at the root, and .gitleaksignore file:rule:line entries', async () => {
    const root = fresh('gitleaks')
    const secret = fake(ALNUM, 24, 'acme')
    writeFiles(root, {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n\n[[rules]]\nid = "acme"\nregex = '''acme_key\\s*=\\s*"([A-Za-z0-9]{24})"'''\nkeywords = ["acme_key"]\n`,
      'a.py': `acme_key = "${secret}"\n`,
      'b.py': `acme_key = "${secret}"\nt = "${token('gl')}"\n`,
      '.gitleaksignore': 'b.py:acme:1\n'
    })
    const report = await scan(root)
    expect(
      report.findings.map(f => `${f.location.path}:${f.ruleId}:${f.location.startLine}`).sort()
    ).toEqual(['a.py:acme:1', 'b.py:test-token:2'])
  })

  it('names a broken .gitleaks.toml and the rule in the failed scanner reason', async () => {
    const root = fresh('gitleaks-bad')
    writeFiles(root, {'.gitleaks.toml': '[[rules]]\nid = "broken"\nregex = "(unclosed"\n'})
    expect((await scan(root)).scanners[0]!.reasons).toEqual([
      expect.stringMatching(/\.gitleaks\.toml: rule "broken": invalid regex/)
    ])
  })

  it('completes on a 50 MB minified file, a binary, a symlink loop and invalid UTF-8, reporting the skips, scanning the big file in windows', async () => {
    const root = fresh('tree')
    const secret = token('utf8')
    mkdirSync(join(root, 'dist'))
    writeFileSync(
      join(root, 'dist', 'bundle.min.js'),
      'var a=1;function f(t){return t.key}'.repeat(Math.ceil((50 * 1024 * 1024) / 36))
    )
    writeFileSync(
      join(root, 'blob.dat2'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0])
    )
    mkdirSync(join(root, 'loop'))
    symlinkSync('..', join(root, 'loop', 'up'))
    symlinkSync('self', join(root, 'self'))
    writeFileSync(
      join(root, 'latin1.txt'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]),
        Buffer.from(`token = "${secret}"\n`)
      ])
    )
    const started = Date.now()
    const report = await scan(root)
    expect(Date.now() - started).toBeLessThan(15000)
    const skipped = Object.fromEntries(report.skipped.map(s => [s.path, s.reason]))
    expect(skipped['dist/bundle.min.js']).toBeUndefined()
    expect(report.scanners[0]!.notes).toContain(
      '1 file(s) over max-file-size (5 MiB) scanned in windows'
    )
    expect(skipped['blob.dat2']).toBe('binary file (ELF executable)')
    expect(skipped['loop/up']).toMatch(/symbolic link/)
    expect(skipped['self']).toMatch(/symbolic link/)
    expect(report.findings.map(f => [f.location.path, f.location.startLine])).toEqual([
      ['latin1.txt', 2]
    ])
  })

  it('scans a 50 MB one-line minified file in bounded time when the size cap allows it', async () => {
    const root = fresh('minified')
    const secret = token('min')
    const chunk = 'var a=1;function f(t){return t.key||e.token}'
    const half = chunk.repeat(Math.ceil((25 * 1024 * 1024) / chunk.length))
    writeFileSync(join(root, 'app.min.js'), `${half}var k="${secret}";${half}`)
    const started = Date.now()
    const report = await scan(root, {}, {maxFileSize: 64 * 1024 * 1024})
    expect(Date.now() - started).toBeLessThan(20000)
    expect(report.findings.map(f => f.location.path)).toEqual(['app.min.js'])
  })
})

describe('secrets.enabled', () => {
  it('turns the scan off', async () => {
    const root = fresh('disabled')
    writeFiles(root, {'a.env': `T=${token('off')}\n`})
    const report = await scan(root, {}, {secrets: {enabled: false}})
    expect(report.findings).toEqual([])
    expect(report.scanners[0]!.notes).toEqual(['disabled by secrets.enabled: false'])
  })
})
