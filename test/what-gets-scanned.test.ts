import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {REPO_ROOT, type ActionRun} from './helpers/run-action'
import {
  commitAll,
  initRepo,
  makeWorkspace,
  pullRequestEvent,
  randomToken,
  removeWorkspace,
  writeFiles
} from './helpers/workspace'
import {useActionHarness} from './helpers/action-harness'

const cli = join(REPO_ROOT, 'dist', 'cli.js')

interface Report {
  findings: Array<{scanner: string; ruleId: string; location: {path: string; startLine: number}}>
  errors: Array<{path: string; message: string}>
  skipped: Array<{path: string; reason: string; error?: boolean}>
}

function pipeguard(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function jsonRun(args: string[]): {code: number | null; report: Report; stdout: string} {
  const run = pipeguard([...args, '--format', 'json'])
  expect(run.stderr).toBe('')
  return {code: run.code, report: JSON.parse(run.stdout) as Report, stdout: run.stdout}
}

const places = (report: Report): string[] =>
  report.findings.map(f => `${f.scanner}:${f.location.path}:${f.location.startLine}`).sort()

// An ingress open to the world on port 22: the IaC rule PG-TF-007.
const OPEN_SG =
  'resource "aws_security_group" "sg" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n' +
  '    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])

/** A text file of about `bytes` with `line` as its last line. */
const bigText = (bytes: number, line: string): string =>
  `${'# filler line of a generated dump\n'.repeat(Math.ceil(bytes / 34))}${line}\n`

describe('dist/cli.js: what gets scanned', () => {
  const dirs: string[] = []
  const dir = (files: Record<string, string>): string => {
    const d = makeWorkspace(files)
    dirs.push(d)
    return d
  }
  afterEach(() => dirs.splice(0).forEach(removeWorkspace))

  it('decides by content: a text .dat is scanned, a PNG is binary, a zip is listed as not opened', () => {
    const secret = randomToken('ghp_', 36)
    const root = dir({'data/notes.dat': `TOKEN=${secret}\n`, 'img/fake.png': 'just text\n'})
    writeFileSync(join(root, 'img', 'logo.png'), PNG)
    writeFileSync(join(root, 'vendor.zip'), Buffer.from(`PK\x03\x04TOKEN=${secret}`, 'latin1'))
    const {code, report, stdout} = jsonRun(['secrets', root])
    expect(code).toBe(1)
    expect(places(report)).toEqual(['secrets:data/notes.dat:1'])
    expect(report.skipped).toEqual([
      {path: 'img/logo.png', reason: 'binary file (PNG image)'},
      {path: 'vendor.zip', reason: 'zip archive: not opened'}
    ])
    expect(stdout).not.toContain(secret)
  })

  it('an unrendered Helm template is listed as skipped with the reason; a rendered manifest is scanned', () => {
    const template =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.n }}\n'
    const root = dir({
      'chart/templates/deployment.yaml': template,
      'rendered/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n'
    })
    const {code, report} = jsonRun(['iac', root])
    // A skip by design is not an error: the scan is complete.
    expect(code).toBe(0)
    expect(report.findings.length).toBeGreaterThan(0)
    expect(report.skipped).toEqual([
      {
        path: 'chart/templates/deployment.yaml',
        reason: 'Helm template: not rendered; scan `helm template` output'
      }
    ])
    expect(new Set(report.findings.map(f => f.location.path))).toEqual(
      new Set(['rendered/pod.yaml'])
    )
    const table = pipeguard(['iac', root])
    expect(table.stdout).toContain(
      '1 file(s) skipped (binary, too large, symlinks, unrendered Helm templates)'
    )
  })

  it('reports a Terraform file named net\\sg.tf at its real name', () => {
    const root = dir({'net\\sg.tf': OPEN_SG})
    const {code, report} = jsonRun(['iac', root])
    expect(code).toBe(1)
    expect(report.findings.map(f => f.location.path)).toEqual(['net\\sg.tf'])
  })

  it('--history reports files with spaces, quotes and tabs in their names exactly', () => {
    const root = dir({'README.md': '# app\n'})
    initRepo(root)
    const names = ['a b.env', 'q"uo\tted.env']
    writeFiles(root, Object.fromEntries(names.map(n => [n, `T=${randomToken('ghp_', 36)}\n`])))
    commitAll(root, 'tokens')
    const {code, report} = jsonRun(['secrets', root, '--history'])
    expect(code).toBe(1)
    expect(report.findings.map(f => f.location.path).sort()).toEqual(names)
  })

  it('a text file over max-file-size: secrets finds the secret in it, iac reports it as an error', () => {
    const secret = randomToken('ghp_', 36)
    const root = dir({
      '.pipeguard.yml': 'max-file-size: 4096\n',
      'db/dump.sql': bigText(5 * 1024 * 1024, `-- TOKEN=${secret}`),
      'infra/big.tf': `${OPEN_SG}${'# padding\n'.repeat(500)}`
    })
    const secrets = jsonRun(['secrets', root])
    expect(secrets.code).toBe(1)
    expect(places(secrets.report)).toEqual([
      `secrets:db/dump.sql:${Math.ceil((5 * 1024 * 1024) / 34) + 1}`
    ])
    expect(secrets.stdout).not.toContain(secret)
    const iacRun = pipeguard(['iac', root, '--format', 'json'])
    expect(iacRun.code).toBe(2)
    expect(iacRun.stderr).toBe(
      'pipeguard: the scan is incomplete (exit 2): 1 file(s) could not be scanned\n'
    )
    const iac = {report: JSON.parse(iacRun.stdout) as Report}
    const sarif = JSON.parse(pipeguard(['iac', root, '--format', 'sarif']).stdout)
    expect(sarif.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [
        expect.objectContaining({
          level: 'error',
          message: {text: expect.stringContaining('larger than the max-file-size limit')}
        })
      ]
    })
    expect(iac.report.skipped).toEqual([
      {
        path: 'infra/big.tf',
        reason:
          'larger than the max-file-size limit of 4 KiB (5.0 KiB): not checked; raise max-file-size in the config to check it',
        error: true
      }
    ])
  })

  it('an empty or inverted --history range is exit 2 with a message naming it', () => {
    const root = dir({'a.txt': 'a\n'})
    initRepo(root)
    writeFiles(root, {'b.txt': 'b\n'})
    commitAll(root, 'second')
    for (const [range, message] of <Array<[string, string]>>[
      ['..HEAD', '--history range "..HEAD": the base is missing'],
      ['main...main', '--history range "main...main" contains no commits'],
      ['HEAD..HEAD~1', '--history range "HEAD..HEAD~1" contains no commits']
    ]) {
      const run = pipeguard(['secrets', root, `--history=${range}`, '--format', 'json'])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(message)
      expect(JSON.parse(run.stdout).scanners).toEqual([
        expect.objectContaining({status: 'failed', reasons: [expect.stringContaining(message)]})
      ])
    }
    expect(pipeguard(['secrets', root, '--history=HEAD~1..HEAD']).code).toBe(0)
  })
})

describe('actions on a pull request: real paths and size limits', () => {
  const h = useActionHarness({'README.md': '# app\n'})
  /** Commits `files` on top of a base commit and returns the pull_request event for the change. */
  const pullRequest = (files: Record<string, string>, base: Record<string, string> = {}) => {
    writeFiles(h.workspace, base)
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, files)
    const headSha = commitAll(h.workspace, 'change')
    return pullRequestEvent(9, {baseSha, headSha})
  }
  const run = async (
    action: string,
    event: unknown,
    inputs: Record<string, string> = {}
  ): Promise<ActionRun> => {
    return h.run({
      action,
      eventName: event ? 'pull_request' : 'schedule',
      event: event ?? {},
      sha: 'e'.repeat(40),
      inputs
    })
  }

  it('iac-lint: net\\sg.tf added in the PR blocks, the diff filter matching its real name', async () => {
    const result = await run('iac-lint', pullRequest({'net\\sg.tf': OPEN_SG}))
    expect(result.exitCode).toBe(1)
    expect(result.outputs.blocking).toBe('1')
    expect(result.stdout).toMatch(/^::error title=.*file=net\\sg\.tf,line=/m)
  })

  it('secret-scan with path: scans only that subtree of the PR commits, at repository paths', async () => {
    const event = pullRequest({
      'svc/a b.env': `T=${randomToken('ghp_', 36)}\n`,
      'other/b.env': `T=${randomToken('ghp_', 36)}\n`
    })
    const result = await run('secret-scan', event, {path: 'svc'})
    expect(result.exitCode).toBe(1)
    expect(result.outputs.findings).toBe('1')
    expect(result.stdout).toMatch(/^::error title=.*file=svc\/a b\.env,line=1/m)
    expect(result.stdout).not.toContain('other/b.env')
  })

  it('root action: an oversize file added in a PR, or in the tree, never passes silently', async () => {
    const secret = randomToken('ghp_', 36)
    const event = pullRequest(
      {
        'db/dump.sql': bigText(64 * 1024, `-- TOKEN=${secret}`),
        'infra/big.tf': `${OPEN_SG}${'# padding\n'.repeat(500)}`
      },
      {'.pipeguard.yml': 'max-file-size: 4096\n'}
    )
    for (const pr of [event, undefined]) {
      const result = await run('pipeguard', pr, {scanners: 'secrets,iac'})
      expect(result.exitCode).toBe(1)
      const report = JSON.parse(result.files['pipeguard-pipeguard.json']!) as Report
      expect(places(report).filter(p => p.startsWith('secrets:'))).toEqual([
        `secrets:db/dump.sql:${Math.ceil((64 * 1024) / 34) + 1}`
      ])
      expect(report.skipped).toContainEqual(
        expect.objectContaining({path: 'infra/big.tf', error: true})
      )
      // `::add-mask::` lines are consumed by the runner: that is how the secret gets masked.
      const shown = result.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
      expect(shown).not.toContain(secret)
      expect(JSON.stringify(result.files)).not.toContain(secret)
    }
  })
})
