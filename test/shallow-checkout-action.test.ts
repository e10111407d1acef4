import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {useActionHarness} from './helpers/action-harness'
import {
  commitAll,
  git,
  initRepo,
  pullRequestEvent,
  randomToken,
  removeWorkspace,
  writeFiles
} from './helpers/workspace'

/**
 * actions/checkout on a pull request clones the test merge commit one commit deep: neither the
 * base nor the PR's own commits are there. The secret scan must still read every PR commit.
 */
describe('secret-scan on a depth-1 checkout of a pull request', () => {
  const h = useActionHarness({})
  const origins: string[] = []
  afterEach(() => origins.splice(0).forEach(removeWorkspace))

  /**
   * An "origin" where the PR adds a secret in one commit and removes it in the next, and the
   * merge commit GitHub tests (refs/pull/7/merge); the workspace is its depth-1 clone.
   */
  const shallowPullRequest = (secret: string) => {
    const origin = mkdtempSync(join(tmpdir(), 'pipeguard-origin-'))
    origins.push(origin)
    writeFiles(origin, {'README.md': '# app\n', 'src/app.js': 'module.exports = 1\n'})
    initRepo(origin)
    for (let i = 0; i < 20; i++) {
      writeFiles(origin, {'CHANGELOG.md': `${i}\n`})
      commitAll(origin, `main ${i}`)
    }
    const baseSha = git(origin, 'rev-parse', 'HEAD')
    git(origin, 'checkout', '-q', '-b', 'feature')
    writeFiles(origin, {'src/config.env': `GITHUB_TOKEN=${secret}\n`})
    commitAll(origin, 'add config')
    writeFiles(origin, {'src/config.env': 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}\n'})
    const headSha = commitAll(origin, 'use the secret store')
    git(origin, 'checkout', '-q', 'main')
    writeFiles(origin, {'docs/later.md': 'base moved on\n'})
    commitAll(origin, 'main moves on')
    git(origin, 'checkout', '-q', '-b', 'pull-7-merge')
    git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature')
    const mergeSha = git(origin, 'rev-parse', 'HEAD')
    git(origin, 'checkout', '-q', 'main')
    git(
      h.workspace,
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'pull-7-merge',
      `file://${origin}`,
      '.'
    )
    return {origin, baseSha, headSha, mergeSha}
  }

  it('fetches the missing commits from origin and finds the secret a later PR commit removed', async () => {
    const secret = randomToken('ghp_', 36)
    const pr = shallowPullRequest(secret)
    expect(git(h.workspace, 'rev-parse', '--is-shallow-repository')).toBe('true')
    const result = await h.run({
      action: 'secret-scan',
      eventName: 'pull_request',
      event: pullRequestEvent(7, {baseSha: pr.baseSha, headSha: pr.headSha}),
      sha: pr.mergeSha
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({findings: '1', blocking: '1', incomplete: 'false'})
    expect(result.summary).toContain(
      `history: 2 commit\\(s\\) in ${pr.baseSha}..${pr.headSha}, fetched from origin`
    )
    expect(h.server.comments[0]!.body).toContain('src/config.env')
    const printed = result.stdout.replace(/^::add-mask::.*$/gm, '')
    expect(`${printed}${result.summary}${h.server.comments[0]!.body}`).not.toContain(secret)
  })

  it('when origin cannot be reached the scan is incomplete and says why, never clean', async () => {
    const pr = shallowPullRequest(randomToken('ghp_', 36))
    removeWorkspace(pr.origin)
    const result = await h.run({
      action: 'secret-scan',
      eventName: 'pull_request',
      event: pullRequestEvent(7, {baseSha: pr.baseSha, headSha: pr.headSha}),
      sha: pr.mergeSha
    })
    // An action step only passes or fails: `incomplete` tells this failure from a blocking finding.
    expect(result.exitCode).toBe(1)
    expect(result.outputs.incomplete).toBe('true')
    expect(result.stdout).toMatch(
      /::error::pipeguard: the scan is incomplete: Secret scan did not run: the pull request's commits [0-9a-f]{40}\.\.[0-9a-f]{40} are not in the checkout and could not be fetched from origin \(.+\): check out with `fetch-depth: 0`/
    )
    expect(result.summary).toContain(
      'Nothing found in what was scanned, which is not a clean result'
    )
    expect(h.server.comments[0]?.body ?? '').not.toContain('No findings')
  })
})
