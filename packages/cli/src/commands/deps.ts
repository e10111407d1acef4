import {resolve} from 'node:path'
import {Workspace, loadConfig, stripControl, workspaceOptions} from '@pipeguard/core'
import {HELP_FLAG, renderHelp, type Command} from '../command'
import {
  UsageError,
  parseFlags,
  rejectConflicts,
  type FlagConflict,
  type FlagSpec,
  type ParsedArgs
} from '../flags'
import type {CliIo} from '../io'
import {writeOutput} from '../output'
import {resolveRoot} from '../resolve-root'
import {checkFormat, executeScan, prepareScan, writeReport} from '../scan-runner'
import {
  ADVISORY_DB_FLAG,
  BASELINE_FLAG,
  CONFIG_FLAG,
  FAIL_ON_FLAG,
  FORMAT_FLAG,
  LIST_FLAG,
  MODE_FLAG,
  OSV_URL_FLAG,
  OUTPUT_FLAG,
  SHOW_FLAG,
  VERBOSE_FLAG
} from './scan-flags'

const DEFAULT_DEPTH = 2

/** Audit settings that --list would silently ignore: it prints the inventory and never fails. */
const LIST_CONFLICTS: FlagConflict[] = [
  'fail-on',
  'mode',
  'baseline',
  'base',
  'advisory-db',
  'osv-url',
  'show'
].map(flag => ({flags: ['list', flag], why: '--list prints the inventory without auditing it'}))

const DEPTH_FLAG: FlagSpec = {
  name: 'depth',
  type: 'string',
  value: 'N',
  description: `with --list: levels of transitive dependencies shown in the tree (default ${DEFAULT_DEPTH})`
}

export const depsCommand: Command = {
  name: 'deps',
  summary:
    'Audit the dependencies in every lockfile under PATH against OSV advisories, or list them (--list).',
  usage: 'pipeguard deps [PATH] [options]',
  flags: [
    FORMAT_FLAG,
    OUTPUT_FLAG,
    CONFIG_FLAG,
    FAIL_ON_FLAG,
    MODE_FLAG,
    BASELINE_FLAG,
    VERBOSE_FLAG,
    SHOW_FLAG,
    ADVISORY_DB_FLAG,
    OSV_URL_FLAG,
    LIST_FLAG,
    DEPTH_FLAG,
    {
      name: 'base',
      type: 'string',
      value: 'REF',
      description:
        'block only on vulnerabilities added since the git commit REF (a pull request base)'
    },
    HELP_FLAG
  ],
  details: [
    '--list prints the inventory instead: a tree (default) or, with --format json,',
    '{"packages": [...], "errors": [...]} with paths relative to PATH. Files that cannot be parsed',
    'are listed under errors; the others are still listed.',
    'Exit codes: 0 nothing new at or above --fail-on (always 0 with --list), 1 blocking findings, 2 usage, config or tool error.'
  ].join('\n'),
  async run(argv, io) {
    const args = parseFlags('deps', argv, this.flags)
    if (args.values.help) {
      io.stdout.write(renderHelp(this))
      return 0
    }
    rejectConflicts(args, LIST_CONFLICTS, 'deps')
    if (args.values.list) return listDependencies(args, io)
    if (args.values.depth !== undefined)
      throw new UsageError('--depth only applies with --list', 'deps')
    checkFormat(args, 'deps')
    const setup = await prepareScan('deps', ['deps'], args, io)
    if (args.values.base) setup.options.base = args.values.base as string
    const report = await executeScan(setup, io)
    writeReport(report, args, io, 'deps')
    return report.exitCode
  }
}

async function listDependencies(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = (args.values.format as string | undefined) ?? 'table'
  if (format !== 'json' && format !== 'table') {
    throw new UsageError(`--list prints json or table (a tree); got --format ${format}`, 'deps')
  }
  const depth = parseDepth(args.values.depth as string | undefined)
  if (args.positionals.length > 1) {
    throw new UsageError(
      `expected one PATH, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
      'deps'
    )
  }
  const root = resolveRoot(io.cwd, args.positionals[0], 'deps')
  const configFlag = args.values.config as string | undefined
  const {config} = loadConfig(root, configFlag ? resolve(io.cwd, configFlag) : undefined)
  const workspace = await Workspace.open(root, workspaceOptions(config))
  const {extractInventory, inventoryFileRequired, listInventory, renderInventoryTree} =
    await import('@pipeguard/inventory')
  const files = workspace.files.filter(f => inventoryFileRequired(f.path))
  const extracted = await extractInventory(workspace, files)
  // A lockfile the workspace could not read (over max-file-size, unreadable) is listed there.
  const unread = workspace.skipped
    .filter(s => s.error && inventoryFileRequired(s.path))
    .map(s => ({path: s.path, message: `${s.path}: ${s.reason}`}))
  const inventory = {...extracted, errors: [...unread, ...extracted.errors]}
  const text =
    format === 'json'
      ? JSON.stringify(listInventory(inventory), null, 2) + '\n'
      : renderInventoryTree(inventory, {depth, clean: stripControl})
  const output = args.values.output as string | undefined
  if (writeOutput(io, output, text)) {
    io.stderr.write(`pipeguard: wrote ${inventory.packages.length} package(s) to ${output}\n`)
  }
  if (inventory.errors.length && format === 'json') {
    io.stderr.write(
      `pipeguard: ${inventory.errors.length} file(s) could not be read; see "errors"\n`
    )
  }
  return 0
}

function parseDepth(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DEPTH
  if (!/^\d+$/.test(value))
    throw new UsageError(`--depth must be a whole number; got "${value}"`, 'deps')
  return Number(value)
}
