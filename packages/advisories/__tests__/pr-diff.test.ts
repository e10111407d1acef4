import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {
  ConfigSchema,
  createFinding,
  runPipeline,
  type Finding,
  type ScanReport
} from '@pipeguard/core'
import {EXISTING_SUPPRESSION, classifyAgainstBase, resolveBaseRef} from '../src/pr-diff'
import {dependencyScanner} from '../src/scanner'
import {OSV_DIR} from './osv-fixtures'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-C', cwd, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  }).trim()
}

/** A package-lock.json v3 with the given direct dependencies. */
function writeLock(dir: string, deps: Record<string, string>): void {
  const packages: Record<string, unknown> = {
    '': {
      name: 'app',
      version: '1.0.0',
      dependencies: Object.fromEntries(Object.keys(deps).map(n => [n, '*']))
    }
  }
  for (const [name, version] of Object.entries(deps)) {
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: 'sha512-AAAA'
    }
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'app',
        version: '1.0.0',
        dependencies: Object.fromEntries(Object.keys(deps).map(n => [n, '*']))
      },
      null,
      2
    )
  )
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify(
      {name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages},
      null,
      2
    )
  )
}

/** A repository whose main branch has `base` and whose work tree has `head`; returns [dir, base sha]. */
function repo(base: Record<string, string>, head: Record<string, string>): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), 'pg-pr-'))
  dirs.push(dir)
  git(dir, 'init', '-q', '-b', 'main')
  writeLock(dir, base)
  git(dir, 'add', '.')
  git(dir, 'commit', '-q', '-m', 'base')
  const sha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-q', '-b', 'feature')
  writeLock(dir, head)
  git(dir, 'commit', '-q', '--allow-empty', '-am', 'head')
  return [dir, sha]
}

function audit(
  root: string,
  base: string | undefined,
  env: NodeJS.ProcessEnv = {}
): Promise<ScanReport> {
  const config = ConfigSchema.parse({deps: {advisoryDb: OSV_DIR}})
  return runPipeline({
    root,
    config,
    scanners: [dependencyScanner],
    env,
    options: {
      scanners: ['deps'],
      history: false,
      staged: false,
      list: false,
      advisoryDb: OSV_DIR,
      ...(base ? {base} : {})
    }
  })
}

const summary = (report: ScanReport): string[] =>
  report.findings.map(f => `${f.package!.name}@${f.package!.version} ${f.status}`).sort()

describe('pull request comparison', () => {
  it('blocks only on a vulnerability the change adds; the one on the base is existing', async () => {
    const [dir, base] = repo({lodash: '4.17.15'}, {lodash: '4.17.15', minimist: '1.2.0'})
    const report = await audit(dir, base)
    expect(summary(report)).toEqual(['lodash@4.17.15 existing', 'minimist@1.2.0 new'])
    expect(report.findings.find(f => f.package!.name === 'lodash')).toMatchObject({
      suppression: EXISTING_SUPPRESSION,
      properties: {change: 'present'}
    })
    expect(report.blocking.map(f => f.package!.name)).toEqual(['minimist'])
    expect(report.scanners[0]!.notes).toContain(
      `pull request against ${base.slice(0, 12)}: 1 vulnerabilities introduced, 1 still present, 0 fixed`
    )
  })

  it('an ignore still wins over "already on the base branch"', async () => {
    const [dir, base] = repo({lodash: '4.17.15'}, {lodash: '4.17.15'})
    const config = ConfigSchema.parse({
      deps: {advisoryDb: OSV_DIR},
      ignore: [{rule: 'CVE-2021-23337', reason: 'not reachable'}]
    })
    const report = await runPipeline({
      root: dir,
      config,
      scanners: [dependencyScanner],
      env: {},
      options: {
        scanners: ['deps'],
        history: false,
        staged: false,
        list: false,
        advisoryDb: OSV_DIR,
        base
      }
    })
    expect(report.findings.map(f => [f.status, f.suppression])).toEqual([
      ['ignored', 'not reachable']
    ])
  })

  it('only keeping an existing vulnerable package does not block', async () => {
    const [dir, base] = repo({lodash: '4.17.15'}, {lodash: '4.17.15', 'left-pad': '1.3.0'})
    const report = await audit(dir, base)
    expect(summary(report)).toEqual(['lodash@4.17.15 existing'])
    expect(report.exitCode).toBe(0)
  })

  it('a changed version that is still vulnerable counts as introduced; a removed one as fixed', async () => {
    const [dir, base] = repo({lodash: '4.17.15', minimist: '1.2.0'}, {lodash: '4.17.19'})
    const report = await audit(dir, base)
    expect(summary(report)).toEqual(['lodash@4.17.19 new'])
    expect(report.scanners[0]!.notes).toContain(
      `pull request against ${base.slice(0, 12)}: 1 vulnerabilities introduced, 0 still present, 2 fixed`
    )
    const resolved = report.scanners[0]!.resolved ?? []
    expect(
      resolved.map(f => `${f.package!.name}@${f.package!.version} ${f.remediation}`).sort()
    ).toEqual([
      'lodash@4.17.15 Fixed: lodash 4.17.15 is now 4.17.19',
      'minimist@1.2.0 Fixed: minimist was removed'
    ])
  })

  it('reads the base from the pull_request event payload', async () => {
    const [dir, base] = repo({lodash: '4.17.15'}, {lodash: '4.17.15', minimist: '1.2.0'})
    const eventPath = join(dir, '..', `${dir.split('/').pop()}-event.json`)
    writeFileSync(
      eventPath,
      JSON.stringify({pull_request: {number: 1, base: {sha: base}, head: {sha: 'x'}}})
    )
    try {
      expect(
        resolveBaseRef(undefined, {GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath})
      ).toBe(base)
      expect(
        resolveBaseRef(undefined, {GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventPath})
      ).toBeUndefined()
      const report = await audit(dir, undefined, {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath
      })
      expect(summary(report)).toEqual(['lodash@4.17.15 existing', 'minimist@1.2.0 new'])
    } finally {
      rmSync(eventPath, {force: true})
    }
  })

  it('a base commit missing from the clone makes everything new and says why', async () => {
    const [dir] = repo({lodash: '4.17.15'}, {lodash: '4.17.15'})
    const report = await audit(dir, 'f'.repeat(40))
    expect(summary(report)).toEqual(['lodash@4.17.15 new'])
    expect(report.scanners[0]!.notes.join('\n')).toContain(
      'is not in this clone (a shallow checkout? use actions/checkout with fetch-depth: 0)'
    )
  })

  it('a lockfile that did not exist on the base: all its vulnerabilities are introduced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-pr-'))
    dirs.push(dir)
    git(dir, 'init', '-q', '-b', 'main')
    writeFileSync(join(dir, 'README.md'), 'app\n')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'base')
    const base = git(dir, 'rev-parse', 'HEAD')
    writeLock(dir, {minimist: '1.2.0'})
    const report = await audit(dir, base)
    expect(summary(report)).toEqual(['minimist@1.2.0 new'])
  })
})

describe('classifyAgainstBase', () => {
  const finding = (
    name: string,
    version: string,
    id: string,
    aliases: string[] = [],
    path = 'package-lock.json'
  ): Finding =>
    createFinding({
      scanner: 'dependencies',
      ruleId: id,
      severity: 'high',
      title: 't',
      message: 'm',
      path,
      startLine: 1,
      package: {ecosystem: 'npm', name, version},
      vulnerability: {id, aliases, fixedVersions: []},
      fingerprintContent: `${name}@${version}+${id}`
    })

  it('matches by lockfile, package version and any shared advisory id', () => {
    const head = [
      finding('a', '1.0.0', 'GHSA-1', ['CVE-1']),
      finding('b', '2.0.0', 'GHSA-2'),
      finding('c', '1.0.0', 'GHSA-3', [], 'sub/package-lock.json')
    ]
    const base = [
      finding('a', '1.0.0', 'PYSEC-9', ['CVE-1']),
      finding('b', '1.0.0', 'GHSA-2'),
      finding('c', '1.0.0', 'GHSA-3'),
      finding('d', '1.0.0', 'GHSA-4')
    ]
    const diff = classifyAgainstBase(head, base)
    expect(diff.existing.map(f => f.package!.name)).toEqual(['a'])
    expect(diff.introduced.map(f => f.package!.name)).toEqual(['b', 'c'])
    expect(diff.fixed.map(f => f.package!.name)).toEqual(['b', 'c', 'd'])
  })
})

describe('vulnerabilities a pull request fixes', () => {
  it('lists an upgraded package as resolved (change: fixed), with what it became; never blocking', async () => {
    const [dir, base] = repo(
      {lodash: '4.17.15', rollup: '2.71.1'},
      {lodash: '4.17.15', rollup: '2.79.2', minimist: '1.2.0'}
    )
    const report = await audit(dir, base)
    const change = (f: Finding): string => `${f.package!.name} ${f.properties?.change}`
    expect(report.findings.map(change).sort()).toEqual(['lodash present', 'minimist introduced'])
    const resolved = report.scanners[0]!.resolved ?? []
    expect(resolved.map(f => `${f.vulnerability!.id} ${f.properties?.change}`)).toEqual([
      'GHSA-gcx4-mw62-g8wm fixed'
    ])
    expect(resolved[0]!.remediation).toBe('Fixed: rollup 2.71.1 is now 2.79.2')
    expect(report.blocking.map(f => f.package!.name)).toEqual(['minimist'])
  })

  it('lists the base vulnerabilities of a lockfile the pull request deletes as fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-pr-'))
    dirs.push(dir)
    git(dir, 'init', '-q', '-b', 'main')
    writeLock(dir, {lodash: '4.17.15'})
    execFileSync('mkdir', [join(dir, 'legacy')])
    writeLock(join(dir, 'legacy'), {rollup: '2.71.1'})
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'base')
    const base = git(dir, 'rev-parse', 'HEAD')
    git(dir, 'rm', '-q', '-r', 'legacy')
    git(dir, 'commit', '-q', '-m', 'drop legacy')
    const report = await audit(dir, base)
    expect(report.findings.map(f => `${f.package!.name} ${f.properties?.change}`)).toEqual([
      'lodash present'
    ])
    const resolved = report.scanners[0]!.resolved ?? []
    expect(resolved.map(f => `${f.location.path} ${f.vulnerability!.id}`)).toEqual([
      'legacy/package-lock.json GHSA-gcx4-mw62-g8wm'
    ])
    expect(resolved[0]!.remediation).toBe('Fixed: legacy/package-lock.json was deleted')
    expect(report.scanners[0]!.notes.join('\n')).toContain(
      '1 lockfile(s) deleted: legacy/package-lock.json'
    )
  })

  it('does not count a lockfile that is only excluded in the head as deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-pr-'))
    dirs.push(dir)
    git(dir, 'init', '-q', '-b', 'main')
    writeLock(dir, {lodash: '4.17.15'})
    execFileSync('mkdir', [join(dir, 'legacy')])
    writeLock(join(dir, 'legacy'), {rollup: '2.71.1'})
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'base')
    const config = ConfigSchema.parse({
      deps: {advisoryDb: OSV_DIR},
      exclude: [{path: 'legacy/**', reason: 'vendored'}]
    })
    const report = await runPipeline({
      root: dir,
      config,
      scanners: [dependencyScanner],
      env: {},
      options: {
        scanners: ['deps'],
        history: false,
        staged: false,
        list: false,
        advisoryDb: OSV_DIR,
        base: git(dir, 'rev-parse', 'HEAD')
      }
    })
    expect(report.scanners[0]!.resolved).toBeUndefined()
  })
})
