import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {run} from '../packages/cli/src/main'
import {FakeGitHub, secondaryRateLimit} from './helpers/fake-github'

function capture(env: NodeJS.ProcessEnv, cwd = process.cwd()) {
  let out = ''
  let err = ''
  const io = {
    stdout: new Writable({write: (c, _e, cb) => ((out += String(c)), cb())}),
    stderr: new Writable({write: (c, _e, cb) => ((err += String(c)), cb())}),
    env,
    cwd
  }
  return {io, out: () => out, err: () => err}
}

/** 250 repositories with sizes from 1 KiB to ~250 MiB, every tenth archived, some with a topic. */
function organization(): Array<Record<string, unknown>> {
  return Array.from({length: 250}, (_, i) => ({
    id: i + 1,
    name: `repo-${String(i).padStart(3, '0')}`,
    full_name: `acme/repo-${String(i).padStart(3, '0')}`,
    size: ((i * 7919) % 250) * 1024 + 1,
    archived: i % 10 === 0,
    disabled: false,
    topics: i % 3 === 0 ? ['payments'] : [],
    default_branch: 'main'
  }))
}

describe('org plan', () => {
  let fake: FakeGitHub
  beforeEach(async () => {
    fake = new FakeGitHub()
    await fake.start()
  })
  afterEach(() => fake.close())

  it('lists 250 repositories over pages through a secondary rate limit and balances shards by size', async () => {
    const repos = organization()
    let faulted = false
    fake.route('GET', '/orgs/:org/repos', p => {
      // Mid-way: the request after the first page hits a secondary rate limit once.
      if (!faulted && (p.query.page ?? '1') === '1') {
        faulted = true
        fake.fail(secondaryRateLimit('/orgs/acme/repos', 1))
      }
      return {status: 200, body: repos, paginate: true}
    })
    const c = capture({GITHUB_TOKEN: 'test-token', GITHUB_API_URL: fake.url})
    expect(await run(['org', 'plan', '--org', 'acme', '--shards', '6'], c.io)).toBe(0)
    const plan = JSON.parse(c.out())

    const listed = fake.requestsTo('GET', '/orgs/acme/repos')
    expect(listed.every(r => r.query.per_page === '100')).toBe(true)
    expect(listed.map(r => `${r.query.page ?? '1'}:${r.status}`)).toEqual([
      '1:200',
      '2:403',
      '2:200',
      '3:200'
    ])

    const assigned = plan.include.flatMap((s: {repositories: string}) => s.repositories.split(' '))
    const expected = repos.filter(r => !r.archived).map(r => r.full_name)
    expect(assigned.sort()).toEqual([...expected].sort())
    expect(plan.include).toHaveLength(6)
    const sizes = plan.include.map((s: {sizeKb: number}) => s.sizeKb)
    const largest = Math.max(...repos.map(r => r.size as number))
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(largest)
  })

  it('filters by topic, can include archived repositories, and needs a token', async () => {
    fake.route('GET', '/orgs/:org/repos', () => ({
      status: 200,
      body: organization(),
      paginate: true
    }))
    const c = capture({GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url})
    expect(
      await run(
        [
          'org',
          'plan',
          '--org',
          'acme',
          '--topic',
          'payments',
          '--include-archived',
          '--shards',
          '2'
        ],
        c.io
      )
    ).toBe(0)
    const plan = JSON.parse(c.out())
    expect(plan.include.reduce((n: number, s: {count: number}) => n + s.count, 0)).toBe(84)
    const none = capture({})
    expect(await run(['org', 'plan', '--org', 'acme'], none.io)).toBe(2)
    expect(none.err()).toContain('set GITHUB_TOKEN')
    const bad = capture({GITHUB_TOKEN: 't'})
    expect(await run(['org', 'plan', '--org', 'acme', '--shards', 'many'], bad.io)).toBe(2)
  })
})

function report(findings: Array<{severity: string; scanner: string; ruleId: string}>): string {
  return JSON.stringify({
    tool: {name: 'pipeguard', version: '0.1.0'},
    findings: findings.map((f, i) => ({
      ...f,
      title: f.ruleId,
      message: `${f.ruleId} <b>@team</b>`,
      location: {path: `f${i}.tf`, startLine: 1, endLine: 1},
      fingerprint: `fp${i}`,
      status: 'new'
    })),
    errors: [],
    summary: {failOn: 'high', mode: 'enforce', total: findings.length, blocking: 1, exitCode: 1}
  })
}

describe('org aggregate', () => {
  function reportsDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'pg-org-'))
    mkdirSync(join(dir, 'shard-1'))
    mkdirSync(join(dir, 'shard-2'))
    writeFileSync(
      join(dir, 'shard-1', 'acme__web.json'),
      report([
        {severity: 'critical', scanner: 'secrets', ruleId: 'aws-access-token'},
        {severity: 'low', scanner: 'iac', ruleId: 'PG-K8S-001'}
      ])
    )
    writeFileSync(
      join(dir, 'shard-1', 'acme__api.json'),
      report([{severity: 'high', scanner: 'dependencies', ruleId: 'GHSA-1'}])
    )
    writeFileSync(join(dir, 'shard-2', 'acme__clean.json'), report([]))
    writeFileSync(
      join(dir, 'shard-2', 'acme__broken.json'),
      JSON.stringify({repository: 'acme/broken', error: 'git clone failed: repository not found'})
    )
    writeFileSync(join(dir, 'shard-2', 'garbage.json'), '{not json')
    writeFileSync(
      join(dir, 'plan.json'),
      JSON.stringify({
        include: [
          {shard: 1, repositories: 'acme/api acme/web', count: 2, sizeKb: 2},
          {shard: 2, repositories: 'acme/broken acme/clean acme/lost', count: 3, sizeKb: 3}
        ]
      })
    )
    return dir
  }

  it('merges reports, lists failed and missing repositories, worst first', async () => {
    const dir = reportsDir()
    const c = capture({}, dir)
    expect(
      await run(['org', 'aggregate', '.', '--plan', 'plan.json', '--format', 'json'], c.io)
    ).toBe(0)
    const org = JSON.parse(c.out())
    expect(
      org.repositories.map(
        (r: {repository: string; status: string}) => `${r.repository}:${r.status}`
      )
    ).toEqual([
      'acme/broken:failed',
      'acme/lost:failed',
      'acme/web:scanned',
      'acme/api:scanned',
      'acme/clean:scanned'
    ])
    expect(org.repositories[1].error).toBe('no report: shard 2 did not finish or did not upload it')
    expect(org.totals).toEqual({critical: 1, high: 1, medium: 0, low: 1, info: 0})
    expect(org.byScanner).toEqual({secrets: 1, iac: 1, dependencies: 1})
    expect(org.errors.map((e: {path: string}) => e.path)).toEqual([
      'plan.json',
      'shard-2/garbage.json'
    ])
  })

  it('renders a markdown summary with a chart and escaped text', async () => {
    const dir = reportsDir()
    const c = capture({}, dir)
    expect(await run(['org', 'aggregate', '.', '--plan', 'plan.json'], c.io)).toBe(0)
    const md = c.out()
    expect(md).toContain('5 repositories: 3 scanned, **2 failed**; 3 finding(s).')
    expect(md).toContain('```mermaid')
    expect(md).toContain('| `acme/broken` | ❌ failed: git clone failed: repository not found |')
  })

  it('upserts one tracking issue per repository in a central repository', async () => {
    const fake = new FakeGitHub()
    await fake.start()
    try {
      const dir = reportsDir()
      const env = {GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url}
      expect(
        await run(
          [
            'org',
            'aggregate',
            '.',
            '--plan',
            'plan.json',
            '--issues-repo',
            'acme/security',
            '--output',
            'org.md'
          ],
          capture(env, dir).io
        )
      ).toBe(0)
      expect(fake.issues.map(i => i.title).sort()).toEqual([
        'pipeguard: 1 finding(s) in acme/api',
        'pipeguard: 2 finding(s) in acme/web'
      ])
      expect(fake.issues[0]!.body).not.toContain('<b>')
      fake.clearRequests()
      expect(
        await run(
          [
            'org',
            'aggregate',
            '.',
            '--plan',
            'plan.json',
            '--issues-repo',
            'acme/security',
            '--output',
            'org.md'
          ],
          capture(env, dir).io
        )
      ).toBe(0)
      expect(fake.requestsTo('POST', /issues$/)).toHaveLength(0)
      expect(fake.requestsTo('PATCH', /issues\/\d+$/)).toHaveLength(0)
    } finally {
      await fake.close()
    }
  })

  it('never edits a tracking issue that someone else opened with the marker', async () => {
    const fake = new FakeGitHub()
    await fake.start()
    try {
      const forged = fake.addIssue(
        {
          title: 'pipeguard: 0 finding(s) in acme/web',
          body: '<!-- pipeguard:tracking:repo:acme/web -->\nAll clear, see https://evil.example',
          labels: ['pipeguard']
        },
        'mallory'
      )
      const env = {GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url}
      const args = [
        'org',
        'aggregate',
        '.',
        '--plan',
        'plan.json',
        '--issues-repo',
        'acme/security'
      ]
      expect(await run([...args, '--output', 'org.md'], capture(env, reportsDir()).io)).toBe(0)
      expect(fake.requestsTo('PATCH', `/repos/acme/security/issues/${forged.number}`)).toEqual([])
      expect(fake.issues.find(i => i.number === forged.number)!.body).toContain('evil.example')
      const ours = fake.issues.filter(i => i.title === 'pipeguard: 2 finding(s) in acme/web')
      expect(ours.map(i => i.user.login)).toEqual(['github-actions[bot]'])
    } finally {
      await fake.close()
    }
  })
})
