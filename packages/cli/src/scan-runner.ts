import {resolve} from 'node:path'
import {
  IAC_PROFILES,
  REPORTERS,
  REPORT_FORMATS,
  SEVERITIES,
  createProgress,
  loadBaseline,
  loadConfig,
  runPipeline,
  silentProgress,
  stripControl,
  useColor,
  type Config,
  type ConfigInput,
  type ReportFormat,
  type RunOptions,
  type ScanReport,
  type Scanner
} from '@pipeguard/core'
import {FAIL_ON_VALUES, MODES} from './constants'
import {UsageError, oneOf, type ParsedArgs} from './flags'
import type {CliIo} from './io'
import {writeOutput} from './output'
import {resolveRoot} from './resolve-root'

export interface ScanSetup {
  root: string
  config: Config
  options: RunOptions
  scanners: Scanner[]
  baseline?: Set<string>
}

/** Flags -> config overrides -> validated config and run options (flags win over the file). */
export async function prepareScan(
  command: string,
  names: string[],
  args: ParsedArgs,
  io: CliIo
): Promise<ScanSetup> {
  const v = args.values
  if (args.positionals.length > 1) {
    throw new UsageError(
      `expected one PATH, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
      command
    )
  }
  const root = resolveRoot(io.cwd, args.positionals[0], command)
  const overrides: Partial<ConfigInput> = {}
  const failOn = oneOf('fail-on', v['fail-on'] as string | undefined, FAIL_ON_VALUES, command)
  if (failOn) overrides.failOn = failOn
  const mode = oneOf('mode', v.mode as string | undefined, MODES, command)
  if (mode) overrides.mode = mode
  const deps: Record<string, string> = {}
  if (v['advisory-db']) deps.advisoryDb = resolve(io.cwd, v['advisory-db'] as string)
  if (v['osv-url']) deps.osvUrl = v['osv-url'] as string
  if (Object.keys(deps).length) overrides.deps = deps as ConfigInput['deps']
  const profile = oneOf('profile', v.profile as string | undefined, IAC_PROFILES, command)
  if (profile) overrides.iac = {profile} as ConfigInput['iac']
  const configFlag = v.config as string | undefined
  const {config} = loadConfig(root, configFlag ? resolve(io.cwd, configFlag) : undefined, overrides)

  // Scanners (rules, parsers, grammars) load only when a scan runs: `--help` and `--list` stay fast.
  const {SCANNERS} = await import('./scanners')
  const scanners = names.map(name => {
    const scanner = SCANNERS[name]
    if (!scanner)
      throw new UsageError(
        `unknown scanner "${name}"; available: ${Object.keys(SCANNERS).join(', ') || 'none'}`,
        command
      )
    return scanner
  })
  const history = v.history === true ? ((v['history-range'] as string | undefined) ?? true) : false
  const options: RunOptions = {
    scanners: names,
    history,
    staged: v.staged === true,
    advisoryDb: config.deps.advisoryDb,
    osvUrl: config.deps.osvUrl,
    list: v.list === true
  }
  const jobs = parseJobs(v.jobs as string | undefined, command)
  if (jobs !== undefined) options.jobs = jobs

  const baseline = loadBaseline({
    root,
    explicit: v.baseline as string | undefined,
    explicitBase: io.cwd,
    configured: config.baseline
  })
  return {root, config, options, scanners, baseline}
}

function parseJobs(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^[1-9][0-9]{0,3}$/.test(value))
    throw new UsageError(`--jobs must be a whole number from 1 to 9999; got "${value}"`, command)
  return Number(value)
}

export async function executeScan(setup: ScanSetup, io: CliIo): Promise<ScanReport> {
  const stderr = io.stderr as NodeJS.WriteStream
  const progress = stderr.isTTY ? createProgress(stderr) : silentProgress
  try {
    return await runPipeline({...setup, progress, env: io.env})
  } finally {
    progress.done()
  }
}

export function writeReport(
  report: ScanReport,
  args: ParsedArgs,
  io: CliIo,
  command: string
): void {
  const format: ReportFormat =
    oneOf('format', args.values.format as string | undefined, REPORT_FORMATS, command) ?? 'table'
  const output = args.values.output as string | undefined
  const color = !output && format === 'table' && useColor(io.stdout, io.env)
  const show = oneOf('show', args.values.show as string | undefined, SEVERITIES, command)
  const text = REPORTERS[format](report, {
    color,
    verbose: args.values.verbose === true,
    ...(show ? {show} : {})
  })
  if (writeOutput(io, output, text)) {
    io.stderr.write(
      `pipeguard: wrote ${format} report to ${output} (${report.blocking.length} blocking)\n`
    )
  }
  // Machine formats on stdout say it in their own fields; stderr says it to the person in every case.
  if (report.incomplete.length > 0 && (output || format !== 'table')) {
    io.stderr.write(
      `pipeguard: the scan is incomplete (exit 2): ${stripControl(report.incomplete.join('; '))}\n`
    )
  }
}

/**
 * Validates --format and the display flags before any work is done, so a typo does not cost a
 * full scan. --show and --verbose shape the table; a machine format always has every finding.
 */
export function checkFormat(args: ParsedArgs, command: string): void {
  const format = oneOf('format', args.values.format as string | undefined, REPORT_FORMATS, command)
  oneOf('show', args.values.show as string | undefined, SEVERITIES, command)
  for (const flag of ['show', 'verbose']) {
    if (args.values[flag] !== undefined && format !== undefined && format !== 'table')
      throw new UsageError(`--${flag} applies to the table format, not --format ${format}`, command)
  }
}

export function parseScannerList(
  value: string | undefined,
  fallback: string[],
  command: string
): string[] {
  if (!value) return fallback
  const names = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
  const known = ['secrets', 'deps', 'iac']
  for (const name of names) oneOf('scanners', name, known, command)
  if (names.length === 0) throw new UsageError('--scanners needs at least one scanner', command)
  return [...new Set(names)]
}
