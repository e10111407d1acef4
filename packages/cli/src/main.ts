import {ConfigError, VERSION, didYouMean, errorMessage} from '@pipeguard/core'
import {COMMANDS} from './commands/index'
import {UsageError} from './flags'
import {withLogSafeStderr, type CliIo} from './io'

const GLOBAL_HELP = (): string =>
  [
    `pipeguard ${VERSION}: secret scan, dependency audit, IaC lint and SBOM for CI/CD`,
    '',
    'Usage: pipeguard <command> [PATH] [options]',
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run `pipeguard <command> --help` for its options. Every command takes --debug: the stack',
    'trace of an internal error (by default one line).',
    'Exit codes: 0 pass, 1 blocking findings (see --fail-on), 2 usage, config or tool error.',
    ''
  ].join('\n')

/** `--history=A..B` carries a value; node's parser only knows boolean-or-string flags. */
function normalizeArgv(argv: string[]): string[] {
  return argv.flatMap(arg => {
    const m = /^--history=(.+)$/.exec(arg)
    return m ? ['--history', '--history-range', m[1]!] : [arg]
  })
}

/** `--debug` anywhere before `--`: a global flag, taken out before the command parses its own. */
function takeDebugFlag(argv: string[]): {debug: boolean; argv: string[]} {
  const end = argv.indexOf('--')
  const flags = end === -1 ? argv : argv.slice(0, end)
  const tail = end === -1 ? [] : argv.slice(end)
  const kept = flags.filter(arg => arg !== '--debug')
  return {debug: kept.length < flags.length, argv: [...kept, ...tail]}
}

export async function run(fullArgv: string[], given: CliIo): Promise<number> {
  const io = withLogSafeStderr(given)
  const {debug, argv} = takeDebugFlag(fullArgv)
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(GLOBAL_HELP())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`${VERSION}\n`)
    return 0
  }
  const command = COMMANDS.find(c => c.name === name)
  if (!command) {
    const hint = didYouMean(
      name,
      COMMANDS.map(c => c.name)
    )
    io.stderr.write(
      `pipeguard: unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}\nRun \`pipeguard --help\` for the commands.\n`
    )
    return 2
  }
  try {
    return await command.run(normalizeArgv(rest), io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `pipeguard ${command.name}: ${error.message}\nRun \`pipeguard ${command.name} --help\` for usage.\n`
      )
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`pipeguard: ${error.message}\n`)
      return 2
    }
    // A stack is for whoever debugs pipeguard; a user sees one line and how to get it.
    io.stderr.write(
      debug
        ? `pipeguard: internal error: ${errorMessage(error)}\n${(error as Error)?.stack ?? ''}\n`
        : `pipeguard: internal error: ${errorMessage(error)} (run with --debug for the stack trace)\n`
    )
    return 2
  }
}
