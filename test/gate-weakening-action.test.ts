import {describe, expect, it} from '@jest/globals'
import {escapeInlineCode} from '@pipeguard/core'
import {RULES} from '@pipeguard/secrets'
import {commitAll, git, initRepo, pullRequestEvent, writeFiles} from './helpers/workspace'
import {useActionHarness} from './helpers/action-harness'

/** A gitleaks config with one rule of its own and no `[extend] useDefault`: it replaces ours. */
const GITLEAKS_TOML = `title = "team rules"

[[rules]]
id = "team-token"
regex = '''team_[a-z0-9]{32}'''
keywords = ["team_"]
`

describe('a pull request that weakens the gate (dist/secret-scan/index.js)', () => {
  const h = useActionHarness({'README.md': '# app\n', 'src/app.js': 'console.log(1)\n'})
  /** Commits `files` on top of the base commit and runs the action on that pull request. */
  const pullRequest = async (
    files: Record<string, string>,
    options: {baseSha?: string; action?: string} = {}
  ) => {
    const base = git(h.workspace, 'rev-parse', 'HEAD')
    writeFiles(h.workspace, files)
    const headSha = commitAll(h.workspace, 'change')
    return h.run({
      action: options.action ?? 'secret-scan',
      eventName: 'pull_request',
      event: pullRequestEvent(7, {baseSha: options.baseSha ?? base, headSha}),
      sha: 'e'.repeat(40)
    })
  }

  it('shows what it switches off in the PR comment and summary, without blocking', async () => {
    initRepo(h.workspace)
    const run = await pullRequest({
      '.pipeguard.yml':
        'exclude:\n  - path: "**"\n    reason: the scan is slow <!-- pipeguard:secret-scan --> @octocat\n',
      '.gitleaks.toml': GITLEAKS_TOML
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      '::warning::pipeguard: this pull request weakens the gate (2 change(s) to its configuration): see the job summary'
    )

    // No findings, yet the comment is posted: the weakening is what the reviewer must see.
    expect(h.server.comments).toHaveLength(1)
    for (const text of [h.server.comments[0]!.body, run.summary]) {
      expect(text).toContain('#### ⚠️ This pull request weakens the gate')
      expect(text).toContain(`- disables ${RULES.length} secret rule(s) `)
      expect(text).toContain(
        `it does not set [extend] useDefault = true, so its rules replace the built-in ones (${escapeInlineCode('.gitleaks.toml')})`
      )
      expect(text).toContain(
        `- excludes from every scanner ${escapeInlineCode('**')} (${escapeInlineCode('.pipeguard.yml')}, reason: the scan is slow `
      )
      expect(text).toContain('_A report for the reviewer, not a block:')
      // Only the comment's own marker: the reason cannot plant another one.
      expect(text.split('<!--').length - 1).toBe(text === run.summary ? 0 : 1)
      expect(text).not.toMatch(/(?<![\w\\])@octocat/)
    }

    // Every run says how many rules ran, and that the gitleaks config replaced the built-in ones.
    expect(run.summary).toContain('**What ran**')
    expect(run.summary).toMatch(
      /^- \*\*Secret scan\*\*: 1 rule\\\(s\\\) run \\\(from \.gitleaks\.toml\\\)/m
    )
    expect(run.summary).toContain(
      `${RULES.length} built-in rule\\(s\\) do not run: .gitleaks.toml replaces them`
    )
  })

  it('shows no weakening for a pull request that leaves the gate alone, and still says what ran', async () => {
    initRepo(h.workspace)
    const run = await pullRequest({'src/app.js': 'console.log(2)\n'})
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('weakens the gate')
    expect(run.summary).not.toContain('weakens the gate')
    expect(run.summary).toMatch(
      new RegExp(
        `^- \\*\\*Secret scan\\*\\*: ${RULES.length} rule\\\\\\(s\\\\\\) run \\\\\\(built in\\\\\\)`,
        'm'
      )
    )
    expect(h.server.comments).toHaveLength(0)
  })

  it('says so when the base commit is not in the clone (dist/iac-lint/index.js)', async () => {
    initRepo(h.workspace)
    const run = await pullRequest(
      {'.pipeguard.yml': 'mode: audit\n'},
      {baseSha: 'c'.repeat(40), action: 'iac-lint'}
    )
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain(
      `⚠️ The gate's configuration could not be compared with the base commit (the commit ${'c'.repeat(40)} is not in this clone`
    )
    expect(run.summary).not.toContain('This pull request weakens the gate')
  })
})
