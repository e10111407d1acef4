import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {VERSION} from '@pipeguard/core/version'
import type * as CliMain from './cli-main'
import {loadCommonJs} from './compile-cache'

/** The CommonJS bundle of cli-main.ts, inlined by scripts/build.mjs. */
declare const PIPEGUARD_MAIN_CODE: string
/** Its SHA-256, computed at build time (the compile cache's key). */
declare const PIPEGUARD_MAIN_HASH: string

// `--version` answers before anything else is compiled: start-up time is a feature.
const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`)
} else {
  const main = loadCommonJs<typeof CliMain>(PIPEGUARD_MAIN_CODE, {
    filename: fileURLToPath(import.meta.url),
    require: createRequire(import.meta.url),
    env: process.env,
    variant: argv[0],
    codeHash: PIPEGUARD_MAIN_HASH
  })
  try {
    process.exitCode = await main.exports.run(argv, main.exports.processIo())
  } catch (error) {
    process.stderr.write(`pipeguard: internal error: ${String(error)}\n`)
    process.exitCode = 2
  } finally {
    main.saveCache()
  }
}
