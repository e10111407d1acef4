import type {Config} from './config-schema'
import type {FileError} from './errors'
import type {ScannerGate} from './gate-changes'
import type {Finding, ScannerId} from './finding'
import type {Progress} from './progress'
import type {RunOptions} from './run-options'
import type {Workspace, WorkspaceFile} from './workspace'

export interface ScanContext {
  /** Absolute path of the scanned root. */
  root: string
  config: Config
  options: RunOptions
  workspace: Workspace
  /** The workspace files this scanner asked for with `fileRequired`. */
  files: WorkspaceFile[]
  progress: Progress
  env: NodeJS.ProcessEnv
}

export interface ScanOutput {
  findings: Finding[]
  errors: FileError[]
  /** Short facts for the report ("scanned 12 lockfiles", "history: 340 commits"). */
  notes?: string[]
  /** How many rules or checks ran, so that a configuration that turns them all off shows as 0. */
  rulesRun?: number
  /**
   * Problems on the compared base that this change removes (a pull request that upgrades a
   * vulnerable package): listed in pull-request reports, never policy-checked and never blocking.
   */
  resolved?: Finding[]
}

/**
 * One scanner: a plugin with a declared contract. The core walks the tree and reads files;
 * a scanner never traverses the file system on its own.
 */
export interface Scanner {
  id: ScannerId
  /** The CLI's name for it (`secrets`, `deps`, `iac`). */
  name: string
  title: string
  version: number
  /** Cheap filter on path and size: no I/O. */
  fileRequired(path: string, size: number): boolean
  scan(ctx: ScanContext): Promise<ScanOutput>
  /** Config files of its own beyond `.pipeguard.yml`, compared with a pull request's base. */
  gate?: ScannerGate
}
