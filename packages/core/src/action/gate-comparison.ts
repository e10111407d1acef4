import {readFileSync} from 'node:fs'
import {isAbsolute, relative, resolve} from 'node:path'
import {DEFAULT_BASELINE_FILE} from '../baseline'
import type {Config, ConfigInput} from '../config-schema'
import {CONFIG_FILE_NAMES, parseConfigText} from '../config-load'
import {ConfigError} from '../errors'
import {toPosix} from '../finding'
import {baselineChanges, configChanges, type GateChange, type GateSide} from '../gate-changes'
import {readFilesAtRevision} from '../git-revision'
import type {Scanner} from '../scanner'

export interface GateComparison {
  changes: GateChange[]
  /** Why the base could not be compared (missing commit, invalid base config). */
  problem?: string
}

export interface GateComparisonInput {
  /** Absolute scanned root: the head's work tree. */
  root: string
  /** The pull request's base commit. */
  baseRevision: string
  /** The config the run uses, with `file` as loadConfig shows it (undefined: defaults). */
  head: {config: Config; file?: string}
  /** An explicit config path (action input `config`), absolute: the same file is read at the base. */
  configPath?: string
  /** Action inputs that override the file on both sides. */
  overrides: Partial<ConfigInput>
  /** An explicit baseline (action input `baseline`), absolute; otherwise each side's `baseline:` or the default file. */
  baselinePath?: string
  scanners: Scanner[]
}

/**
 * What the pull request changes in the gate's own configuration that lets more through: the
 * `.pipeguard.yml`, the baseline and each scanner's own files, read at the base commit with git
 * and in the work tree. A report for the reviewer; the gate does not depend on it.
 */
export async function compareGateWithBase(input: GateComparisonInput): Promise<GateComparison> {
  const {root} = input
  const inRoot = (path: string): string | undefined => {
    const rel = toPosix(relative(root, isAbsolute(path) ? path : resolve(root, path)))
    return isAbsolute(rel) ? undefined : rel
  }
  const configCandidates = input.configPath
    ? [inRoot(input.configPath)].filter((p): p is string => p !== undefined)
    : CONFIG_FILE_NAMES
  const explicitBaseline = input.baselinePath ? inRoot(input.baselinePath) : undefined

  const first = await readFilesAtRevision(root, input.baseRevision, configCandidates)
  if (first.problem) return {changes: [], problem: first.problem}
  const baseConfigFile = configCandidates.find(name => first.texts.has(name))
  let baseConfig: Config
  try {
    baseConfig = parseConfigText(
      baseConfigFile ? first.texts.get(baseConfigFile)! : '',
      `${baseConfigFile ?? 'config'} at the base commit`,
      input.overrides
    )
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return {changes: [], problem: `the base commit's config is not valid: ${error.message}`}
  }
  const head = input.head.config
  // As resolveBaselineFile: the input, else `baseline:`, else the default file (read if present).
  const baselineOf = (config: Config): string | undefined =>
    explicitBaseline ?? (config.baseline ? inRoot(config.baseline) : DEFAULT_BASELINE_FILE)
  const scannerFiles = (config: Config): string[] =>
    input.scanners.flatMap(s => s.gate?.files(config) ?? []).flatMap(p => inRoot(p) ?? [])
  const files = [
    ...[baselineOf(baseConfig), baselineOf(head)].filter((p): p is string => p !== undefined),
    ...scannerFiles(baseConfig),
    ...scannerFiles(head)
  ]
  const base = await readFilesAtRevision(root, input.baseRevision, files)
  const side = (config: Config, text: (path: string) => string | undefined): GateSide => ({
    config,
    text: path => {
      const rel = inRoot(path)
      return rel === undefined ? undefined : text(rel)
    }
  })
  const baseSide = side(baseConfig, path => base.texts.get(path))
  const headSide = side(head, path => readText(resolve(root, path)))

  const configFile = input.head.file ?? baseConfigFile ?? CONFIG_FILE_NAMES[0]!
  const baseBaseline = baselineOf(baseConfig)
  const headBaseline = baselineOf(head)
  return {
    changes: [
      ...configChanges(baseConfig, head, configFile),
      ...(headBaseline
        ? baselineChanges(
            baseBaseline ? baseSide.text(baseBaseline) : undefined,
            headSide.text(headBaseline),
            headBaseline
          )
        : []),
      ...input.scanners.flatMap(
        scanner => scanner.gate?.changes({root, base: baseSide, head: headSide}) ?? []
      )
    ]
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
