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
    'Run `pipeguard <command> --help` for its options.',
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

export async function run(argv: string[], given: CliIo): Promise<number> {
  const io = withLogSafeStderr(given)
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
    io.stderr.write(
      `pipeguard: internal error: ${errorMessage(error)}\n${(error as Error)?.stack ?? ''}\n`
    )
    return 2
  }
}
