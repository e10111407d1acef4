import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {FakeGitHub} from './helpers/fake-github'
import {removeRun, runAction, type ActionRun} from './helpers/run-action'
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

// Fresh secrets every run, so nothing in the repository can contain them by accident.
const planted: Record<string, string> = {
  githubPat: randomToken('ghp_', 36),
  awsKeyId: randomToken('AKIA', 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
  awsSecret: randomToken('', 40),
  fineGrained: `github_pat_${randomToken('', 22)}_${randomToken('', 59)}`,
  // Enough distinct tokens to overflow the annotation budget, so a check run is written too
  // (copies of one value would be one finding with a count).
  ...Object.fromEntries(Array.from({length: 12}, (_, i) => [`copy${i}`, randomToken('ghp_', 36)]))
}
const secretFile = [
  `GITHUB_TOKEN=${planted.githubPat}`,
  `aws_access_key_id = ${planted.awsKeyId}`,
  `aws_secret_access_key = ${planted.awsSecret}`,
  `GH_TOKEN="${planted.fineGrained}"`,
  ...Array.from({length: 12}, (_, i) => `COPY_${i}=${planted[`copy${i}`]}`)
].join('\n')

/** Everything a run let out of the process: request bodies and URLs, stdout, stderr, outputs, summary, files. */
function everythingWritten(
  server: FakeGitHub,
  runs: ActionRun[],
  workspace: string
): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const r of server.requests)
    out.push([`${r.method} ${r.path}`, `${r.path}?${new URLSearchParams(r.query)}\n${r.rawBody}`])
  for (const [i, run] of runs.entries()) {
    // `::add-mask::` is how a secret gets masked: the runner consumes the line and never shows it.
    out.push([
      `run ${i} stdout`,
      run.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
    ])
    out.push([`run ${i} stderr`, run.stderr])
    for (const [name, text] of Object.entries(run.files)) out.push([`run ${i} file ${name}`, text])
  }
  const sarif = join(workspace, 'pipeguard.sarif')
  if (existsSync(sarif)) out.push(['workspace pipeguard.sarif', readFileSync(sarif, 'utf8')])
  return out
}

describe('no planted secret leaves the secret-scan action', () => {
  let server: FakeGitHub
  let workspace: string
  const runs: ActionRun[] = []
  beforeAll(async () => {
    server = new FakeGitHub()
    await server.start()
    workspace = makeWorkspace({'README.md': '# app\n'})
    const baseSha = initRepo(workspace)
    writeFiles(workspace, {'deploy/prod.env': secretFile + '\n'})
    const headSha = commitAll(workspace, 'add deploy settings')
    const common = {
      action: 'secret-scan',
      workspace,
      apiUrl: server.url,
      inputs: {'sarif-file': 'pipeguard.sarif'}
    }
    runs.push(
      await runAction({
        ...common,
        eventName: 'pull_request',
        event: pullRequestEvent(3, {baseSha, headSha}),
        sha: 'e'.repeat(40)
      })
    )
    runs.push(await runAction({...common, eventName: 'push', sha: headSha}))
    runs.push(await runAction({...common, eventName: 'schedule', sha: headSha}))
    expect(git(workspace, 'status', '--porcelain')).toContain('pipeguard.sarif')
  })
  afterAll(async () => {
    await server.close()
    removeWorkspace(workspace)
    runs.forEach(removeRun)
  })

  it('found every planted secret and reported it everywhere', () => {
    for (const run of runs) {
      expect(run.exitCode).toBe(1)
      expect(Number(run.outputs.findings)).toBeGreaterThanOrEqual(16)
    }
    expect(server.comments).toHaveLength(1)
    expect(server.checkRuns.length).toBeGreaterThan(0)
    expect(server.issues).toHaveLength(1)
    // Each secret was masked for the log before anything else was printed about it.
    for (const value of Object.values(planted))
      expect(runs[0]!.stdout).toContain(`::add-mask::${value}`)
  })

  it('no request body, URL, annotation, log line, output, summary or written file contains a planted secret', () => {
    const written = everythingWritten(server, runs, workspace)
    expect(written.length).toBeGreaterThan(10)
    const leaks = written.flatMap(([where, text]) =>
      Object.entries(planted)
        .filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
        .map(([name]) => `${name} in ${where}`)
    )
    expect(leaks).toEqual([])
  })
})
