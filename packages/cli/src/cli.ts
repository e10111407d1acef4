import {VERSION} from '@pipeguard/core/version'
import {enableCompileCache} from './compile-cache'

// `--version` answers before the rest of the CLI is loaded: start-up time is a feature.
const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`)
} else {
  enableCompileCache()
  // Its own bundle, dist/cli-main.js: loaded after the compile cache is on, so the cache covers it.
  const main = await import('./cli-main')
  try {
    process.exitCode = await main.run(argv, main.processIo())
  } catch (error) {
    process.stderr.write(`pipeguard: internal error: ${String(error)}\n`)
    process.exitCode = 2
  }
}
