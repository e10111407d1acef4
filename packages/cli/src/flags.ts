import {parseArgs} from 'node:util'
import {ConfigError, didYouMean} from '@pipeguard/core'

export interface FlagSpec {
  name: string
  short?: string
  type: 'string' | 'boolean'
  value?: string
  description: string
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
}

/**
 * node:util parseArgs with strict checking; unknown flags become one-line usage errors with a
 * "did you mean" hint instead of a stack trace.
 */
export function parseFlags(command: string, argv: string[], specs: FlagSpec[]): ParsedArgs {
  const options: Record<string, {type: 'string' | 'boolean'; short?: string}> = {}
  for (const spec of specs) {
    options[spec.name] = spec.short ? {type: spec.type, short: spec.short} : {type: spec.type}
  }
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true
    })
    return {values: values as ParsedArgs['values'], positionals}
  } catch (error) {
    const message = (error as Error).message
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)
    if (unknown) {
      const flag = unknown[1]!
      const hint = didYouMean(
        flag.replace(/^-+/, ''),
        specs.map(s => s.name)
      )
      throw new UsageError(
        `unknown option ${flag} for \`${command}\`${hint ? ` (did you mean --${hint}?)` : ''}`,
        command
      )
    }
    const missing = /Option '(-{1,2}[^']+)(?: [^']*)?' argument missing/.exec(message)
    if (missing) throw new UsageError(`option ${missing[1]} needs a value`, command)
    throw new UsageError(message.split('\n')[0]!, command)
  }
}

/** Two flags that cannot be given together, and why: one of them would be ignored or contradicted. */
export interface FlagConflict {
  flags: readonly [string, string]
  why: string
}

/** A usage error naming both flags of the first conflicting pair given. */
export function rejectConflicts(
  args: ParsedArgs,
  conflicts: readonly FlagConflict[],
  command: string
): void {
  for (const {flags, why} of conflicts) {
    const [a, b] = flags
    if (args.values[a] !== undefined && args.values[b] !== undefined)
      throw new UsageError(`--${a} and --${b} cannot be used together: ${why}`, command)
  }
}

/** A bad command line: exit 2, one line, and a pointer to help. */
export class UsageError extends ConfigError {
  constructor(
    message: string,
    readonly command?: string
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  command: string
): T | undefined {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  const hint = didYouMean(value, allowed)
  throw new UsageError(
    `--${flag} must be one of ${allowed.join(', ')}; got "${value}"${hint ? ` (did you mean ${hint}?)` : ''}`,
    command
  )
}
