import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {FakeGitHub, readOnlyToken} from './helpers/fake-github'
import {runAction} from './helpers/run-action'
import {sbomValidators} from './helpers/sbom-schemas'
import {
  commitAll,
  initRepo,
  makeWorkspace,
  pullRequestEvent,
  removeWorkspace,
  writeFiles
} from './helpers/workspace'

function lockfile(deps: Record<string, string>): string {
  const packages: Record<string, unknown> = {
    '': {name: 'shop', version: '1.0.0', dependencies: deps}
  }
  for (const [name, version] of Object.entries(deps)) {
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      license: 'MIT'
    }
  }
  return (
    JSON.stringify(
      {name: 'shop', version: '1.0.0', lockfileVersion: 3, requires: true, packages},
      null,
      2
    ) + '\n'
  )
}

describe('sbom action', () => {
  let fake: FakeGitHub
  let dir: string
  beforeEach(async () => {
    fake = new FakeGitHub()
    await fake.start()
    dir = makeWorkspace({
      'package.json': '{"name": "shop"}\n',
      'package-lock.json': lockfile({lodash: '4.17.20', ms: '2.1.3'})
    })
  })
  afterEach(async () => {
    await fake.close()
    removeWorkspace(dir)
  })

  it('writes a valid SBOM, submits the dependency snapshot and comments the PR dependency diff', async () => {
    const baseSha = initRepo(dir)
    writeFiles(dir, {'package-lock.json': lockfile({lodash: '4.17.21', minimist: '1.2.8'})})
    const headSha = commitAll(dir, 'bump')
    const run = await runAction({
      action: 'sbom',
      workspace: dir,
      eventName: 'pull_request',
      event: pullRequestEvent(7, {headSha, baseSha}),
      apiUrl: fake.url,
      sha: 'f'.repeat(40),
      ref: 'refs/pull/7/merge',
      inputs: {submit: 'true', 'upload-artifact': 'false', output: 'out/sbom.cdx.json'}
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.components).toBe('2')
    const sbom = JSON.parse(readFileSync(join(dir, 'out', 'sbom.cdx.json'), 'utf8'))
    expect(sbomValidators().cyclonedx('1.6', sbom)).toEqual([])

    const [snapshot] = fake.requestsTo('POST', '/repos/acme/app/dependency-graph/snapshots')
    expect(snapshot).toBeDefined()
    expect(snapshot!.body).toMatchObject({
      version: 0,
      sha: headSha,
      ref: 'refs/pull/7/merge',
      job: {id: '4242'},
      detector: {name: 'pipeguard'},
      manifests: {
        'package-lock.json': {
          name: 'package-lock.json',
          file: {source_location: 'package-lock.json'},
          resolved: {
            'pkg:npm/lodash@4.17.21': {
              package_url: 'pkg:npm/lodash@4.17.21',
              relationship: 'direct',
              scope: 'runtime'
            },
            'pkg:npm/minimist@1.2.8': {
              package_url: 'pkg:npm/minimist@1.2.8',
              relationship: 'direct',
              scope: 'runtime'
            }
          }
        }
      }
    })

    expect(fake.comments).toHaveLength(1)
    const body = fake.comments[0]!.body
    expect(body).toContain('<!-- pipeguard:sbom -->')
    expect(body).toContain('**1** added, **1** removed, **1** changed version')
    expect(body).toMatch(/`lodash`.*`4\.17\.20` \| `4\.17\.21`/)
  })

  it('warns but does not fail when the token may not submit or comment', async () => {
    const baseSha = initRepo(dir)
    fake.fail(readOnlyToken())
    const run = await runAction({
      action: 'sbom',
      workspace: dir,
      eventName: 'pull_request',
      event: pullRequestEvent(8, {headSha: baseSha, baseSha, fork: true}),
      apiUrl: fake.url,
      inputs: {submit: 'true', 'upload-artifact': 'false', comment: 'always', format: 'spdx-json'}
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('contents: write')
    expect(run.stdout).toContain('pull-requests: write')
    const spdx = JSON.parse(readFileSync(join(dir, 'sbom.spdx.json'), 'utf8'))
    expect(sbomValidators().spdx(spdx)).toEqual([])
  })
})
