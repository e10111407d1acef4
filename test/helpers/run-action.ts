/**
 * Runs a bundled action (`node dist/<action>/index.js`) the way the runner does: INPUT_* and
 * GITHUB_* variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files in a
 * temporary directory. Nothing is inherited from a surrounding GitHub Actions job.
 */
import {spawn} from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'

export const REPO_ROOT = new URL('../..', import.meta.url).pathname

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The temporary directory (RUNNER_TEMP) with every file the action wrote, by relative path. */
  tempDir: string
  files: Record<string, string>
  durationMs: number
}

export interface RunActionOptions {
  /** `secret-scan`, `iac-lint`, `dependency-audit`, `sbom` or `pipeguard` (the root action). */
  action: string
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string
  /** Inputs by their action.yml name (kebab-case). */
  inputs?: Record<string, string>
  eventName?: string
  event?: unknown
  apiUrl?: string
  repository?: string
  sha?: string
  ref?: string
  env?: Record<string, string>
  timeoutMs?: number
}

/** Input names the runner would turn into INPUT_ variables: spaces become _, letters upper case. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses the GITHUB_OUTPUT file (`name<<DELIMITER` blocks as @actions/core writes them). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      out[name!] = value.join('\n')
      continue
    }
    const eq = /^([^=]+)=(.*)$/.exec(lines[i]!)
    if (eq) out[eq[1]!] = eq[2]!
  }
  return out
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const tempDir = mkdtempSync(join(tmpdir(), 'pipeguard-action-'))
  const eventPath = join(tempDir, 'event.json')
  const outputPath = join(tempDir, 'github-output')
  const summaryPath = join(tempDir, 'step-summary.md')
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')

  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(key) || key === 'CI')
      continue
    if (key === 'NODE_OPTIONS') continue
    env[key] = value
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: options.repository ?? 'acme/app',
    GITHUB_SHA: options.sha ?? 'a'.repeat(40),
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: tempDir,
    // Fast pacing for tests: backoff unit and write spacing in ms. Retry-After is still honoured.
    PIPEGUARD_RETRY_BASE_MS: '20',
    PIPEGUARD_WRITE_INTERVAL_MS: '0'
  })
  for (const [name, value] of Object.entries({
    'github-token': 'ghs_faketoken0000000000000000000000000000',
    ...options.inputs
  })) {
    env[inputEnvName(name)] = value
  }
  Object.assign(env, options.env ?? {})

  const started = Date.now()
  const entry = join(REPO_ROOT, 'dist', options.action, 'index.js')
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run npm run build`)
  const child = spawn(process.execPath, [entry], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `${options.action} did not finish within ${options.timeoutMs ?? 60000} ms\n${stdout}\n${stderr}`
        )
      )
    }, options.timeoutMs ?? 60000)
    child.on('close', code => {
      clearTimeout(timer)
      resolve(code)
    })
  })
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    tempDir,
    files: readTree(tempDir),
    durationMs: Date.now() - started
  }
}

function readTree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name)
    if (statSync(abs).isDirectory()) Object.assign(out, readTree(abs, base))
    else out[relative(base, abs)] = readFileSync(abs, 'utf8')
  }
  return out
}

export function removeRun(run: ActionRun): void {
  rmSync(run.tempDir, {recursive: true, force: true})
}
