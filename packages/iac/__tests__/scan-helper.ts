import {
  type ConfigInput,
  ConfigSchema,
  type ScanReport,
  type Scanner,
  runPipeline
} from '@pipeguard/core'
import {iacScanner} from '../src/scanner'

/** Runs the iac scanner over a folder through the real pipeline (workspace, policy). */
export function scanDir(
  root: string,
  config: ConfigInput = {},
  scanner: Scanner = iacScanner
): Promise<ScanReport> {
  return runPipeline({
    root,
    config: ConfigSchema.parse(config),
    options: {scanners: ['iac'], history: false, staged: false, list: false},
    scanners: [scanner]
  })
}

export const brief = (report: ScanReport): string[] =>
  report.findings.map(f => `${f.location.path}:${f.location.startLine} ${f.ruleId}`).sort()
