import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import type {ActionRun, RunActionOptions} from './helpers/run-action'
import {commitAll, initRepo, pullRequestEvent, randomToken, writeFiles} from './helpers/workspace'
import {useActionHarness} from './helpers/action-harness'
import {githubMarkdown, linkTargets} from './helpers/github-markdown'

const repo = join(import.meta.dirname, '..')
const osvDir = join(repo, 'test', 'fixtures', 'e2e', 'osv')
const Z = '\u200b'

/** The e2e app's lockfile with minimist's version replaced (GHSA-xvch-5gv4-984h matches it). */
function lockfileWithMinimist(version: string): string {
  const lock = JSON.parse(
    readFileSync(join(repo, 'test', 'fixtures', 'e2e', 'app', 'package-lock.json'), 'utf8')
  )
  lock.packages['node_modules/minimist'].version = version
  return JSON.stringify(lock, null, 2) + '\n'
}

const HOSTILE_CONTENT = {
  '.github/workflows/ci.yml':
    'on: pull_request\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: https://evil.example/x\n',
  'k8s/deploy.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: www.evil.example\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
  'package-lock.json': lockfileWithMinimist('@evil')
}

/** Untrusted text of HOSTILE_CONTENT as GitHub would link it, and as it must appear instead. */
function expectNoAutolinks(markdown: string): void {
  expect(markdown).toContain(`https:${Z}//evil.example/x`)
  expect(markdown).toContain(`www${Z}.evil.example`)
  expect(markdown).toContain(`minimist @${Z}evil`)
  // Code spans are neither linked nor mentioned by GitHub: only the text outside them counts.
  const outsideCode = markdown.replace(/(`+)[^`][\s\S]*?\1/g, '')
  expect(outsideCode).not.toMatch(/https:\/\/evil\.example|www\.evil|@evil/)
  expect(linkTargets(githubMarkdown().render(markdown)).filter(l => /evil/.test(l))).toEqual([])
}

describe('untrusted text in comments, summaries and markdown reports', () => {
  const h = useActionHarness({'README.md': '# app\n'})
  const run = async (action: string, options: Partial<RunActionOptions>): Promise<ActionRun> => {
    return h.run({action, ...options})
  }
  /** A pull request (number 7) whose head commit adds `files`. */
  const pullRequest = (files: Record<string, string>): Partial<RunActionOptions> => {
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, files)
    const headSha = commitAll(h.workspace, 'change')
    return {eventName: 'pull_request', event: pullRequestEvent(7, {baseSha, headSha})}
  }

  it('a file named like another action’s marker neither plants it nor gets that comment taken over', async () => {
    const secret = randomToken('ghp_', 36)
    const pr = pullRequest({'<!-- pipeguard:dependency-audit -->.env': `KEY=${secret}\n`})
    const scan = await run('secret-scan', pr)
    expect(scan.exitCode).toBe(1)
    expect(h.server.comments).toHaveLength(1)
    const [comment] = h.server.comments
    expect(comment!.body.startsWith('<!-- pipeguard:secret-scan -->\n')).toBe(true)
    expect(comment!.body.match(/<!--/g)).toHaveLength(1)
    expect(comment!.body).toContain('<code>&lt;\\!-- pipeguard:dependency-audit --&gt;.env')
    expect(comment!.body).not.toContain(secret)
    const body = comment!.body

    const audit = await run('dependency-audit', {...pr, inputs: {'advisory-db': osvDir}})
    expect(audit.exitCode).toBe(0)
    expect(h.server.requestsTo('PATCH', `/repos/acme/app/issues/comments/${comment!.id}`)).toEqual(
      []
    )
    expect(h.server.comments.find(c => c.id === comment!.id)!.body).toBe(body)
  })

  it('a comment by another user that carries the marker is never edited: a new one is posted', async () => {
    const pr = pullRequest({'a.env': `KEY=${randomToken('ghp_', 36)}\n`})
    const forged = h.server.addComment(
      7,
      '<!-- pipeguard:secret-scan -->\n✅ All clear!',
      'mallory'
    )
    const scan = await run('secret-scan', pr)
    expect(scan.exitCode).toBe(1)
    expect(h.server.requestsTo('PATCH', /\/issues\/comments\//)).toEqual([])
    expect(h.server.requestsTo('POST', '/repos/acme/app/issues/7/comments')).toHaveLength(1)
    expect(h.server.comments.find(c => c.id === forged.id)!.body).toBe(
      '<!-- pipeguard:secret-scan -->\n✅ All clear!'
    )
    expect(h.server.comments.at(-1)!.user.login).toBe('github-actions[bot]')

    // The next run finds its own comment (unchanged), still not mallory's.
    await run('secret-scan', pr)
    expect(h.server.requestsTo('POST', '/repos/acme/app/issues/7/comments')).toHaveLength(1)
    expect(h.server.requestsTo('PATCH', /\/issues\/comments\//)).toEqual([])
    expect(h.server.comments).toHaveLength(2)
  })

  it('bare URLs, www. names and @versions from content are not links in the comment and summary', async () => {
    const pr = pullRequest(HOSTILE_CONTENT)
    const result = await run('pipeguard', {
      ...pr,
      inputs: {scanners: 'iac,deps', 'advisory-db': osvDir, 'filter-mode': 'nofilter'}
    })
    expect(result.exitCode).toBe(1)
    expect(h.server.comments).toHaveLength(1)
    expectNoAutolinks(h.server.comments[0]!.body)
    expectNoAutolinks(result.summary)
  })

  it('the same in the markdown report of dist/cli.js', () => {
    writeFiles(h.workspace, HOSTILE_CONTENT)
    const cli = spawnSync(
      process.execPath,
      [join(repo, 'dist', 'cli.js'), 'scan', '.', '--advisory-db', osvDir, '--format', 'markdown'],
      {cwd: h.workspace, encoding: 'utf8'}
    )
    expect(cli.status).toBe(1)
    expectNoAutolinks(cli.stdout)
  })
})
