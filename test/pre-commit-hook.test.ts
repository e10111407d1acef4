import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {commitAll, git, randomToken} from './helpers/workspace'

// The real pre-commit (Debian 12 ships 3.0.4; .ci/run installs it) with the real
// .pre-commit-hooks.yaml, taken by pre-commit from a repository reference as users take it.
const repo = join(import.meta.dirname, '..')
const HOOK_FILES = [
  '.pre-commit-hooks.yaml',
  'scripts/pre-commit-secrets.sh',
  'dist/cli.js',
  'dist/cli-main.js'
]

const version = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
const installed = version.status === 0
// In CI a missing pre-commit is a failure, never a silent skip.
if (!installed && process.env.CI === 'true') {
  throw new Error('pre-commit is not installed: .ci/run installs it (apt-get install pre-commit)')
}
if (!installed) {
  console.warn(
    'test/pre-commit-hook.test.ts skipped: pre-commit is not installed (apt-get install pre-commit)'
  )
}
const describeInstalled = installed ? describe : describe.skip

let root: string
let project: string
let env: NodeJS.ProcessEnv

function commit(): {status: number | null; out: string} {
  const result = spawnSync('git', ['commit', '-q', '-m', 'change'], {
    cwd: project,
    encoding: 'utf8',
    env
  })
  return {status: result.status, out: `${result.stdout}${result.stderr}`}
}

beforeAll(() => {
  if (!installed) return
  root = mkdtempSync(join(tmpdir(), 'pg-pre-commit-'))
  // The hook repository: this work tree's hook manifest, its entry script and the bundles it runs.
  const hooks = join(root, 'hooks')
  mkdirSync(join(hooks, 'scripts'), {recursive: true})
  mkdirSync(join(hooks, 'dist'))
  for (const file of HOOK_FILES) copyFileSync(join(repo, file), join(hooks, file))
  git(hooks, 'init', '-q', '-b', 'main')
  const rev = commitAll(hooks, 'pipeguard hooks')

  project = join(root, 'project')
  mkdirSync(project)
  git(project, 'init', '-q', '-b', 'main')
  git(project, 'config', 'user.name', 'pre-commit-test')
  git(project, 'config', 'user.email', 'test@example.com')
  git(project, 'config', 'commit.gpgsign', 'false')
  writeFileSync(
    join(project, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: pipeguard-secrets\n`
  )
  // pre-commit's clone cache stays inside the test's folder.
  env = {...process.env, PRE_COMMIT_HOME: join(root, 'cache')}
  const install = spawnSync('pre-commit', ['install'], {cwd: project, encoding: 'utf8', env})
  expect(install.stderr).toBe('')
  expect(install.status).toBe(0)
}, 60_000)
afterAll(() => {
  if (root) rmSync(root, {recursive: true, force: true})
})

describeInstalled(`pipeguard-secrets hook with ${version.stdout?.trim()}`, () => {
  it('lets a commit of clean content through', () => {
    writeFileSync(join(project, 'app.py'), 'token = os.environ["GITHUB_TOKEN"]\n')
    git(project, 'add', '-A')
    const result = commit()
    expect(result.out).toMatch(/pipeguard secret scan \(staged changes\)\.+Passed/)
    expect(result.status).toBe(0)
    expect(git(project, 'log', '--format=%s')).toBe('change')
  }, 60_000)

  it('blocks a commit that stages a secret, without printing it', () => {
    const token = randomToken('ghp_', 36)
    writeFileSync(join(project, 'settings.py'), `GITHUB_TOKEN = "${token}"\n`)
    git(project, 'add', 'settings.py')
    const result = commit()
    expect(result.out).toMatch(/pipeguard secret scan \(staged changes\)\.+Failed/)
    expect(result.out).toMatch(/settings\.py\n\s+1\s+high\s+github-pat /)
    expect(result.out).not.toContain(token)
    expect(result.status).toBe(1)
    expect(git(project, 'log', '--format=%s')).toBe('change')
  }, 60_000)
})
