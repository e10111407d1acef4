import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {readBlobsAtCommit, resolveCommit, type Workspace, type WorkspaceFile} from '@pipeguard/core'
import {decodeLockfile, type TextEncodings} from './decode-lockfile'
import {EXTRACTORS} from './extractors/index'

const execFileAsync = promisify(execFile)

export interface BaseFiles {
  /** The resolved commit, when git has it. */
  commit?: string
  /** Lockfile texts on the base commit; a path missing here did not exist there. */
  texts: Map<string, string>
  /** Why the base could not be read (shallow clone, unknown ref): then everything counts as new. */
  problem?: string
  /** Files `alsoList` selected that the base has and `paths` lacks: deleted by the change. */
  deleted: string[]
}

/**
 * Reads each path at the base commit with git, in a real work tree at `root`;
 * plus every file of the base tree under `root` that `alsoList` selects and `paths` lacks (a
 * lockfile the change deletes), listed in `deleted`.
 */
export async function readBaseFiles(
  root: string,
  base: string,
  paths: string[],
  alsoList?: (path: string) => boolean
): Promise<BaseFiles> {
  const commit = await resolveCommit(root, base)
  if (commit === undefined) {
    return {
      texts: new Map(),
      deleted: [],
      problem: `the base commit ${base} is not in this clone (a shallow checkout? use actions/checkout with fetch-depth: 0); every vulnerability is treated as new`
    }
  }
  const present = new Set(paths)
  const deleted = alsoList
    ? (await listTree(root, commit)).filter(p => !present.has(p) && alsoList(p))
    : []
  // A path missing on the base branch is absent: every package in it is new.
  const blobs = await readBlobsAtCommit(root, commit, [...paths, ...deleted], 256 * 1024 * 1024)
  const texts = new Map<string, string>()
  for (const [path, bytes] of blobs) {
    try {
      texts.set(path, decodeLockfile(bytes, encodingsFor(path)))
    } catch {
      // undecodable on the base: counted as absent there, so its packages count as new
    }
  }
  return {commit, texts, deleted: deleted.filter(p => texts.has(p))}
}

/** What the extractors of `path` accept: UTF-16 only where every one of them reads it. */
function encodingsFor(path: string): TextEncodings {
  const matching = EXTRACTORS.filter(e => e.matches(path))
  return {utf16: matching.length > 0 && matching.every(e => e.encodings?.utf16)}
}

/** The files of a commit's tree under `root`, relative to it (`git ls-tree` prints them so). */
async function listTree(root: string, commit: string): Promise<string[]> {
  try {
    const {stdout} = await execFileAsync(
      'git',
      ['-C', root, 'ls-tree', '-r', '-z', '--name-only', commit, '--', '.'],
      {maxBuffer: 256 * 1024 * 1024}
    )
    return stdout.split('\0').filter(Boolean)
  } catch {
    return []
  }
}

const BASE_VIEWS = new WeakSet<Workspace>()

/**
 * True for a view made by baseWorkspace: its texts come from git, already decoded by readBaseFiles
 * (the files on disk are the head's, so nothing is to be read from them).
 */
export function isBaseView(workspace: Workspace): boolean {
  return BASE_VIEWS.has(workspace)
}

/**
 * A read-only view of the base commit's lockfiles, shaped like the workspace extraction reads:
 * the head's files as they were on the base, plus the `deleted` ones only the base has.
 */
export function baseWorkspace(
  workspace: Workspace,
  texts: Map<string, string>,
  deleted: string[]
): {workspace: Workspace; files: WorkspaceFile[]} {
  const files = [
    ...workspace.files.filter(f => texts.has(f.path)),
    ...deleted.map(path => ({path, absPath: join(workspace.root, path), size: 0}))
  ].map(f => ({...f, size: Buffer.byteLength(texts.get(f.path)!)}))
  const view = Object.create(workspace) as Workspace
  BASE_VIEWS.add(view)
  Object.defineProperty(view, 'files', {value: files})
  Object.defineProperty(view, 'text', {value: async (file: WorkspaceFile) => texts.get(file.path)})
  // Size and symlink skips are the head's; the base blobs come from git whole.
  Object.defineProperty(view, 'skipped', {value: []})
  return {workspace: view, files}
}
