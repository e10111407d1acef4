import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

/** A temporary checkout with the given files (posix paths -> text). */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipeguard-ws-'))
  writeFiles(dir, files)
  return dir
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, ...path.split('/'))
    mkdirSync(dirname(abs), {recursive: true})
    writeFileSync(abs, text)
  }
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, {recursive: true, force: true})
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random, high-entropy string of the alphabet: a fresh fake secret for every test run. */
export function randomToken(prefix: string, length: number, alphabet = ALNUM): string {
  const bytes = randomBytes(length)
  let out = prefix
  for (const b of bytes) out += alphabet[b % alphabet.length]
  return out
}

/** A pull_request event payload as GitHub sends it (the fields pipeguard reads). */
export function pullRequestEvent(
  number: number,
  options: {headSha?: string; baseSha?: string; fork?: boolean; changedFiles?: number} = {}
): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      ...(options.changedFiles === undefined ? {} : {changed_files: options.changedFiles}),
      head: {
        sha: options.headSha ?? 'b'.repeat(40),
        ref: 'feature',
        repo: {full_name: options.fork ? 'stranger/app' : 'acme/app'}
      },
      base: {sha: options.baseSha ?? 'c'.repeat(40), ref: 'main', repo: {full_name: 'acme/app'}}
    },
    repository: {full_name: 'acme/app', default_branch: 'main'}
  }
}

/** Runs git in `dir` with a fixed identity and no signing, returning trimmed stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-C',
      dir,
      '-c',
      'user.name=pipeguard-test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args
    ],
    {
      encoding: 'utf8'
    }
  ).trim()
}

/** Stages everything and commits; returns the new commit's sha. */
export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', message)
  return git(dir, 'rev-parse', 'HEAD')
}

/** A git checkout with a base commit of `files`; returns its sha. */
export function initRepo(dir: string): string {
  git(dir, 'init', '-q', '-b', 'main')
  return commitAll(dir, 'base')
}
