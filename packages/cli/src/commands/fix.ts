import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {ConfigError, loadConfig, stripControl, type ConfigInput} from '@pipeguard/core'
import {HELP_FLAG, renderHelp, type Command} from '../command'
import {UsageError, oneOf, parseFlags, type ParsedArgs} from '../flags'
import type {CliIo} from '../io'
import {writeOutput} from '../output'
import {resolveRoot} from '../resolve-root'
import {ADVISORY_DB_FLAG, CONFIG_FLAG, OSV_URL_FLAG, OUTPUT_FLAG} from './scan-flags'

const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json']
/** Lockfiles of other package managers: named in the error so the user knows why nothing ran. */
const OTHER_LOCKFILES = ['yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb']
const FORMATS = ['table', 'json'] as const

export const fixCommand: Command = {
  name: 'fix',
  summary:
    'Plan (or, with --write, apply) the smallest npm upgrades that remove known vulnerabilities (--deps).',
  usage: 'pipeguard fix --deps [PATH] [options]',
  flags: [
    {
      name: 'deps',
      type: 'boolean',
      description: 'fix vulnerable npm dependencies in PATH/package-lock.json (required)'
    },
    {
      name: 'write',
      type: 'boolean',
      description: 'apply the plan: update package-lock.json and package.json'
    },
    {
      name: 'registry',
      type: 'string',
      value: 'URL',
      description:
        'npm registry for packuments (default: npm_config_registry, .npmrc, https://registry.npmjs.org)'
    },
    {
      name: 'format',
      short: 'f',
      type: 'string',
      value: 'FORMAT',
      description: 'table (default) or json'
    },
    OUTPUT_FLAG,
    CONFIG_FLAG,
    ADVISORY_DB_FLAG,
    OSV_URL_FLAG,
    HELP_FLAG
  ],
  details: [
    'Strategy 1 updates vulnerable lockfile entries in place to the smallest non-vulnerable version',
    'that every dependent still accepts and whose own dependencies the lockfile already has.',
    'Strategy 2, for the rest, finds the smallest upgrade of each direct dependency whose',
    'dependency ranges no longer reach an affected version, and prints it as `npm install`.',
    'With --write, strategy 1 is written to package-lock.json and strategy 2 to package.json;',
    'run `npm install` afterwards to relock the direct upgrades.',
    'Only packuments are read from the registry (GET {registry}/{name}); an .npmrc',
    '`//host/:_authToken` is sent to that host only.',
    'Exit codes: 0 every vulnerability has a fix (or none), 1 some have no fix, 2 usage, config,',
    'registry or advisory error (the plan is incomplete).'
  ].join('\n'),
  async run(argv, io) {
    const args = parseFlags('fix', argv, this.flags)
    if (args.values.help) {
      io.stdout.write(renderHelp(this))
      return 0
    }
    if (!args.values.deps)
      throw new UsageError('say what to fix: --deps (the only kind of fix so far)', 'fix')
    return fixDependencies(args, io)
  }
}

async function fixDependencies(args: ParsedArgs, io: CliIo): Promise<number> {
  const v = args.values
  if (args.positionals.length > 1)
    throw new UsageError(`expected one PATH, got ${args.positionals.length}`, 'fix')
  const format = oneOf('format', v.format as string | undefined, FORMATS, 'fix') ?? 'table'
  const root = resolveRoot(io.cwd, args.positionals[0], 'fix')
  const overrides: Partial<ConfigInput> = {}
  const deps: Record<string, string> = {}
  if (v['advisory-db']) deps.advisoryDb = resolve(io.cwd, v['advisory-db'] as string)
  if (v['osv-url']) deps.osvUrl = v['osv-url'] as string
  if (Object.keys(deps).length) overrides.deps = deps as ConfigInput['deps']
  const configFlag = v.config as string | undefined
  const {config} = loadConfig(root, configFlag ? resolve(io.cwd, configFlag) : undefined, overrides)

  const lockName = NPM_LOCKFILES.find(name => existsSync(join(root, name)))
  if (!lockName) {
    const other = OTHER_LOCKFILES.find(name => existsSync(join(root, name)))
    throw new ConfigError(
      other
        ? `fix --deps updates npm's package-lock.json; ${args.positionals[0] ?? '.'} has ${other} instead, which it does not support`
        : `fix --deps needs a package-lock.json in ${args.positionals[0] ?? '.'}; none found`
    )
  }
  const lockFile = join(root, lockName)
  const lockText = readFileSync(lockFile, 'utf8')

  const {
    applyDirect,
    applyInPlace,
    configuredSource,
    createRegistryClient,
    npmRegistryConfig,
    planFixes,
    renderFixPlan
  } = await import('@pipeguard/advisories')
  const registry = createRegistryClient(
    npmRegistryConfig(root, io.env, v.registry as string | undefined)
  )
  const plan = await planFixes({
    lockPath: lockName,
    lockText,
    source: configuredSource(config, root, io.env),
    registry,
    includeDev: config.deps.includeDev
  })

  const written: string[] = []
  if (v.write) {
    if (plan.inPlace.length) {
      writeAtomically(lockFile, applyInPlace(lockText, plan.inPlace))
      written.push(lockName)
    }
    for (const folder of new Set(plan.direct.filter(u => !u.relock).map(u => u.folder))) {
      const manifestFile = join(root, folder, 'package.json')
      const relative = folder ? `${folder}/package.json` : 'package.json'
      let text: string
      try {
        text = readFileSync(manifestFile, 'utf8')
      } catch {
        plan.errors.push({path: relative, message: `${relative}: cannot be read; not updated`})
        continue
      }
      writeAtomically(manifestFile, applyDirect(text, folder, plan.direct))
      written.push(relative)
    }
  }

  const text =
    format === 'json'
      ? JSON.stringify(
          {
            lockfile: plan.lockPath,
            packages: plan.packages,
            vulnerable: plan.vulnerable,
            inPlace: plan.inPlace.map(({manifest: _manifest, ...fix}) => fix),
            direct: plan.direct,
            unfixed: plan.unfixed,
            errors: plan.errors,
            notes: plan.notes,
            written
          },
          null,
          2
        ) + '\n'
      : renderFixPlan(plan, stripControl)
  writeOutput(io, v.output as string | undefined, text)
  for (const note of plan.notes) io.stderr.write(`pipeguard: ${note}\n`)
  if (written.length) io.stderr.write(`pipeguard: updated ${written.join(', ')}\n`)
  if (v.write && plan.direct.some(u => !u.relock))
    io.stderr.write(
      'pipeguard: package.json now asks for the upgraded direct dependencies; run `npm install` to update package-lock.json for them\n'
    )
  if (v.write && plan.direct.some(u => u.relock))
    io.stderr.write(
      'pipeguard: run the `npm update` commands above to relock what could not be updated in place\n'
    )
  else if (!v.write && (plan.inPlace.length || plan.direct.length))
    io.stderr.write('pipeguard: nothing was changed; run again with --write to apply this plan\n')
  if (plan.errors.length) {
    io.stderr.write(
      `pipeguard: the plan is incomplete: ${plan.errors.length} error(s); vulnerabilities may remain that it does not show\n`
    )
    return 2
  }
  return plan.unfixed.length ? 1 : 0
}

/** Written beside the target and renamed over it: an interrupted run leaves the old file whole. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.pipeguard-${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}
