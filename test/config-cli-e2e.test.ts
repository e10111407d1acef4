import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')

function pipeguard(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
    timeout: 30000
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A folder with one harmless file and the given `.pipeguard.yml`. */
function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-config-e2e-'))
  writeFileSync(join(dir, 'README.md'), '# app\n')
  writeFileSync(join(dir, '.pipeguard.yml'), config)
  return dir
}

/** Exit 2 with exactly one line on stderr, no stack trace, nothing on stdout. */
function expectConfigError(run: ReturnType<typeof pipeguard>, line: string): void {
  expect(run).toEqual({code: 2, stdout: '', stderr: `pipeguard: ${line}\n`})
}

describe('dist/cli.js: a config cannot switch the gate off without a reason', () => {
  it('refuses allowlists and exclusions that give no reason', () => {
    expectConfigError(
      pipeguard(['secrets', '.'], project('secrets:\n  allow-paths: ["**"]\n')),
      '.pipeguard.yml: secrets.allow-paths[0]: "**" needs a reason: write it as {path: "**", reason: ...} (line 2)'
    )
    expectConfigError(
      pipeguard(['scan', '.'], project('exclude: "**"\n')),
      '.pipeguard.yml: exclude: "**" needs a reason: write it as a list entry {path: "**", reason: ...} (line 1)'
    )
    expectConfigError(
      pipeguard(
        ['iac', '.'],
        project('iac:\n  skip-checks:\n    - id: PG-TF-001\n      reason: " "\n')
      ),
      '.pipeguard.yml: iac.skip-checks[0].reason: a reason must not be blank: say why (line 4)'
    )
  })

  it('runs with the same allowlist once it has a reason', () => {
    const run = pipeguard(
      ['secrets', '.', '--format', 'json'],
      project('secrets:\n  allow-paths:\n    - path: "**"\n      reason: a test of the schema\n')
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('says in the report how many rules run, and that a .gitleaks.toml without useDefault replaced the built-in ones', () => {
    const dir = project('fail-on: high\n')
    const plain = pipeguard(['secrets', '.'], dir)
    expect(plain.code).toBe(0)
    expect(plain.stdout).toMatch(/^ {2}\d{3} rule\(s\) run \(built in\)$/m)
    const builtIn = Number(/^ {2}(\d+) rule\(s\) run/m.exec(plain.stdout)![1])

    writeFileSync(
      join(dir, '.gitleaks.toml'),
      `[[rules]]\nid = "team-token"\nregex = '''team_[a-z0-9]{32}'''\nkeywords = ["team_"]\n`
    )
    const replaced = pipeguard(['secrets', '.'], dir)
    expect(replaced.code).toBe(0)
    expect(replaced.stdout).toContain('  1 rule(s) run (from .gitleaks.toml)\n')
    expect(replaced.stdout).toContain(
      `  ${builtIn} built-in rule(s) do not run: .gitleaks.toml replaces them (it does not set [extend] useDefault = true)\n`
    )
  })

  it('refuses an impossible expiry date', () => {
    expectConfigError(
      pipeguard(
        ['scan', '.'],
        project('ignore:\n  - rule: github-pat\n    reason: rotated\n    expires: 2099-02-30\n')
      ),
      '.pipeguard.yml: ignore[0].expires: "2099-02-30" is not a date of the calendar (line 4)'
    )
  })

  it('refuses an alias bomb with a one-line config error, quickly', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i <= 9; i++)
      lines.push(
        `b${i}: &b${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`
      )
    const started = Date.now()
    expectConfigError(
      pipeguard(['scan', '.'], project(lines.join('\n') + '\n')),
      '.pipeguard.yml:5: too many alias expansions (limit 10000 values): aliases of aliases multiply'
    )
    expect(Date.now() - started).toBeLessThan(10000)
  })

  it('refuses conflicting flags, naming both', () => {
    const dir = project('fail-on: high\n')
    const run = pipeguard(['secrets', '.', '--history', '--staged'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'pipeguard secrets: --history and --staged cannot be used together: the secret scan reads either the git history or the staged changes\n' +
        'Run `pipeguard secrets --help` for usage.\n'
    )
  })
})
