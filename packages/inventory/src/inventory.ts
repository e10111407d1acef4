import {closeSync, openSync, readFileSync, readSync} from 'node:fs'
import {dirname, normalize} from 'node:path/posix'
import {
  errorMessage,
  redactCredentials,
  type FileError,
  type Workspace,
  type WorkspaceFile
} from '@pipeguard/core'
import {isBaseView} from './base-revision'
import {decodeLockfile, type DecodedBy} from './decode-lockfile'
import {ExtractError, type ExtractInput, type Extractor} from './extractor'
import {EXTRACTORS} from './extractors/index'
import {assertNoConflictMarkers} from './extractors/reject-conflict-markers'
import type {Inventory, Package} from './package'

/**
 * Folders that hold installed or vendored copies of dependencies, never the project's own
 * declarations: a lockfile in there (node_modules/.package-lock.json, a vendored crate) would list
 * packages twice or list what the project does not use.
 */
export const SKIPPED_DIRS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.yarn',
  '.pnpm-store',
  'vendor',
  '.venv',
  'venv',
  '__pypackages__',
  'site-packages',
  '.tox',
  '.nox',
  'target',
  '.gradle',
  '.git'
])

export interface InventoryResult extends Inventory {
  /** Things that did not stop a file's extraction (a local folder dependency, an unreadable package.json). */
  warnings: FileError[]
}

function isSkipped(path: string): boolean {
  const parts = path.split('/')
  for (let i = 0; i < parts.length - 1; i++) if (SKIPPED_DIRS.has(parts[i]!)) return true
  return false
}

function extractorsFor(path: string, extractors: readonly Extractor[]): Extractor[] {
  if (isSkipped(path)) return []
  return extractors.filter(e => e.matches(path))
}

/** For a scanner's fileRequired: a path some extractor reads (outside vendored/installed folders). */
export function inventoryFileRequired(
  path: string,
  extractors: readonly Extractor[] = EXTRACTORS
): boolean {
  return extractorsFor(path, extractors).length > 0
}

/** What one file gave one extractor: its packages, or the error that stopped it. */
export interface FileExtraction {
  packages: Package[]
  warnings: string[]
  /** `path:line:column: what was expected`; set when nothing could be read from the file. */
  error?: string
}

/**
 * One file through one extractor, the way every file of a scan is read: decoded as its package
 * manager reads it, refused at a merge-conflict marker, extracted. A bad file is an error value,
 * never an exception, and no message carries a credential from the file's text.
 */
export function extractFile(
  extractor: Extractor,
  input: Omit<ExtractInput, 'text'> & {content: string | Uint8Array; decodedBy?: DecodedBy}
): FileExtraction {
  try {
    const text = decodeLockfile(input.content, extractor.encodings, input.decodedBy)
    assertNoConflictMarkers(text)
    const result = extractor.extract({
      path: input.path,
      text,
      siblings: input.siblings,
      ...(input.readRelative ? {readRelative: input.readRelative} : {})
    })
    return {
      packages: result.packages,
      warnings: (result.warnings ?? []).map(warning => redactCredentials(warning))
    }
  } catch (error) {
    return {packages: [], warnings: [], error: redactCredentials(describeError(input.path, error))}
  }
}

/**
 * Every lockfile/manifest among `files`, each read once through the workspace and then by
 * extractFile. A bad file becomes an `errors` entry naming the file and the line; the others are
 * still extracted. A file over max-file-size or unreadable is the workspace's to report (a skip
 * that makes the scan incomplete); a lockfile behind a symbolic link, which the workspace does not
 * follow, is an error here: its packages were not read.
 */
export async function extractInventory(
  workspace: Workspace,
  files: WorkspaceFile[],
  extractors: readonly Extractor[] = EXTRACTORS
): Promise<InventoryResult> {
  const byPath = new Map(workspace.files.map(f => [f.path, f]))
  for (const file of files) byPath.set(file.path, file)
  const packages: Package[] = []
  const errors: FileError[] = unlistedLockfiles(workspace, byPath, extractors)
  const warnings: FileError[] = []
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of sorted) {
    const matching = extractorsFor(file.path, extractors)
    if (!matching.length) continue
    const read = await readContent(workspace, file)
    if (read === undefined) continue
    for (const extractor of matching) {
      const siblings: Record<string, string> = {}
      for (const name of extractor.siblings ?? []) {
        const dir = dirname(file.path)
        const sibling = byPath.get(dir === '.' ? name : `${dir}/${name}`)
        const siblingText = sibling && (await readSibling(workspace, sibling, warnings))
        if (siblingText) siblings[name] = siblingText
      }
      const result = extractFile(extractor, {
        path: file.path,
        ...read,
        siblings,
        readRelative: readFrom(byPath, extractor)
      })
      packages.push(...result.packages)
      for (const message of result.warnings) warnings.push({path: file.path, message})
      if (result.error) errors.push({path: file.path, message: result.error})
    }
  }
  return {packages, errors, warnings}
}

/**
 * Lockfiles the workspace saw but did not list, for a reason that is not already an error of its
 * own: a symbolic link (never followed). Its dependencies were not read.
 */
function unlistedLockfiles(
  workspace: Workspace,
  listed: Map<string, WorkspaceFile>,
  extractors: readonly Extractor[]
): FileError[] {
  return workspace.skipped
    .filter(s => !s.error && !listed.has(s.path) && extractorsFor(s.path, extractors).length > 0)
    .map(s => ({
      path: s.path,
      message: `${s.path}: ${s.reason}; its dependencies were not read (scan the file it points to, or exclude the link with a reason)`
    }))
}

/**
 * The workspace's shared text (with the encoding it was decoded from, when that was UTF-16), or
 * the raw bytes when the workspace found the file not to be text: decodeLockfile decides what
 * they are. Undefined when the workspace already lists the file as an error (over max-file-size,
 * unreadable).
 */
async function readContent(
  workspace: Workspace,
  file: WorkspaceFile
): Promise<{content: string | Uint8Array; decodedBy?: DecodedBy} | undefined> {
  const text = await workspace.text(file)
  if (text !== undefined) {
    const decodedBy = isBaseView(workspace) ? undefined : utf16Mark(file.absPath)
    return {content: text, ...(decodedBy ? {decodedBy} : {})}
  }
  if (file.size > workspace.maxFileSize) return undefined
  try {
    return {content: readFileSync(file.absPath)}
  } catch {
    return undefined
  }
}

/** The UTF-16 byte order mark a file starts with, if any (the workspace decodes such text). */
function utf16Mark(absPath: string): DecodedBy | undefined {
  let fd: number | undefined
  try {
    fd = openSync(absPath, 'r')
    const head = Buffer.alloc(2)
    readSync(fd, head, 0, 2, 0)
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le'
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be'
    return undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** A manifest next to the lockfile only adds detail (direct marks, scopes): unreadable is a warning. */
async function readSibling(
  workspace: Workspace,
  file: WorkspaceFile,
  warnings: FileError[]
): Promise<string | undefined> {
  const read = await readContent(workspace, file)
  if (read === undefined) return undefined
  try {
    return decodeLockfile(read.content, {}, read.decodedBy)
  } catch (error) {
    const message = redactCredentials(describeError(file.path, error))
    warnings.push({path: file.path, message: `${message}; not used`})
    return undefined
  }
}

/**
 * Synchronous reads for includes (`-r base.txt`): only files the workspace listed (so inside the
 * root, not excluded, not over the size limit), decoded like the including file; anything else is
 * reported as missing. A file that is there but cannot be decoded throws its ExtractError.
 */
function readFrom(
  byPath: Map<string, WorkspaceFile>,
  extractor: Extractor
): (path: string) => string | undefined {
  return path => {
    const clean = normalize(path)
    if (clean.startsWith('../') || clean.startsWith('/')) return undefined
    const file = byPath.get(clean)
    if (!file) return undefined
    let bytes: Uint8Array
    try {
      bytes = readFileSync(file.absPath)
    } catch {
      return undefined
    }
    return decodeLockfile(bytes, extractor.encodings)
  }
}

/**
 * `package-lock.json:12:5: expected ...`. A YAML library error keeps its own text; anything else
 * that is not an ExtractError is a bug of ours, said so (it still counts as an error for the file).
 */
export function describeError(path: string, error: unknown): string {
  const line = error instanceof ExtractError ? error.line : lineOfParserError(error)
  const column = error instanceof ExtractError && line ? error.column : undefined
  const where = `${path}${line ? `:${line}` : ''}${column ? `:${column}` : ''}`
  if (error instanceof ExtractError || line) return `${where}: ${errorMessage(error)}`
  const name = error instanceof Error ? error.name : typeof error
  return `${where}: internal error while reading this file (${name}: ${errorMessage(error)}); please report it`
}

function lineOfParserError(error: unknown): number | undefined {
  const pos = (error as {linePos?: Array<{line: number}>} | undefined)?.linePos
  return Array.isArray(pos) ? pos[0]?.line : undefined
}
