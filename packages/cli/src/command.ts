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

export function renderHelp(command: Command): string {
  const width = Math.max(...command.flags.map(f => flagLabel(f).length))
  const lines = [`${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:']
  for (const flag of command.flags)
    lines.push(`  ${flagLabel(flag).padEnd(width)}  ${flag.description}`)
  if (command.details) lines.push('', command.details)
  return lines.join('\n') + '\n'
}

function flagLabel(flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : '    '
  return `${short}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`
}
