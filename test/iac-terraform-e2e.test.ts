import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {makeWorkspace, randomToken, removeWorkspace} from './helpers/workspace'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')

interface Report {
  findings: Array<{
    ruleId: string
    location: {path: string; startLine: number}
    fingerprint: string
  }>
  errors: Array<{path: string; message: string; scanner?: string}>
}

function iac(dir: string, ...args: string[]) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [cli, 'iac', dir, '--format', 'json', ...args], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
    timeout: 120_000
  })
  const report = (result.stdout ? JSON.parse(result.stdout) : undefined) as Report | undefined
  return {
    code: result.status,
    report,
    stderr: result.stderr,
    seconds: (Date.now() - started) / 1000
  }
}

const at = (r: Report | undefined) =>
  (r?.findings ?? []).map(f => `${f.location.path}:${f.location.startLine} ${f.ruleId}`).sort()

/** A security group whose SSH rule takes its CIDR list from `cidr`. */
const sshGroup = (cidr: string) => `resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ${cidr}
  }
}
`

/** `l_i = [l_(i-1), l_(i-1)]`: 2^n leaves from n lines. */
function exponentialLocals(n: number): string {
  const lines = ['locals {', '  l0 = ["0.0.0.0/0"]']
  for (let i = 1; i <= n; i++) lines.push(`  l${i} = [local.l${i - 1}, local.l${i - 1}]`)
  lines.push(`  cidr = flatten(local.l${n})`, '}')
  return lines.join('\n') + '\n'
}

/** `l_i = [l_(i-1)]` (nest) or `l_i = l_(i-1)` (chain): n levels deep. */
function deepLocals(n: number, mode: 'nest' | 'chain'): string {
  const lines = ['locals {', '  l0 = ["0.0.0.0/0"]']
  for (let i = 1; i <= n; i++)
    lines.push(mode === 'nest' ? `  l${i} = [local.l${i - 1}]` : `  l${i} = local.l${i - 1}`)
  lines.push(`  cidr = flatten(local.l${n})`, '}')
  return lines.join('\n') + '\n'
}

describe('dist/cli.js iac: Terraform evaluation is bounded and fails closed', () => {
  const dirs: string[] = []
  const workspace = (files: Record<string, string>) => {
    const dir = makeWorkspace(files)
    dirs.push(dir)
    return dir
  }
  afterEach(() => dirs.splice(0).forEach(removeWorkspace))

  it('stops exponential locals at the value bound, names the local and does not pass', () => {
    const dir = workspace({
      'infra/locals.tf': exponentialLocals(40),
      'infra/main.tf': sshGroup('local.cidr')
    })
    const run = iac(dir)
    expect(run.seconds).toBeLessThan(30)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/the scan is incomplete \(exit 2\)/)
    expect(run.report!.errors).toContainEqual({
      scanner: 'iac',
      path: 'infra/locals.tf',
      message: expect.stringMatching(
        /^infra\/locals\.tf: local\.l\d+: value exceeds the evaluation bound \(\d+ elements\); results for this file are incomplete$/
      )
    })
    // The group that reads the bounded local is incomplete too, and says so.
    expect(run.report!.errors.map(e => e.path)).toContain('infra/main.tf')
  })

  it('still finds the open SSH rule when the shared locals stay within the bound', () => {
    const locals = exponentialLocals(12)
    const dir = workspace({'infra/main.tf': locals + sshGroup('local.cidr')})
    const run = iac(dir)
    expect(run.code).toBe(1)
    expect(run.report!.errors).toEqual([])
    // 4096 CIDRs, each world-open; cidr_blocks is the 7th line of the group.
    expect(at(run.report)).toContain(`infra/main.tf:${locals.split('\n').length + 6} PG-TF-007`)
  })

  it.each(['nest', 'chain'] as const)(
    'reports locals %sed 20000 deep as an error of the file instead of a crash or a pass',
    mode => {
      const dir = workspace({'infra/main.tf': deepLocals(20000, mode) + sshGroup('local.cidr')})
      const run = iac(dir)
      expect(run.code).toBe(2)
      const messages = run.report!.errors.map(e => `${e.path}: ${e.message}`)
      expect(messages.join('\n')).not.toMatch(/call stack/)
      expect(messages).toContainEqual(
        expect.stringMatching(/^infra\/main\.tf: infra\/main\.tf: local\.l\d+: .*evaluation bound/)
      )
    }
  )

  it('scans 50,000 resources of one file in linear time, suppressions included', () => {
    // Every group carries an unrelated tfsec comment (50,000 comments to match against); every
    // 1000th is open to the world, and every other one of those is suppressed with a reason.
    const parts: string[] = []
    const open: number[] = []
    let line = 1
    for (let i = 0; i < 50_000; i++) {
      const world = i % 1000 === 0
      const suppressed = world && i % 2000 === 0
      parts.push(
        `# tfsec:ignore:aws-ec2-add-description-to-security-group\n` +
          `resource "aws_security_group" "g${i}" {\n` +
          (suppressed ? '  # pipeguard:ignore PG-TF-007 bastion host\n' : '') +
          `  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n` +
          `    cidr_blocks = ["${world ? '0.0.0.0/0' : '10.0.0.0/8'}"]\n  }\n}\n`
      )
      if (world && !suppressed) open.push(line + 6)
      line += suppressed ? 10 : 9
    }
    const dir = workspace({'infra/main.tf': parts.join('')})
    // Above the default 5 MiB file limit: raised so the file is scanned, not skipped.
    writeFileSync(join(dir, '.pipeguard.yml'), 'max-file-size: 20000000\n')
    const run = iac(dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.report!.errors).toEqual([])
    expect(at(run.report)).toEqual(open.map(l => `infra/main.tf:${l} PG-TF-007`).sort())
    expect(open).toHaveLength(25)
  }, 180_000)
})

describe('dist/cli.js iac: Terraform JSON syntax and OpenTofu files', () => {
  const fixtures = join(repo, 'test', 'fixtures', 'iac', 'terraform')

  it('checks .tf.json with the values of terraform.tfvars.json, at the lines of the JSON keys', () => {
    const run = iac(join(fixtures, 'json-syntax'))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.report!.errors).toEqual([])
    expect(at(run.report)).toEqual(
      [
        'network.tf.json:20 PG-TF-007', // cidr_blocks from a local built from the tfvars.json value
        'network.tf.json:26 PG-IAC-HARDENING', // encryption, versioning, logging rolled up
        'network.tf.json:28 PG-TF-001' // "acl": "public-read"
      ].sort()
    )
  })

  it('checks a .tofu file as OpenTofu reads it, in place of the .tf of the same name', () => {
    const run = iac(join(fixtures, 'opentofu'))
    expect(run.code).toBe(1)
    expect(run.report!.errors).toEqual([])
    expect(at(run.report)).toEqual(['db.tofu:5 PG-TF-012'])
  })

  it('reports a broken .tf.json as an error of that file', () => {
    const dir = makeWorkspace({
      'main.tf.json': '{\n  "resource": {\n    "aws_s3_bucket": {"b": {}}\n  ,\n}\n'
    })
    try {
      const run = iac(dir)
      expect(run.code).toBe(2)
      expect(run.report!.errors).toEqual([
        {
          scanner: 'iac',
          path: 'main.tf.json',
          message: 'main.tf.json:5: expected a property name in double quotes, found "}"'
        }
      ])
    } finally {
      removeWorkspace(dir)
    }
  })
})

describe('dist/cli.js iac: fingerprints', () => {
  it('do not hash a literal secret on the line: a secret with the same shown prefix keeps the fingerprint', () => {
    const lambda = (secret: string) =>
      `resource "aws_lambda_function" "api" {\n  function_name = "api"\n  environment {\n    variables = { DB_PASSWORD = "${secret}" }\n  }\n}\n`
    const prefix = randomToken('', 8)
    const secrets = [prefix + randomToken('', 24), prefix + randomToken('', 24)]
    const prints = secrets.map(secret => {
      const dir = makeWorkspace({'main.tf': lambda(secret)})
      try {
        const run = iac(dir)
        expect(run.stderr).toBe('')
        expect(JSON.stringify(run.report)).not.toContain(secret)
        const found = run.report!.findings.filter(f => f.ruleId === 'PG-TF-028')
        expect(found.map(f => f.location.startLine)).toEqual([4])
        return found[0]!.fingerprint
      } finally {
        removeWorkspace(dir)
      }
    })
    expect(prints[1]).toBe(prints[0])
  })
})
