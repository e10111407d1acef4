import {performance} from 'node:perf_hooks'
import type {Config} from './config-schema'
import type {FileError} from './errors'
import {compareFindings, disambiguateFingerprints, type Finding} from './finding'
import {applyPolicy} from './policy'
import {silentProgress, type Progress} from './progress'
import type {ScanReport, ScannerRun} from './report'
import type {RunOptions} from './run-options'
import type {Scanner} from './scanner'
import {TOOL_NAME, VERSION} from './version'
import {Workspace, workspaceOptions} from './workspace'

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

  const outputs = await Promise.all(
    input.scanners.map(async scanner => {
      const started = performance.now()
      const files = workspace.files.filter(f => scanner.fileRequired(f.path, f.size))
      const output = await scanner.scan({
        root: input.root,
        config: input.config,
        options: input.options,
        workspace,
        files,
        progress,
        env: input.env ?? process.env
      })
      return {scanner, files: files.length, output, durationMs: performance.now() - started}
    })
  )
  for (const {scanner, files, output, durationMs} of outputs) {
    findings = findings.concat(output.findings)
    errors.push(...output.errors)
    runs.push({
      id: scanner.id,
      name: scanner.name,
      title: scanner.title,
      files,
      findings: output.findings.length,
      durationMs: Math.round(durationMs),
      notes: output.notes ?? [],
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
  return {
    tool: {name: TOOL_NAME, version: VERSION},
    root: input.root,
    config: {failOn: input.config.failOn, mode: input.config.mode},
    findings: policy.findings.sort(compareFindings),
    blocking: policy.blocking.sort(compareFindings),
    errors: errors.sort((a, b) => a.path.localeCompare(b.path)),
    skipped: [...workspace.skipped].sort((a, b) => a.path.localeCompare(b.path)),
    expiredIgnores: policy.expiredIgnores,
    scanners: runs,
    exitCode: policy.exitCode
  }
}
