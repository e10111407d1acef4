import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {
  ConfigSchema,
  runPipeline,
  type ConfigInput,
  type RunOptions,
  type ScanReport
} from '@pipeguard/core'
import {createSecretsScanner, type SecretsScannerOptions} from '@pipeguard/secrets'
import {TEST_RULES} from './fake'

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `pg-secrets-${label}-`))
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dev Eloper',
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_COMMITTER_NAME: 'Dev Eloper',
      GIT_COMMITTER_EMAIL: 'dev@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root
    }
  })
}

export function initRepo(root: string): void {
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'config', 'commit.gpgsign', 'false')
}

/** Runs the full pipeline with the secrets scanner (test rules unless given) on `root`. */
export async function scan(
  root: string,
  options: Partial<RunOptions> = {},
  config: ConfigInput = {},
  scannerOptions: SecretsScannerOptions = {rules: TEST_RULES}
): Promise<ScanReport> {
  return runPipeline({
    root,
    config: ConfigSchema.parse(config),
    options: {scanners: ['secrets'], history: false, staged: false, list: false, ...options},
    scanners: [createSecretsScanner(scannerOptions)]
  })
}
