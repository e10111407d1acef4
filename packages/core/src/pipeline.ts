import {performance} from 'node:perf_hooks'
import type {Config} from './config-schema'
import {ConfigError, errorMessage, type FileError} from './errors'
import {compareFindings, disambiguateFingerprints, type Finding} from './finding'
import {applyPolicy, gateExitCode} from './policy'
import {silentProgress, type Progress} from './progress'
import type {ScanReport, ScannerRun} from './report'
import type {RunOptions} from './run-options'
import type {ScanOutput, Scanner} from './scanner'
import {TOOL_NAME, VERSION} from './version'
import {Workspace, workspaceOptions, type SkippedFile} from './workspace'

export interface PipelineInput {
  root: string
  config: Config
  options: RunOptions
  scanners: Scanner[]
  baseline?: Set<string>
  inScope?: (finding: Finding) => boolean
  progress?: Progress
  env?: NodeJS.ProcessEnv
  today?: string
  /** An already opened workspace (the baseline command and tests reuse one). */
  workspace?: Workspace
}

/** config -> workspace -> scanners -> policy: the same for the CLI and every action. */
export async function runPipeline(input: PipelineInput): Promise<ScanReport> {
  const workspace =
    input.workspace ?? (await Workspace.open(input.root, workspaceOptions(input.config)))
  const progress = input.progress ?? silentProgress
  const errors: FileError[] = []
  const runs: ScannerRun[] = []
  let findings: Finding[] = []

  // Scanners run independently: one that throws is reported as failed, the others' results stay.
  const outputs = await Promise.all(
    input.scanners.map(async scanner => {
      const started = performance.now()
      const files = workspace.files.filter(f => scanner.fileRequired(f.path, f.size))
      const output = await scanner
        .scan({
          root: input.root,
          config: input.config,
          options: input.options,
          workspace,
          files,
          progress,
          env: input.env ?? process.env
        })
        .then(
          (result): ScanOutput & {failure?: string} => result,
          (error: unknown): ScanOutput & {failure?: string} => ({
            findings: [],
            errors: [],
            failure: failureReason(error)
          })
        )
      return {scanner, files: files.length, output, durationMs: performance.now() - started}
    })
  )
  for (const {scanner, files, output, durationMs} of outputs) {
    findings = findings.concat(output.findings)
    errors.push(...output.errors.map(e => ({...e, scanner: scanner.id})))
    runs.push({
      id: scanner.id,
      name: scanner.name,
      title: scanner.title,
      files,
      findings: output.findings.length,
      durationMs: Math.round(durationMs),
      notes: output.notes ?? [],
      ...(output.rulesRun !== undefined ? {rulesRun: output.rulesRun} : {}),
      ...scannerStatus(output),
      ...(output.resolved?.length ? {resolved: output.resolved} : {})
    })
  }

  const policy = applyPolicy({
    findings: disambiguateFingerprints(findings),
    config: input.config,
    baseline: input.baseline,
    inScope: input.inScope,
    today: input.today
  })
  const skipped = [...workspace.skipped].sort((a, b) => a.path.localeCompare(b.path))
  const incomplete = incompleteReasons(runs, skipped)
  return {
    tool: {name: TOOL_NAME, version: VERSION},
    root: input.root,
    config: {failOn: input.config.failOn, mode: input.config.mode},
    findings: policy.findings.sort(compareFindings),
    blocking: policy.blocking.sort(compareFindings),
    errors: errors.sort((a, b) => a.path.localeCompare(b.path)),
    skipped,
    expiredIgnores: policy.expiredIgnores,
    scanners: runs,
    incomplete,
    exitCode: gateExitCode(policy.exitCode, incomplete)
  }
}

function failureReason(error: unknown): string {
  // A ConfigError is the user's to fix (an unreachable advisory source); anything else is a bug.
  return error instanceof ConfigError ? error.message : `internal error: ${errorMessage(error)}`
}

function scannerStatus(
  output: ScanOutput & {failure?: string}
): Pick<ScannerRun, 'status' | 'reasons'> {
  if (output.failure !== undefined) return {status: 'failed', reasons: [output.failure]}
  if (output.errors.length > 0) {
    return {
      status: 'partial',
      reasons: [`${output.errors.length} file(s) could not be scanned completely`]
    }
  }
  return {status: 'ok', reasons: []}
}

/** One line per reason the result is not a complete scan; empty when it is. */
export function incompleteReasons(runs: ScannerRun[], skipped: SkippedFile[]): string[] {
  const reasons: string[] = []
  for (const run of runs) {
    if (run.status === 'ok') continue
    const what = run.status === 'failed' ? 'did not run' : 'ran partially'
    for (const reason of run.reasons) reasons.push(`${run.title} ${what}: ${reason}`)
  }
  const unscanned = skipped.filter(s => s.error)
  if (unscanned.length > 0) reasons.push(`${unscanned.length} file(s) could not be scanned`)
  return reasons
}
