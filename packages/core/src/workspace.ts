import {execFile} from 'node:child_process'
import {lstatSync, readFileSync, readdirSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {promisify} from 'node:util'
import ignore, {type Ignore} from 'ignore'
import picomatch from 'picomatch'
import type {Config} from './config-schema'
import {toPosix} from './finding'

const execFileAsync = promisify(execFile)

/** How many leading bytes decide whether a file is binary (git's own heuristic). */
export const BINARY_SNIFF_BYTES = 8192
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

/** Folders a walk never enters even without a .gitignore. */
const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn'])

export interface SkippedFile {
  path: string
  reason: string
  /** The file should have been scanned and was not: the scan is incomplete (exit 2). */
  error?: boolean
}

export interface WorkspaceFile {
  /** Posix path relative to the root. */
  readonly path: string
  readonly absPath: string
  readonly size: number
}

/** The workspace a config asks for: its size limit and its (reasoned) exclusions. */
export function workspaceOptions(
  config: Pick<Config, 'maxFileSize' | 'exclude'>
): WorkspaceOptions {
  return {maxFileSize: config.maxFileSize, exclude: config.exclude.map(e => e.path)}
}

export interface WorkspaceOptions {
  maxFileSize?: number
  /** Globs (relative to the root) never listed. */
  exclude?: string[]
}

/**
 * The files of one scan. Listing honours git (tracked plus untracked-not-ignored files) or, outside
 * a work tree, every .gitignore on the way down. Each file is read at most once and its text shared
 * by every scanner.
 */
export class Workspace {
  readonly skipped: SkippedFile[] = []
  private readonly cache = new Map<string, Promise<string | undefined>>()

  private constructor(
    readonly root: string,
    readonly files: WorkspaceFile[],
    readonly isGitRepo: boolean,
    initialSkips: SkippedFile[]
  ) {
    this.skipped.push(...initialSkips)
  }

  static async open(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
    const excluded = options.exclude?.length ? picomatch(options.exclude, {dot: true}) : () => false
    const gitPaths = await listGitFiles(root)
    const candidates = gitPaths ?? walk(root)
    const files: WorkspaceFile[] = []
    const skips: SkippedFile[] = []
    for (const path of candidates.sort()) {
      if (excluded(path)) continue
      const absPath = join(root, ...path.split('/'))
      let stat
      try {
        // Synchronous: one awaited lstat per file took 1.1 s on 18,745 files, lstatSync 60 ms.
        stat = lstatSync(absPath)
      } catch {
        continue // listed by git but deleted in the work tree
      }
      if (stat.isSymbolicLink()) {
        skips.push({path, reason: 'symbolic link (not followed)'})
      } else if (!stat.isFile()) {
        continue
      } else if (stat.size > maxFileSize) {
        skips.push({
          path,
          reason: `larger than the ${formatBytes(maxFileSize)} limit (${formatBytes(stat.size)})`
        })
      } else {
        files.push({path, absPath, size: stat.size})
      }
    }
    return new Workspace(root, files, gitPaths !== undefined, skips)
  }

  /** The file's text, or undefined when it is binary or unreadable (then it is listed as skipped). */
  text(file: WorkspaceFile): Promise<string | undefined> {
    let pending = this.cache.get(file.path)
    if (!pending) {
      pending = this.load(file)
      this.cache.set(file.path, pending)
    }
    return pending
  }

  private async load(file: WorkspaceFile): Promise<string | undefined> {
    let bytes: Buffer
    try {
      // Synchronous on purpose: per-file promise and thread-pool overhead made reading a 100 MB
      // tree of small files about 3x slower (measured 2.0 s vs 0.66 s).
      bytes = readFileSync(file.absPath)
    } catch (error) {
      this.skipped.push({
        path: file.path,
        reason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`
      })
      return undefined
    }
    if (isBinary(bytes)) {
      this.skipped.push({path: file.path, reason: 'binary file'})
      return undefined
    }
    // Invalid UTF-8 becomes U+FFFD rather than an error: the rest of the file is still scanned.
    return bytes.toString('utf8')
  }
}

export function isBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true
  return false
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`
  return `${n} B`
}

async function listGitFiles(root: string): Promise<string[] | undefined> {
  try {
    const inside = await execFileAsync('git', ['-C', root, 'rev-parse', '--is-inside-work-tree'])
    if (inside.stdout.trim() !== 'true') return undefined
    const {stdout} = await execFileAsync(
      'git',
      ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'],
      {maxBuffer: 1024 * 1024 * 1024}
    )
    return [...new Set(stdout.split('\0').filter(Boolean))]
  } catch {
    return undefined
  }
}

/** Synchronous like the other file-system reads here: a walk is thousands of tiny calls. */
function walk(root: string): string[] {
  const out: string[] = []
  const visit = (dir: string, rules: Array<{base: string; ig: Ignore}>): void => {
    let entries
    try {
      entries = readdirSync(dir, {withFileTypes: true})
    } catch {
      return
    }
    const own = entries.find(e => e.name === '.gitignore' && e.isFile())
    const active = [...rules]
    if (own) {
      try {
        const text = readFileSync(join(dir, '.gitignore'), 'utf8')
        active.push({base: toPosix(relative(root, dir)), ig: ignore().add(text)})
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name)
      const rel = toPosix(relative(root, abs))
      const isDir = entry.isDirectory()
      if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue
      if (isIgnored(rel, isDir, active)) continue
      // Directory symlinks are never entered, so a loop or an escape from the root cannot happen.
      if (isDir) visit(abs, active)
      else out.push(rel)
    }
  }
  visit(root, [])
  return out
}

function isIgnored(rel: string, isDir: boolean, rules: Array<{base: string; ig: Ignore}>): boolean {
  for (const {base, ig} of rules) {
    const local = base ? rel.slice(base.length + 1) : rel
    if (!local || (base && !rel.startsWith(base + '/'))) continue
    if (ig.ignores(isDir ? `${local}/` : local)) return true
  }
  return false
}

export function relativePosix(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/')
}
