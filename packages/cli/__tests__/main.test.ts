import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {describe, expect, it} from '@jest/globals'
import {VERSION} from '@pipeguard/core'
import {COMMANDS} from '../src/commands/index'
import {run} from '../src/main'

function capture(cwd = process.cwd()) {
  let out = ''
  let err = ''
  const io = {
    stdout: new Writable({write: (c, _e, cb) => ((out += String(c)), cb())}),
    stderr: new Writable({write: (c, _e, cb) => ((err += String(c)), cb())}),
    env: {NO_COLOR: '1'} as NodeJS.ProcessEnv,
    cwd
  }
  return {io, out: () => out, err: () => err}
}

describe('cli', () => {
  it('prints the version', async () => {
    const c = capture()
    expect(await run(['--version'], c.io)).toBe(0)
    expect(c.out()).toBe(`${VERSION}\n`)
  })

  it('has --help on every command', async () => {
    for (const command of COMMANDS) {
      const c = capture()
      expect(await run([command.name, '--help'], c.io)).toBe(0)
      expect(c.out()).toContain(`Usage: pipeguard ${command.name}`)
    }
  })

  it('exits 2 with a one-line error and a hint on an unknown flag', async () => {
    const c = capture()
    expect(await run(['scan', '--fail-onn', 'high'], c.io)).toBe(2)
    expect(c.err()).toBe(
      'pipeguard scan: unknown option --fail-onn for `scan` (did you mean --fail-on?)\nRun `pipeguard scan --help` for usage.\n'
    )
  })

  it('exits 2 on an unknown command, a missing path or a bad flag value', async () => {
    const a = capture()
    expect(await run(['scna'], a.io)).toBe(2)
    expect(a.err()).toContain('unknown command "scna" (did you mean "scan"?)')
    const b = capture()
    expect(await run(['scan', '/definitely/not/here'], b.io)).toBe(2)
    expect(b.err()).toContain('path not found: /definitely/not/here')
    const c = capture()
    expect(await run(['scan', '.', '--format', 'xml'], c.io)).toBe(2)
    expect(c.err()).toContain('--format must be one of table, json, sarif, markdown; got "xml"')
    const d = capture()
    expect(await run(['scan', '.', '--fail-on', 'hgh'], d.io)).toBe(2)
    expect(d.err()).toContain('(did you mean high?)')
  })

  it('exits 2 on a bad --show level, and on --show or --verbose with a machine format', async () => {
    const a = capture()
    expect(await run(['scan', '.', '--show', 'hihg'], a.io)).toBe(2)
    expect(a.err()).toContain('--show must be one of critical, high, medium, low, info; got "hihg"')
    const b = capture()
    expect(await run(['deps', '.', '--format', 'json', '--show', 'high'], b.io)).toBe(2)
    expect(b.err()).toContain('--show applies to the table format, not --format json')
    const c = capture()
    expect(await run(['iac', '.', '--format', 'sarif', '--verbose'], c.io)).toBe(2)
    expect(c.err()).toContain('--verbose applies to the table format, not --format sarif')
  })

  it('exits 2 naming the file, key and expectation for a bad config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cli-'))
    writeFileSync(join(dir, '.pipeguard.yml'), 'secrets:\n  entropy: high\n')
    const c = capture(dir)
    expect(await run(['scan', '.'], c.io)).toBe(2)
    expect(c.err()).toBe(
      'pipeguard: .pipeguard.yml: secrets.entropy: expected a number, got "high" (line 2)\n'
    )
  })

  it.each([
    [['secrets', '--history', '--staged'], '--history and --staged cannot be used together'],
    [
      ['scan', '--history=HEAD~1..HEAD', '--staged'],
      '--history and --staged cannot be used together'
    ],
    [['scan', '--staged', '--scanners', 'deps,iac'], '--staged applies to the secret scan'],
    [['deps', '--list', '--fail-on', 'low'], '--list and --fail-on cannot be used together'],
    [['deps', '--list', '--base', 'main'], '--list and --base cannot be used together']
  ])('exits 2 on conflicting flags %j, naming both', async (argv, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cli-'))
    const c = capture(dir)
    expect(await run([...argv, '.'], c.io)).toBe(2)
    expect(c.err().split('\n')[0]).toContain(message)
    expect(c.err()).toContain(`Run \`pipeguard ${argv[0]} --help\` for usage.`)
  })

  it('runs each of the flags of a conflicting pair on its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cli-'))
    writeFileSync(join(dir, 'a.txt'), 'nothing here\n')
    execFileSync('git', ['init', '-q', dir])
    for (const argv of [
      ['secrets', '--staged'],
      ['scan', '--staged', '--scanners', 'secrets,iac'],
      ['deps', '--list']
    ]) {
      const c = capture(dir)
      expect(await run([...argv, '.'], c.io)).toBe(0)
      expect(c.err()).toBe('')
    }
  })
  describe('an internal error (here: stdout breaks while help is written)', () => {
    const failingStdout = (err: {text: string}) => ({
      stdout: Object.assign(new Writable(), {
        write: (): boolean => {
          throw new Error('write EPIPE')
        }
      }),
      stderr: new Writable({write: (c, _e, cb) => ((err.text += String(c)), cb())}),
      env: {NO_COLOR: '1'} as NodeJS.ProcessEnv,
      cwd: process.cwd()
    })

    it('is one line without --debug', async () => {
      const err = {text: ''}
      expect(await run(['scan', '--help'], failingStdout(err))).toBe(2)
      expect(err.text).toBe(
        'pipeguard: internal error: write EPIPE (run with --debug for the stack trace)\n'
      )
    })

    it('carries the stack with --debug, wherever it stands before --', async () => {
      for (const argv of [
        ['--debug', 'scan', '--help'],
        ['scan', '--help', '--debug']
      ]) {
        const err = {text: ''}
        expect(await run(argv, failingStdout(err))).toBe(2)
        expect(err.text).toMatch(
          /^pipeguard: internal error: write EPIPE\nError: write EPIPE\n\s+at /
        )
      }
    })

    it('--debug is listed in every command help and is no unknown flag', async () => {
      for (const command of COMMANDS) {
        const c = capture()
        expect(await run([command.name, '--help', '--debug'], c.io)).toBe(0)
        expect(c.out()).toMatch(/--debug\s+on an internal error, print the stack trace too/)
      }
    })
  })
  it('sbom exits 0 when every lockfile is read, 2 (and still writes the SBOM) when one is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeguard-sbom-'))
    try {
      writeFileSync(join(dir, 'requirements.txt'), 'django==4.2.0\n')
      const good = capture(dir)
      expect(await run(['sbom', '.'], good.io)).toBe(0)
      expect(good.out()).toContain('pkg:pypi/django@4.2.0')
      expect(good.err()).toBe('')
      writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3,\n')
      const bad = capture(dir)
      expect(await run(['sbom', '.'], bad.io)).toBe(2)
      expect(bad.out()).toContain('pkg:pypi/django@4.2.0')
      // stderr passes through a stream that hands each line on in the next tick.
      await new Promise(resolve => setImmediate(resolve))
      expect(bad.err()).toContain(
        'pipeguard: the SBOM is incomplete (exit 2): 1 file(s) could not be read\n'
      )
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
