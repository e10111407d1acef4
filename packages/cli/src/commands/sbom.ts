import {resolve} from 'node:path'
import {loadConfig, stripControl, type Config} from '@pipeguard/core'
import type {SbomFormat} from '@pipeguard/sbom'
import {HELP_FLAG, renderHelp, type Command} from '../command'
import {UsageError, oneOf, parseFlags} from '../flags'
import type {CliIo} from '../io'
import {resolveRoot} from '../resolve-root'
import {writeOutput} from '../output'
import {CONFIG_FLAG} from './scan-flags'

const SPEC_VERSIONS = ['1.5', '1.6'] as const
const SBOM_FORMATS = ['cyclonedx-json', 'spdx-json'] as const satisfies readonly SbomFormat[]

export const sbomCommand: Command = {
  name: 'sbom',
  summary: 'Write a CycloneDX or SPDX SBOM of every package the lockfiles in PATH install.',
  usage: 'pipeguard sbom [PATH] [options]',
  flags: [
    {
      name: 'format',
      short: 'f',
      type: 'string',
      value: 'FORMAT',
      description: 'cyclonedx-json (default) or spdx-json'
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      value: 'FILE',
      description: 'write the SBOM to FILE instead of stdout'
    },
    {
      name: 'spec-version',
      type: 'string',
      value: 'VERSION',
      description: 'CycloneDX spec version: 1.6 (default) or 1.5'
    },
    {
      name: 'timestamp',
      type: 'boolean',
      description: 'record the current time (the output then differs between runs)'
    },
    CONFIG_FLAG,
    HELP_FLAG
  ],
  details:
    'Without --timestamp the output is byte-identical for the same lockfiles and commit.\n' +
    'Exit codes: 0 written, 2 usage or config error, or a lockfile that could not be read (the SBOM is\n' +
    "still written, without that file's packages).",
  async run(argv, io) {
    const args = parseFlags('sbom', argv, this.flags)
    if (args.values.help) {
      io.stdout.write(renderHelp(this))
      return 0
    }
    if (args.positionals.length > 1)
      throw new UsageError(`expected one PATH, got ${args.positionals.length}`, 'sbom')
    const root = resolveRoot(io.cwd, args.positionals[0], 'sbom')
    const configFlag = args.values.config as string | undefined
    const {config} = loadConfig(root, configFlag ? resolve(io.cwd, configFlag) : undefined)
    const format =
      oneOf('format', args.values.format as string | undefined, SBOM_FORMATS, 'sbom') ??
      config.sbom.format
    const specVersion =
      oneOf(
        'spec-version',
        args.values['spec-version'] as string | undefined,
        SPEC_VERSIONS,
        'sbom'
      ) ?? config.sbom.specVersion
    // The CycloneDX library and the extractors load only for this command.
    const {generateSbom} = await import('@pipeguard/sbom')
    const result = await generateSbom(
      root,
      config,
      {format, specVersion, timestamp: args.values.timestamp ? new Date() : undefined},
      io.env
    )
    for (const error of result.inventory.errors)
      io.stderr.write(`pipeguard: ${stripControl(error.path)}: ${stripControl(error.message)}\n`)
    const output = args.values.output as string | undefined
    if (writeOutput(io, output, result.document)) {
      io.stderr.write(
        `pipeguard: wrote ${format} SBOM with ${result.components.length} component(s) to ${output}\n`
      )
    }
    // As a scan: a lockfile that could not be read leaves its packages out, which is not complete.
    if (result.inventory.errors.length > 0) {
      io.stderr.write(
        `pipeguard: the SBOM is incomplete (exit 2): ${result.inventory.errors.length} file(s) could not be read\n`
      )
      return 2
    }
    return 0
  }
}

/** `scan --sbom FILE` writes the configured SBOM format next to the scan report. */
export async function writeScanSbom(
  root: string,
  config: Config,
  file: string,
  io: CliIo
): Promise<void> {
  const format: SbomFormat = config.sbom.format
  const {generateSbom} = await import('@pipeguard/sbom')
  const result = await generateSbom(
    root,
    config,
    {format, specVersion: config.sbom.specVersion},
    io.env
  )
  writeOutput(io, file, result.document)
  io.stderr.write(
    `pipeguard: wrote ${format} SBOM with ${result.components.length} component(s) to ${file}\n`
  )
}
