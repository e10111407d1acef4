import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {makeWorkspace, randomToken} from './helpers/workspace'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')

function pipeguard(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('an incomplete scan never reads as clean (dist/cli.js)', () => {
  const broken = 'resource "aws_s3_bucket" "b" {\n  bucket = \n'

  it('a file that cannot be parsed exits 2 in every format and says why', () => {
    const root = makeWorkspace({'infra/broken.tf': broken, 'README.md': '# app\n'})
    const json = pipeguard(['iac', root, '--format', 'json'])
    expect(json.code).toBe(2)
    const report = JSON.parse(json.stdout)
    expect(report.findings).toEqual([])
    expect(report.errors).toEqual([
      expect.objectContaining({path: 'infra/broken.tf', scanner: 'iac'})
    ])
    expect(report.summary).toMatchObject({exitCode: 2, errors: 1})
    expect(report.summary.incomplete).toEqual([expect.stringContaining('IaC')])
    expect(report.scanners).toEqual([expect.objectContaining({id: 'iac', status: 'partial'})])
    expect(json.stderr).toContain('the scan is incomplete (exit 2)')

    const table = pipeguard(['iac', root])
    expect(table.code).toBe(2)
    expect(table.stdout).toContain('infra/broken.tf')
    expect(table.stdout).toContain('✖ scan incomplete')
    expect(table.stdout).not.toContain('no findings')

    const markdown = pipeguard(['iac', root, '--format', 'markdown'])
    expect(markdown.stdout).toContain('The scan is incomplete')
    expect(markdown.stdout).not.toContain('No findings.')

    const sarif = JSON.parse(pipeguard(['iac', root, '--format', 'sarif']).stdout)
    expect(sarif.runs[0].invocations[0]).toMatchObject({executionSuccessful: false})
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].locations).toEqual([
      expect.objectContaining({
        physicalLocation: expect.objectContaining({
          artifactLocation: expect.objectContaining({uri: 'infra/broken.tf'})
        })
      })
    ])
  })

  it('audit mode forgives findings, not an incomplete scan', () => {
    const root = makeWorkspace({'infra/broken.tf': broken})
    expect(pipeguard(['iac', root, '--mode', 'audit']).code).toBe(2)
  })

  it('an excluded file (with a reason) is not scanned and the scan is complete', () => {
    const root = makeWorkspace({
      'infra/broken.tf': broken,
      '.pipeguard.yml':
        'exclude:\n  - path: infra/broken.tf\n    reason: a template rendered at deploy time\n'
    })
    const run = pipeguard(['iac', root, '--format', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).summary.incomplete).toEqual([])
  })

  it('an unreachable advisory source fails the dependency audit and keeps the secret findings', () => {
    const token = randomToken('ghp_', 36)
    const root = makeWorkspace({
      'config.env': `GITHUB_TOKEN=${token}\n`,
      'package-lock.json': JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': {name: 'app'},
          'node_modules/lodash': {version: '4.17.15'}
        }
      })
    })
    const run = pipeguard([
      'scan',
      root,
      '--scanners',
      'secrets,deps',
      '--osv-url',
      'http://127.0.0.1:9',
      '--format',
      'json'
    ])
    expect(run.code).toBe(2)
    const report = JSON.parse(run.stdout)
    expect(report.findings.map((f: {scanner: string}) => f.scanner)).toEqual(['secrets'])
    expect(report.scanners).toEqual([
      expect.objectContaining({id: 'secrets', status: 'ok'}),
      expect.objectContaining({id: 'dependencies', status: 'failed'})
    ])
    expect(run.stdout).not.toContain(token)
    expect(run.stderr).toContain('Dependency audit did not run')
    // One line on stderr that says how to go on without network.
    const hint = run.stderr.split('\n').filter(line => line.includes('--advisory-db DIR'))
    expect(hint).toHaveLength(1)
    expect(hint[0]).toContain('--scanners secrets,iac')
  })

  it('every report says how many rules ran, so a config that turns them all off is visible', () => {
    const plain = JSON.parse(
      pipeguard(['secrets', makeWorkspace({'a.txt': 'x\n'}), '--format', 'json']).stdout
    )
    expect(plain.scanners[0].rulesRun).toBeGreaterThan(200)
    const replaced = makeWorkspace({
      'a.txt': 'x\n',
      '.gitleaks.toml': "[[rules]]\nid = \"acme\"\nregex = '''acme_[a-z0-9]{32}'''\n"
    })
    const run = JSON.parse(pipeguard(['secrets', replaced, '--format', 'json']).stdout)
    expect(run.scanners[0].rulesRun).toBe(1)
    expect(run.scanners[0].notes.join('\n')).toMatch(
      /built-in rule\(s\) do not run: \.gitleaks\.toml replaces them/
    )
    const markdown = pipeguard(['secrets', replaced, '--format', 'markdown']).stdout
    expect(markdown).toContain('.gitleaks.toml replaces them')
  })
})
