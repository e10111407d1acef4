import {readFileSync} from 'node:fs'
import {dirname, normalize} from 'node:path/posix'
import {errorMessage, type FileError, type Workspace, type WorkspaceFile} from '@pipeguard/core'
import {decodeLockfile} from './decode-lockfile'
import {ExtractError, type ExtractInput, type Extractor} from './extractor'
import {EXTRACTORS} from './extractors/index'
import {assertNoConflictMarkers} from './extractors/reject-conflict-markers'
import type {Inventory, Package} from './package'
import {redactCredentials} from './redact-credentials'

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
  input: Omit<ExtractInput, 'text'> & {content: string | Uint8Array}
): FileExtraction {
  try {
    const text = decodeLockfile(input.content, extractor.encodings)
    assertNoConflictMarkers(text)
    const result = extractor.extract({
      path: input.path,
      text,
      siblings: input.siblings,
      ...(input.readRelative ? {readRelative: input.readRelative} : {})
    })
    return {packages: result.packages, warnings: (result.warnings ?? []).map(redactCredentials)}
  } catch (error) {
    return {packages: [], warnings: [], error: redactCredentials(describeError(input.path, error))}
  }
}

/**
 * Every lockfile/manifest among `files`, each read once through the workspace and then by
 * extractFile. A bad file becomes an `errors` entry naming the file and the line; the others are
 * still extracted. A lockfile the workspace could not list (over the size limit, a symbolic link)
 * is an error too: its packages were not read, so the scan is incomplete.
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
    const content = await readContent(workspace, file)
    if (content === undefined) {
      errors.push({path: file.path, message: `${file.path}: not readable`})
      continue
    }
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
        content,
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

/** Lockfiles the workspace saw but did not list (`workspace.skipped`: too large, a symbolic link). */
function unlistedLockfiles(
  workspace: Workspace,
  listed: Map<string, WorkspaceFile>,
  extractors: readonly Extractor[]
): FileError[] {
  return workspace.skipped
    .filter(s => !listed.has(s.path) && extractorsFor(s.path, extractors).length > 0)
    .map(s => ({
      path: s.path,
      message: `${s.path}: ${s.reason}; its dependencies were not read (raise max-file-size in .pipeguard.yml for a large lockfile, or exclude the file)`
    }))
}

/**
 * The workspace's shared text, or the raw bytes when it found the file binary (UTF-16 has NUL
 * bytes): decodeLockfile decides what they are.
 */
async function readContent(
  workspace: Workspace,
  file: WorkspaceFile
): Promise<string | Uint8Array | undefined> {
  const text = await workspace.text(file)
  if (text !== undefined) return text
  try {
    return readFileSync(file.absPath)
  } catch {
    return undefined
  }
}

/** A manifest next to the lockfile only adds detail (direct marks, scopes): unreadable is a warning. */
async function readSibling(
  workspace: Workspace,
  file: WorkspaceFile,
  warnings: FileError[]
): Promise<string | undefined> {
  const content = await readContent(workspace, file)
  if (content === undefined) return undefined
  try {
    return decodeLockfile(content)
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
