import {execFile, spawn} from 'node:child_process'
import {createInterface} from 'node:readline'
import {promisify} from 'node:util'
import {ConfigError} from '@pipeguard/core'
import {PatchParser, type AddedText} from './git-patch'

const execFileAsync = promisify(execFile)

/**
 * Options that keep git's patch output plain and parseable whatever the user's git config says.
 * `--relative`: run in a subfolder (the action's `path:`), only its subtree counts and names are
 * relative to it, as in the working-tree scan.
 */
export const PLAIN_PATCH_FLAGS = [
  '-p',
  '--relative',
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/'
]

/**
 * Runs git and streams its patch output through the parser; `onAdded` sees each file's added lines
 * while git is still writing, so a big history never sits in memory at once.
 */
export async function streamPatches(
  root: string,
  args: string[],
  onAdded: (added: AddedText) => void
): Promise<void> {
  const child = spawn('git', ['-C', root, '-c', 'core.quotePath=true', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk
  })
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => resolve(code ?? 1))
  })
  const parser = new PatchParser(onAdded)
  const lines = createInterface({input: child.stdout, crlfDelay: Infinity})
  for await (const line of lines) parser.line(line)
  parser.end()
  const code = await exited
  if (code !== 0)
    throw new ConfigError(
      `git ${args[0]} failed in ${root}: ${stderr.trim().split('\n')[0] || `exit code ${code}`}`
    )
}

export async function git(root: string, args: string[]): Promise<string> {
  const {stdout} = await execFileAsync('git', ['-C', root, ...args], {maxBuffer: 64 * 1024 * 1024})
  return stdout
}

/** A clear error instead of a silent empty scan when the root is not a git work tree. */
export async function requireGitRepo(root: string, what: string): Promise<void> {
  try {
    await git(root, ['rev-parse', '--git-dir'])
  } catch {
    throw new ConfigError(`${what} needs a git repository, and ${root} is not one`)
  }
}
