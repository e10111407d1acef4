import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {readGitHubContext} from '../src/github/context'

const dir = mkdtempSync(join(tmpdir(), 'pipeguard-ctx-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
const payload = (name: string, value: unknown): string => {
  const file = join(dir, name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}
const base = {
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_SHA: 'm'.repeat(40),
  GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
  GITHUB_RUN_ID: '12'
}

describe('readGitHubContext', () => {
  it('uses the PR head commit, not the merge commit, and detects forks', () => {
    const pr = (headRepo: string) => ({
      pull_request: {
        number: 3,
        head: {sha: 'h'.repeat(40), repo: {full_name: headRepo}},
        base: {sha: 'b'.repeat(40), repo: {full_name: 'acme/app'}}
      }
    })
    const ctx = readGitHubContext({
      ...base,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payload('pr.json', pr('acme/app'))
    })!
    expect(ctx).toMatchObject({
      owner: 'acme',
      repo: 'app',
      sha: 'h'.repeat(40),
      apiUrl: 'https://ghe.example.com/api/v3',
      isScheduled: false
    })
    expect(ctx.pullRequest).toEqual({
      number: 3,
      headSha: 'h'.repeat(40),
      baseSha: 'b'.repeat(40),
      isFork: false
    })
    expect(ctx.runUrl).toBe('https://github.com/acme/app/actions/runs/12')
    const fork = readGitHubContext({
      ...base,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payload('fork.json', pr('stranger/app'))
    })!
    expect(fork.pullRequest!.isFork).toBe(true)
  })

  it('reads changed_files (the files API lists at most 3,000) and rejects a non-number', () => {
    const pr = (changed: unknown) => ({
      pull_request: {
        number: 3,
        changed_files: changed,
        head: {sha: 'h'.repeat(40)},
        base: {sha: 'b'.repeat(40)}
      }
    })
    const env = (file: string) => ({
      ...base,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: file
    })
    expect(readGitHubContext(env(payload('big.json', pr(3001))))!.pullRequest!.changedFiles).toBe(
      3001
    )
    expect(() => readGitHubContext(env(payload('bad.json', pr('many'))))).toThrow(
      /pull_request\.changed_files: /
    )
  })

  it('push and schedule: GITHUB_SHA, and scheduled runs are marked', () => {
    expect(readGitHubContext({...base, GITHUB_EVENT_NAME: 'push'})).toMatchObject({
      sha: 'm'.repeat(40),
      isScheduled: false,
      pullRequest: undefined
    })
    expect(readGitHubContext({...base, GITHUB_EVENT_NAME: 'schedule'})!.isScheduled).toBe(true)
    expect(readGitHubContext({...base, GITHUB_EVENT_NAME: 'workflow_dispatch'})!.isScheduled).toBe(
      true
    )
  })

  it('undefined outside GitHub Actions', () => {
    expect(readGitHubContext({})).toBeUndefined()
  })

  it('bad input names the variable and what is wrong', () => {
    expect(() => readGitHubContext({GITHUB_REPOSITORY: 'acme'})).toThrow(
      'GITHUB_REPOSITORY: expected "owner/repo", got "acme"'
    )
    expect(() =>
      readGitHubContext({...base, GITHUB_EVENT_PATH: payload('bad.json', '{not json')})
    ).toThrow(/GITHUB_EVENT_PATH .*bad\.json: cannot read the event payload/)
    expect(() =>
      readGitHubContext({
        ...base,
        GITHUB_EVENT_PATH: payload('shape.json', {pull_request: {number: 'x'}})
      })
    ).toThrow(/shape\.json: pull_request\.number: /)
  })
})
