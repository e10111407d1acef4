import {readFileSync} from 'node:fs'
import {dirname, normalize} from 'node:path/posix'
import {errorMessage, type FileError, type Workspace, type WorkspaceFile} from '@pipeguard/core'
import {findConflictMarker} from './conflict-markers'
import {ExtractError, type Extractor} from './extractor'
import {EXTRACTORS} from './extractors/index'
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

/**
 * Every lockfile/manifest among `files`, each read once through the workspace. A bad file becomes
 * an `errors` entry naming the file and the line; the others are still extracted.
 */
export async function extractInventory(
  workspace: Workspace,
  files: WorkspaceFile[],
  extractors: readonly Extractor[] = EXTRACTORS
): Promise<InventoryResult> {
  const byPath = new Map(workspace.files.map(f => [f.path, f]))
  for (const file of files) byPath.set(file.path, file)
  const packages: Package[] = []
  const errors: FileError[] = []
  const warnings: FileError[] = []
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of sorted) {
    const matching = extractorsFor(file.path, extractors)
    if (!matching.length) continue
    const text = await workspace.text(file)
    if (text === undefined) {
      errors.push({
        path: file.path,
        message: `${file.path}: not readable as text (binary or unreadable)`
      })
      continue
    }
    const marker = findConflictMarker(text)
    if (marker !== undefined) {
      errors.push({
        path: file.path,
        message: `${file.path}:${marker}: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile`
      })
      continue
    }
    for (const extractor of matching) {
      const siblings: Record<string, string> = {}
      for (const name of extractor.siblings ?? []) {
        const dir = dirname(file.path)
        const sibling = byPath.get(dir === '.' ? name : `${dir}/${name}`)
        const siblingText = sibling && (await workspace.text(sibling))
        if (siblingText !== undefined && siblingText !== '') siblings[name] = siblingText
      }
      try {
        const result = extractor.extract({
          path: file.path,
          text,
          siblings,
          readRelative: readFrom(byPath)
        })
        packages.push(...result.packages)
        for (const message of result.warnings ?? []) warnings.push({path: file.path, message})
      } catch (error) {
        errors.push({path: file.path, message: describeError(file.path, error)})
      }
    }
  }
  return {packages, errors, warnings}
}

/**
 * Synchronous reads for includes (`-r base.txt`): only files the workspace listed (so inside the
 * root, not excluded, not over the size limit); anything else is reported as missing.
 */
function readFrom(byPath: Map<string, WorkspaceFile>): (path: string) => string | undefined {
  return path => {
    const clean = normalize(path)
    if (clean.startsWith('../') || clean.startsWith('/')) return undefined
    const file = byPath.get(clean)
    if (!file) return undefined
    try {
      return readFileSync(file.absPath, 'utf8')
    } catch {
      return undefined
    }
  }
}

/** `package-lock.json:12: expected ...`; parser errors that are not ExtractErrors keep their own text. */
export function describeError(path: string, error: unknown): string {
  const line = error instanceof ExtractError ? error.line : lineOfParserError(error)
  return `${path}${line ? `:${line}` : ''}: ${errorMessage(error)}`
}

function lineOfParserError(error: unknown): number | undefined {
  const pos = (error as {linePos?: Array<{line: number}>} | undefined)?.linePos
  return Array.isArray(pos) ? pos[0]?.line : undefined
}
