import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it, jest} from '@jest/globals'
import type {ActionsCore} from '@pipeguard/core/github'
import {run} from '../src/main'

describe('secret-scan on pull_request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pipeguard-secret-pr-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      [
        '-C',
        dir,
        '-c',
        'user.name=Dev',
        '-c',
        'user.email=dev@example.com',
        '-c',
        'commit.gpgsign=false',
        ...args
      ],
      {encoding: 'utf8'}
    ).trim()

  it('scans the PR commits (base..head): a secret added and removed inside the PR is reported and masked first', async () => {
    git('init', '-q', '-b', 'main')
    writeFileSync(join(dir, 'app.env'), 'REGION=eu\n')
    git('add', '.')
    git('commit', '-q', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    // Assembled at run time: no complete token in the sources.
    const secret = 'ghp_' + 'Pq7Wd2Zx9Lm4Rt8Yk1Vb6Nc3Hj5Gf0Sa2Ue4'
    writeFileSync(join(dir, 'app.env'), `REGION=eu\nTOKEN=${secret}\n`)
    git('commit', '-q', '-am', 'add token')
    writeFileSync(join(dir, 'app.env'), 'REGION=eu\n')
    git('commit', '-q', '-am', 'remove token')
    const head = git('rev-parse', 'HEAD')
    const event = join(dir, '..', `${dir.split('/').pop()}-event.json`)
    writeFileSync(event, JSON.stringify({pull_request: {base: {sha: base}, head: {sha: head}}}))

    const calls: string[] = []
    const summaryApi = {addRaw: () => summaryApi, write: async () => summaryApi}
    const record = (name: string) => jest.fn((..._args: unknown[]) => void calls.push(name))
    const core = {
      getInput: () => '',
      setOutput: record('setOutput'),
      setFailed: record('setFailed'),
      setSecret: record('setSecret'),
      info: record('info'),
      warning: record('warning'),
      error: record('error'),
      notice: record('notice'),
      summary: summaryApi
    }
    await run({
      core: core as unknown as ActionsCore,
      env: {
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: dir,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event
      }
    })
    rmSync(event)
    expect(core.setSecret).toHaveBeenCalledWith(secret)
    expect(calls[0]).toBe('setSecret')
    const outputs = Object.fromEntries(core.setOutput.mock.calls.map(c => [c[0], c[1]]))
    expect(outputs.findings).toBe('1')
  })
})
