import {run} from './main'
import {processIo} from './io'

run(process.argv.slice(2), processIo()).then(
  code => {
    process.exitCode = code
  },
  error => {
    process.stderr.write(`pipeguard: internal error: ${String(error)}\n`)
    process.exitCode = 2
  }
)
