import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from '@jest/globals'
import {
  startFakeOsvServer,
  type FakeOsvServer
} from '../packages/advisories/__tests__/fake-osv-server'
import {allOsvTexts} from '../packages/advisories/__tests__/osv-fixtures'
import {FakeGitHub} from './helpers/fake-github'
import {removeRun, runAction, type ActionRun, type RunActionOptions} from './helpers/run-action'
import {
  commitAll,
  git,
  initRepo,
  makeWorkspace,
  pullRequestEvent,
  randomToken,
  removeWorkspace,
  writeFiles
} from './helpers/workspace'

/** package.json + package-lock.json (v3) with these direct dependencies. */
function lockfiles(deps: Record<string, string>): Record<string, string> {
  const ranges = Object.fromEntries(Object.keys(deps).map(name => [name, '*']))
  const packages: Record<string, unknown> = {
    '': {name: 'app', version: '1.0.0', dependencies: ranges}
  }
  for (const [name, version] of Object.entries(deps)) {
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: 'sha512-AAAA'
    }
  }
  return {
    'package.json':
      JSON.stringify({name: 'app', version: '1.0.0', dependencies: ranges}, null, 2) + '\n',
    'package-lock.json':
      JSON.stringify(
        {name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages},
        null,
        2
      ) + '\n'
  }
}

describe('dependency-audit action (dist/dependency-audit/index.js) against fake GitHub and OSV APIs', () => {
  let github: FakeGitHub
  let osv: FakeOsvServer
  let workspace: string
  const runs: ActionRun[] = []
  beforeAll(async () => {
    osv = await startFakeOsvServer([...allOsvTexts().values()].map(text => JSON.parse(text)))
  })
  afterAll(() => osv.close())
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    workspace = makeWorkspace(lockfiles({lodash: '4.17.15'}))
  })
  afterEach(async () => {
    await github.close()
    removeWorkspace(workspace)
    runs.splice(0).forEach(removeRun)
  })

  /** A PR whose head changes the lockfiles to `deps` on top of the base (lodash 4.17.15, vulnerable). */
  const pullRequest = async (
    deps: Record<string, string>,
    extra: Partial<RunActionOptions> = {}
  ): Promise<ActionRun> => {
    const baseSha = initRepo(workspace)
    writeFiles(workspace, lockfiles(deps))
    const headSha = commitAll(workspace, 'change dependencies')
    const result = await runAction({
      action: 'dependency-audit',
      workspace,
      apiUrl: github.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, {baseSha, headSha}),
      sha: 'e'.repeat(40),
      inputs: {'osv-url': osv.url, 'fail-on': 'high'},
      ...extra
    })
    runs.push(result)
    return result
  }

  it('blocks a pull request that adds a vulnerable package', async () => {
    const result = await pullRequest({lodash: '4.17.15', minimist: '1.2.0'})
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({blocking: '1', findings: '2'})
    const report = JSON.parse(result.files['pipeguard-dependency-audit.json']!) as {
      findings: Array<{ruleId: string; status: string}>
    }
    expect(report.findings.map(f => `${f.ruleId} ${f.status}`).sort()).toEqual([
      'GHSA-35jh-r3h4-6jhm existing',
      'GHSA-xvch-5gv4-984h new'
    ])
    expect(osv.requests.some(r => r.path === '/v1/querybatch')).toBe(true)
    const comment = github.comments.at(-1)
    expect(comment?.body).toContain('GHSA-xvch-5gv4-984h')
  })

  it('does not block a pull request that only keeps an existing vulnerable package', async () => {
    const result = await pullRequest({lodash: '4.17.15', 'left-pad': '1.3.0'})
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({blocking: '0', findings: '1'})
  })

  it('comments introduced (blocking first), fixed and still-present vulnerabilities in separate sections', async () => {
    // Base: lodash 4.17.15 and rollup 2.71.1, both vulnerable. The PR keeps lodash, upgrades
    // rollup to 2.79.2 (fixes GHSA-gcx4-mw62-g8wm) and adds minimist 1.2.0 (GHSA-xvch-5gv4-984h).
    writeFiles(workspace, lockfiles({lodash: '4.17.15', rollup: '2.71.1'}))
    const result = await pullRequest({lodash: '4.17.15', rollup: '2.79.2', minimist: '1.2.0'})
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({blocking: '1', findings: '2'})
    const body = github.comments.at(-1)?.body ?? ''
    const introduced = body.indexOf('#### Dependency audit: introduced by this pull request')
    const fixed = body.indexOf('#### Dependency audit: fixed by this pull request')
    const present = body.indexOf(
      '#### Dependency audit: still present (already on the base branch)'
    )
    expect([introduced, fixed, present].every(i => i >= 0)).toBe(true)
    expect(introduced).toBeLessThan(fixed)
    expect(fixed).toBeLessThan(present)
    const section = (from: number, to: number): string => body.slice(from, to)
    expect(section(introduced, fixed)).toContain('GHSA-xvch-5gv4-984h')
    expect(section(introduced, fixed)).toContain('1 of 1 block this pull request.')
    expect(section(fixed, present)).toContain('GHSA-gcx4-mw62-g8wm')
    expect(section(fixed, present)).toContain('Fixed: rollup 2.71.1 is now 2.79.2')
    expect(section(present, body.length)).toContain('GHSA-35jh-r3h4-6jhm')
    for (const id of ['GHSA-xvch-5gv4-984h', 'GHSA-gcx4-mw62-g8wm', 'GHSA-35jh-r3h4-6jhm'])
      expect(body.split(id).length - 1).toBeGreaterThan(0)
    expect(body).not.toContain('in the baseline do not block')
  })

  /** A push run on the current workspace against the fake OSV API. */
  const push = async (inputs: Record<string, string> = {}): Promise<ActionRun> => {
    const result = await runAction({
      action: 'dependency-audit',
      workspace,
      apiUrl: github.url,
      inputs: {'osv-url': osv.url, 'fail-on': 'high', ...inputs}
    })
    runs.push(result)
    return result
  }
  const reportOf = (run: ActionRun) =>
    JSON.parse(run.files['pipeguard-dependency-audit.json']!) as {
      findings: Array<{ruleId: string}>
      errors: Array<{path: string; message: string}>
    }

  it('audits a lockfile that starts with a UTF-8 byte order mark', async () => {
    const lock = lockfiles({lodash: '4.17.15'})['package-lock.json']!
    writeFiles(workspace, {'package-lock.json': `\uFEFF${lock}`})
    const result = await push()
    expect(result.stderr).toBe('')
    expect(reportOf(result).errors).toEqual([])
    expect(reportOf(result).findings.map(f => f.ruleId)).toEqual(['GHSA-35jh-r3h4-6jhm'])
    expect(result.exitCode).toBe(1)
  })

  it('compares with a base lockfile that had a byte order mark: what was there is not new', async () => {
    const base = lockfiles({lodash: '4.17.15'})['package-lock.json']!
    writeFiles(workspace, {'package-lock.json': `\uFEFF${base}`})
    const result = await pullRequest({lodash: '4.17.15', minimist: '1.2.0'})
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.files['pipeguard-dependency-audit.json']!) as {
      findings: Array<{ruleId: string; status: string}>
    }
    expect(report.findings.map(f => `${f.ruleId} ${f.status}`).sort()).toEqual([
      'GHSA-35jh-r3h4-6jhm existing',
      'GHSA-xvch-5gv4-984h new'
    ])
  })

  it('lists an unreadable lockfile in the JSON report, the summary and the outputs, and fails the job', async () => {
    const lock = lockfiles({minimist: '1.2.0'})['package-lock.json']!
    writeFiles(workspace, {
      'web/package-lock.json': lock.replace('\n  "packages"', '\n<<<<<<< HEAD\n  "packages"'),
      'web/pnpm-lock.yaml': "lockfileVersion: '9.0'\n---\nlockfileVersion: '9.0'\n"
    })
    const result = await push()
    expect(result.stderr).toBe('')
    const errors = [
      'web/package-lock.json:6: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile',
      "web/pnpm-lock.yaml:2: expected one YAML document, or two (pnpm's env lockfile, then the project lockfile) in a file that starts with '---'; document 2 of 2 starts here"
    ]
    expect(reportOf(result).errors.map(e => e.message)).toEqual(errors)
    const summary = result.summary.replace(/\\(.)/g, '$1')
    for (const message of errors) expect(summary).toContain(message)
    expect(result.outputs).toMatchObject({incomplete: 'true', errors: '2'})
    expect(result.exitCode).toBe(1)
  })

  it('fails naming the advisory when /v1/vulns/{id} answers a malformed record', async () => {
    osv.faults.push({
      kind: 'body',
      body: '{"id": "GHSA-35jh-r3h4-6jhm", "affected": "everything"}',
      times: Infinity,
      match: r => r.path === '/v1/vulns/GHSA-35jh-r3h4-6jhm'
    })
    try {
      const result = await push()
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(
        /::error::pipeguard: the scan is incomplete: Dependency audit did not run: could not reach the OSV API at http:\/\/127\.0\.0\.1:\d+: GET .*\/v1\/vulns\/GHSA-35jh-r3h4-6jhm: not a valid OSV record \(GHSA-35jh-r3h4-6jhm\): affected: /
      )
      expect(result.outputs.incomplete).toBe('true')
      expect(reportOf(result).findings).toEqual([])
    } finally {
      osv.faults.splice(0)
    }
  })

  it('never shows the credentials of osv-url: logs, outputs, summary, reports, comment', async () => {
    const token = randomToken('', 32)
    const result = await pullRequest(
      {lodash: '4.17.15', minimist: '1.2.0'},
      {inputs: {'osv-url': osv.url.replace('://', `://ci:${token}@`), 'fail-on': 'high'}}
    )
    expect(result.exitCode).toBe(1)
    expect(osv.requests.at(-1)!.authorization).toBe(
      `Basic ${Buffer.from(`ci:${token}`).toString('base64')}`
    )
    expect(github.comments.at(-1)?.body).toContain('GHSA-xvch-5gv4-984h')
    // The runner consumes ::add-mask:: commands and masks the value in every later log line.
    const commands = result.stdout.split('\n')
    expect(commands).toContain(`::add-mask::${token}`)
    const everything = [
      commands.filter(line => !line.startsWith('::add-mask::')).join('\n'),
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs),
      ...Object.entries(result.files)
        .filter(([name]) => name !== 'event.json')
        .map(([, text]) => text),
      ...github.comments.map(c => c.body)
    ].join('\n')
    expect(everything).not.toContain(token)
  })

  it('exits with a clear error, never a clean pass, when the OSV API is down', async () => {
    writeFiles(workspace, {'.pipeguard.yml': 'deps:\n  osvRetries: 1\n'})
    const baseSha = initRepo(workspace)
    const result = await runAction({
      action: 'dependency-audit',
      workspace,
      apiUrl: github.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, {baseSha, headSha: git(workspace, 'rev-parse', 'HEAD')}),
      inputs: {'osv-url': 'http://127.0.0.1:9', 'fail-on': 'high'},
      env: {}
    })
    runs.push(result)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::pipeguard: the scan is incomplete: Dependency audit did not run: could not reach the OSV API at http:\/\/127\.0\.0\.1:9: .*no vulnerability scan was done/
    )
    expect(result.outputs.incomplete).toBe('true')
    expect(result.summary).toContain('The scan is incomplete')
    expect(result.summary).not.toContain('No findings')
  })
})
