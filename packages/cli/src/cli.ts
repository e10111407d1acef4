import {VERSION} from '@pipeguard/core/version'

// `--version` answers before the rest of the bundle is initialised: start-up time is a feature.
const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`)
} else {
  const [{run}, {processIo}] = await Promise.all([import('./main'), import('./io')])
  try {
    process.exitCode = await run(argv, processIo())
  } catch (error) {
    process.stderr.write(`pipeguard: internal error: ${String(error)}\n`)
    process.exitCode = 2
  }
}
