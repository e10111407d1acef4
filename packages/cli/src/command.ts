import type {FlagSpec} from './flags'
import type {CliIo} from './io'

export interface Command {
  name: string
  summary: string
  usage: string
  flags: FlagSpec[]
  /** Extra help text after the flag list. */
  details?: string
  run(argv: string[], io: CliIo): Promise<number>
}

export const HELP_FLAG: FlagSpec = {
  name: 'help',
  short: 'h',
  type: 'boolean',
  description: 'show this help'
}

/** Every command takes it: main.ts reads it before the command parses its own flags. */
export const DEBUG_FLAG: FlagSpec = {
  name: 'debug',
  type: 'boolean',
  description: 'on an internal error, print the stack trace too'
}

export function renderHelp(command: Command): string {
  const flags = [...command.flags, DEBUG_FLAG]
  const width = Math.max(...flags.map(f => flagLabel(f).length))
  const lines = [`${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:']
  for (const flag of flags) lines.push(`  ${flagLabel(flag).padEnd(width)}  ${flag.description}`)
  if (command.details) lines.push('', command.details)
  return lines.join('\n') + '\n'
}

function flagLabel(flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : '    '
  return `${short}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`
}
