import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {useActionHarness} from './helpers/action-harness'
import {REPO_ROOT, type ActionRun} from './helpers/run-action'
import {
  commitAll,
  git,
  initRepo,
  pullRequestEvent,
  randomToken,
  writeFiles
} from './helpers/workspace'

/** Every action runs with `path: services/orders`; every path it shows must be a repository path. */
const ROOT = 'services/orders'
const OSV_DIR = join(REPO_ROOT, 'test', 'fixtures', 'advisories', 'osv')
const OPEN_SG =
  'resource "aws_security_group" "sg" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n' +
  '    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'

/** Another open resource: not a copy of OPEN_SG, so its finding is its own. */
const OPEN_RDP = OPEN_SG.replace('"sg"', '"admin"').replace(/= 22/g, '= 3389')

/** package.json + package-lock.json (v3) with one direct dependency, lodash at `version`. */
function lockfiles(dir: string, version: string): Record<string, string> {
  const manifest = {name: 'orders', version: '1.0.0', dependencies: {lodash: '*'}}
  const packages = {
    '': manifest,
    'node_modules/lodash': {
      version,
      resolved: `https://registry.npmjs.org/lodash/-/lodash-${version}.tgz`,
      integrity: 'sha512-AAAA'
    }
  }
  return {
    [`${dir}/package.json`]: JSON.stringify(manifest, null, 2) + '\n',
    [`${dir}/package-lock.json`]:
      JSON.stringify(
        {name: 'orders', version: '1.0.0', lockfileVersion: 3, requires: true, packages},
        null,
        2
      ) + '\n'
  }
}

interface Sarif {
  runs: Array<{
    results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>
    originalUriBaseIds?: unknown
  }>
}
interface Report {
  findings: Array<{scanner: string; status: string; location: {path: string}}>
}

/** The `file=` of every annotation workflow command the step printed. */
function annotatedFiles(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter(line => /^::(error|warning|notice) /.test(line))
    .flatMap(line => /[ ,]file=([^,:]+)/.exec(line)?.[1] ?? [])
}

function sarifUris(run: ActionRun, actionId: string): string[] {
  const sarif = JSON.parse(run.files[`pipeguard-${actionId}.sarif`]!) as Sarif
  for (const r of sarif.runs) expect(r.originalUriBaseIds).toBeUndefined()
  return sarif.runs.flatMap(r =>
    r.results.flatMap(result => result.locations.map(l => l.physicalLocation.artifactLocation.uri))
  )
}

describe(`every action with path: ${ROOT} on a pull request in a monorepo`, () => {
  const h = useActionHarness({'README.md': '# monorepo\n'})
  /**
   * Base: an open security group already in the service (outside the diff) and findings in another
   * service. The PR adds a secret, a new open security group and a vulnerable lodash to the service,
   * in two commits: the first adds a secret the second removes again (only history can see it).
   */
  const pullRequest = (): {event: unknown; headSha: string} => {
    writeFiles(h.workspace, {
      ...lockfiles(ROOT, '4.17.21'),
      [`${ROOT}/infra/old.tf`]: OPEN_RDP,
      'services/billing/infra/sg.tf': OPEN_SG
    })
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, {[`${ROOT}/config/dropped.env`]: `T=${randomToken('ghp_', 36)}\n`})
    commitAll(h.workspace, 'add a token')
    git(h.workspace, 'rm', '-q', `${ROOT}/config/dropped.env`)
    writeFiles(h.workspace, {
      ...lockfiles(ROOT, '4.17.15'),
      [`${ROOT}/config/app.env`]: Array.from(
        {length: 12},
        (_, i) => `TOKEN_${i}=${randomToken('ghp_', 36)}\n`
      ).join(''),
      [`${ROOT}/infra/sg.tf`]: OPEN_SG,
      'services/billing/.env': `T=${randomToken('ghp_', 36)}\n`
    })
    const headSha = commitAll(h.workspace, 'change')
    return {event: pullRequestEvent(12, {baseSha: baseSha, headSha}), headSha}
  }

  const run = async (action: string, inputs: Record<string, string> = {}) => {
    const {event, headSha} = pullRequest()
    const result = await h.run({
      action,
      eventName: 'pull_request',
      event,
      sha: headSha,
      inputs: {path: ROOT, 'advisory-db': OSV_DIR, ...inputs}
    })
    return {result, headSha}
  }

  /** Paths in every sink: annotations, check run, comment links, summary and SARIF. */
  const expectRepoPaths = (
    result: ActionRun,
    actionId: string,
    headSha: string,
    files: string[]
  ): void => {
    const shown = [
      ...annotatedFiles(result),
      ...h.server.checkRuns.flatMap(r => r.annotations.map(a => (a as {path: string}).path)),
      ...sarifUris(result, actionId)
    ]
    expect(shown.length).toBeGreaterThan(0)
    for (const path of shown) expect(path).toMatch(/^services\/orders\/(?!services\/)/)
    for (const file of files) expect(shown).toContain(file)
    const body = h.server.comments[0]?.body ?? ''
    for (const file of files) {
      expect(body).toContain(`https://github.com/acme/app/blob/${headSha}/${file}#L`)
      expect(result.summary).toContain(`${file}:`)
    }
    expect(body + result.summary).not.toContain('services/orders/services/')
    expect(body + result.summary + result.stdout).not.toContain('services/billing')
  }

  it('secret-scan (history of the PR commits): repository paths once, and the check run too', async () => {
    const {result, headSha} = await run('secret-scan')
    expect(result.exitCode).toBe(1)
    // 12 tokens and the dropped one only history sees: 10 annotations, 3 on the check run.
    expect(result.outputs.findings).toBe('13')
    expect(h.server.checkRuns[0]?.annotations).toHaveLength(3)
    expectRepoPaths(result, 'secret-scan', headSha, [
      `${ROOT}/config/app.env`,
      `${ROOT}/config/dropped.env`
    ])
  })

  it('dependency-audit: the lockfile at its repository path, in scope of the diff', async () => {
    const {result, headSha} = await run('dependency-audit')
    expect(result.exitCode).toBe(1)
    expectRepoPaths(result, 'dependency-audit', headSha, [`${ROOT}/package-lock.json`])
  })

  it('iac-lint: the diff filter maps paths (new file blocks, the old one is outside the diff)', async () => {
    const {result, headSha} = await run('iac-lint')
    expect(result.exitCode).toBe(1)
    const report = JSON.parse(result.files['pipeguard-iac-lint.json']!) as Report
    const statuses = (path: string) =>
      new Set(report.findings.filter(f => f.location.path === path).map(f => f.status))
    expect(statuses('infra/sg.tf')).toEqual(new Set(['new']))
    expect(statuses('infra/old.tf')).toEqual(new Set(['filtered']))
    expectRepoPaths(result, 'iac-lint', headSha, [`${ROOT}/infra/sg.tf`])
    expect(sarifUris(result, 'iac-lint')).toContain(`${ROOT}/infra/old.tf`)
  })

  it('root action: one combined comment with every scanner at repository paths', async () => {
    const {result, headSha} = await run('pipeguard')
    expect(result.exitCode).toBe(1)
    expect(h.server.comments).toHaveLength(1)
    expectRepoPaths(result, 'pipeguard', headSha, [
      `${ROOT}/config/app.env`,
      `${ROOT}/package-lock.json`,
      `${ROOT}/infra/sg.tf`
    ])
  })

  it('sbom: the dependency snapshot names the lockfile at its repository path', async () => {
    const {event, headSha} = pullRequest()
    const result = await h.run({
      action: 'sbom',
      eventName: 'pull_request',
      event,
      sha: headSha,
      inputs: {path: ROOT, submit: 'true', 'upload-artifact': 'false', output: 'out/sbom.cdx.json'}
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({components: '1', errors: '0', incomplete: 'false'})
    const [snapshot] = h.server.requestsTo('POST', '/repos/acme/app/dependency-graph/snapshots')
    const manifests = (snapshot!.body as {manifests: Record<string, unknown>}).manifests
    expect(manifests).toEqual({
      [`${ROOT}/package-lock.json`]: expect.objectContaining({
        name: `${ROOT}/package-lock.json`,
        file: {source_location: `${ROOT}/package-lock.json`}
      })
    })
    const sbom = JSON.parse(readFileSync(join(h.workspace, 'out', 'sbom.cdx.json'), 'utf8')) as {
      components: Array<{name: string; version: string}>
    }
    expect(sbom.components.map(c => `${c.name}@${c.version}`)).toEqual(['lodash@4.17.15'])
    expect(result.summary).toContain('1 component(s).')
    expect(result.summary).toContain('`out/sbom.cdx.json`')
    expect(result.summary).toContain('Dependency changes in this pull request')
  })
})

describe(`a scheduled run with path: ${ROOT}`, () => {
  const h = useActionHarness({
    [`${ROOT}/infra/sg.tf`]: OPEN_SG,
    'services/billing/infra/sg.tf': OPEN_SG
  })

  it('iac-lint: the tracking issue links the repository path', async () => {
    const sha = 'd'.repeat(40)
    const result = await h.run({
      action: 'iac-lint',
      eventName: 'schedule',
      sha,
      inputs: {path: ROOT}
    })
    expect(result.exitCode).toBe(1)
    expect(h.server.issues).toHaveLength(1)
    const body = h.server.issues[0]!.body
    expect(body).toContain(`https://github.com/acme/app/blob/${sha}/${ROOT}/infra/sg.tf#L`)
    expect(body).not.toContain('services/billing')
    expect(body).not.toContain(`${ROOT}/${ROOT}`)
  })
})

describe(`a committed ${ROOT}/.pipeguard-baseline.json, as the CLI reads it`, () => {
  const h = useActionHarness({'README.md': '# monorepo\n'})
  const cli = join(REPO_ROOT, 'dist', 'cli.js')

  /** Findings of every scanner in the service, recorded by `pipeguard baseline` and committed. */
  const committedBaseline = (): void => {
    writeFiles(h.workspace, {
      ...lockfiles(ROOT, '4.17.15'),
      [`${ROOT}/config/app.env`]: `TOKEN=${randomToken('ghp_', 36)}\n`,
      [`${ROOT}/infra/old.tf`]: OPEN_SG
    })
    const recorded = spawnSync(
      process.execPath,
      [cli, 'baseline', ROOT, '--advisory-db', OSV_DIR],
      {cwd: h.workspace, encoding: 'utf8'}
    )
    expect(recorded.stdout).toContain(`in ${join(h.workspace, ROOT, '.pipeguard-baseline.json')}`)
    expect(recorded.status).toBe(0)
    initRepo(h.workspace)
  }

  it.each([
    ['secret-scan', `${ROOT}/config/new.env`, `TOKEN=${randomToken('ghp_', 36)}\n`],
    ['dependency-audit', 'services/orders/package-lock.json', ''],
    ['iac-lint', `${ROOT}/infra/new.tf`, OPEN_RDP],
    ['pipeguard', `${ROOT}/infra/new.tf`, OPEN_RDP]
  ])(
    '%s: baseline findings pass as existing; a new finding still blocks',
    async (action, file, text) => {
      committedBaseline()
      const run = () =>
        h.run({action, inputs: {path: ROOT, 'advisory-db': OSV_DIR}, eventName: 'push'})
      const before = await run()
      const report = JSON.parse(before.files[`pipeguard-${action}.json`]!) as Report
      expect(report.findings.length).toBeGreaterThan(0)
      expect(new Set(report.findings.map(f => f.status))).toEqual(new Set(['existing']))
      expect(before.outputs.blocking).toBe('0')
      expect(before.exitCode).toBe(0)
      expect(before.summary).toMatch(
        /Already there before this change: \d+ in the baseline\. Listed below, they do not block\./
      )

      if (action === 'dependency-audit') {
        // A second vulnerable package: lodash stays recorded, minimist is new.
        const lock = JSON.parse(readFileSync(join(h.workspace, file), 'utf8')) as {
          packages: Record<string, unknown>
        }
        lock.packages['node_modules/minimist'] = {
          version: '1.2.5',
          resolved: 'https://registry.npmjs.org/minimist/-/minimist-1.2.5.tgz',
          integrity: 'sha512-AAAA'
        }
        writeFiles(h.workspace, {[file]: JSON.stringify(lock, null, 2) + '\n'})
      } else {
        writeFiles(h.workspace, {[file]: text})
      }
      const after = await run()
      expect(after.exitCode).toBe(1)
      const again = JSON.parse(after.files[`pipeguard-${action}.json`]!) as Report
      expect(again.findings.filter(f => f.status === 'existing')).toHaveLength(
        report.findings.length
      )
      expect(again.findings.some(f => f.status === 'new')).toBe(true)
    }
  )
})

describe('path: that is not a directory of the checkout, and an unreadable lockfile in the SBOM', () => {
  const h = useActionHarness({'services/orders/README.md': '# orders\n'})

  it.each(['secret-scan', 'dependency-audit', 'iac-lint', 'sbom', 'pipeguard'])(
    '%s: path: nope says so in one line and fails the step',
    async action => {
      const result = await h.run({action, inputs: {path: 'services/nope'}})
      expect(result.exitCode).toBe(1)
      const errors = result.stdout.split('\n').filter(line => line.startsWith('::error'))
      expect(errors).toEqual([
        `::error::pipeguard: input "path": "services/nope" does not exist in the repository (${h.workspace})`
      ])
      expect(result.stdout).not.toContain('internal error')
    }
  )

  it('sbom: a lockfile it cannot read is annotated at its repository path and fails the step', async () => {
    writeFiles(h.workspace, {
      ...lockfiles(ROOT, '4.17.21'),
      [`${ROOT}/web/package-lock.json`]: '{"lockfileVersion": 3, "packages": {\n'
    })
    const result = await h.run({
      action: 'sbom',
      inputs: {path: ROOT, 'upload-artifact': 'false', submit: 'false'}
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({components: '1', errors: '1', incomplete: 'true'})
    expect(annotatedFiles(result)).toEqual([`${ROOT}/web/package-lock.json`])
    expect(result.stdout).toMatch(/^::error::pipeguard: the SBOM is incomplete: 1 file\(s\)/m)
    expect(result.summary).toContain('**The SBOM is incomplete**: 1 file(s) could not be read.')
    expect(result.summary).toContain(`\`${ROOT}/web/package-lock.json\`: `)
    expect(readFileSync(join(h.workspace, 'sbom.cdx.json'), 'utf8')).toContain('lodash')
  })
})
