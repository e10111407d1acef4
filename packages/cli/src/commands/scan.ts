import {HELP_FLAG, renderHelp, type Command} from '../command'
import {
  UsageError,
  parseFlags,
  rejectConflicts,
  type FlagConflict,
  type FlagSpec,
  type ParsedArgs
} from '../flags'
import {writeScanSbom} from './sbom'
import {checkFormat, executeScan, parseScannerList, prepareScan, writeReport} from '../scan-runner'
import {DEFAULT_SCAN_SCANNERS} from '../constants'
import {
  ADVISORY_DB_FLAG,
  BASELINE_FLAG,
  CONFIG_FLAG,
  FAIL_ON_FLAG,
  FORMAT_FLAG,
  HISTORY_FLAG,
  JOBS_FLAG,
  MODE_FLAG,
  OSV_URL_FLAG,
  OUTPUT_FLAG,
  PROFILE_FLAG,
  SCANNERS_FLAG,
  SBOM_FLAG,
  SHOW_FLAG,
  STAGED_FLAG,
  VERBOSE_FLAG
} from './scan-flags'

const COMMON: FlagSpec[] = [
  FORMAT_FLAG,
  OUTPUT_FLAG,
  CONFIG_FLAG,
  FAIL_ON_FLAG,
  MODE_FLAG,
  BASELINE_FLAG,
  VERBOSE_FLAG,
  SHOW_FLAG
]
const HISTORY_RANGE: FlagSpec = {name: 'history-range', type: 'string', description: ''}

const SOURCE_CONFLICTS: FlagConflict[] = [
  {
    flags: ['history', 'staged'],
    why: 'the secret scan reads either the git history or the staged changes'
  }
]

/** --history and --staged choose what the secret scan reads: refused when it does not run. */
function checkSecretSource(args: ParsedArgs, scanners: readonly string[], command: string): void {
  rejectConflicts(args, SOURCE_CONFLICTS, command)
  if (scanners.includes('secrets')) return
  for (const flag of ['history', 'staged']) {
    if (args.values[flag] !== undefined)
      throw new UsageError(
        `--${flag} applies to the secret scan, which --scanners ${scanners.join(',')} does not run`,
        command
      )
  }
}

const EXIT_CODES =
  'Exit codes: 0 nothing new at or above --fail-on, 1 blocking findings, 2 usage, config or tool error.'

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Run the secret scan, dependency audit and IaC lint on PATH (default .) as one report.',
  usage: 'pipeguard scan [PATH] [options]',
  flags: [
    ...COMMON,
    SCANNERS_FLAG,
    HISTORY_FLAG,
    STAGED_FLAG,
    JOBS_FLAG,
    ADVISORY_DB_FLAG,
    OSV_URL_FLAG,
    PROFILE_FLAG,
    SBOM_FLAG,
    HELP_FLAG
  ],
  details: EXIT_CODES,
  async run(argv, io) {
    const args = parseFlags('scan', argv, [...this.flags, HISTORY_RANGE])
    if (args.values.help) {
      io.stdout.write(renderHelp(this))
      return 0
    }
    checkFormat(args, 'scan')
    const names = parseScannerList(
      args.values.scanners as string | undefined,
      DEFAULT_SCAN_SCANNERS,
      'scan'
    )
    checkSecretSource(args, names, 'scan')
    if (args.values.profile !== undefined && !names.includes('iac'))
      throw new UsageError(
        `--profile applies to the IaC lint, which --scanners ${names.join(',')} does not run`,
        'scan'
      )
    const setup = await prepareScan('scan', names, args, io)
    const report = await executeScan(setup, io)
    writeReport(report, args, io, 'scan')
    const sbom = args.values.sbom as string | undefined
    if (sbom) {
      await writeScanSbom(setup.root, setup.config, sbom, io)
    }
    return report.exitCode
  }
}

function singleScanner(name: string, summary: string, extra: FlagSpec[]): Command {
  return {
    name,
    summary,
    usage: `pipeguard ${name} [PATH] [options]`,
    flags: [...COMMON, ...extra, HELP_FLAG],
    details: EXIT_CODES,
    async run(argv, io) {
      const args = parseFlags(name, argv, [...this.flags, HISTORY_RANGE])
      if (args.values.help) {
        io.stdout.write(renderHelp(this))
        return 0
      }
      checkFormat(args, name)
      checkSecretSource(args, [name], name)
      const setup = await prepareScan(name, [name], args, io)
      const report = await executeScan(setup, io)
      writeReport(report, args, io, name)
      return report.exitCode
    }
  }
}

export const secretsCommand = singleScanner(
  'secrets',
  'Find hard-coded secrets in the working tree, staged changes or git history.',
  [HISTORY_FLAG, STAGED_FLAG, JOBS_FLAG]
)

export const iacCommand = singleScanner(
  'iac',
  'Lint Terraform, Kubernetes, Dockerfiles, Compose, CloudFormation and GitHub Actions workflows.',
  [PROFILE_FLAG]
)
