// CLI start-up against bare Node (goal: `node dist/cli.js --version` within 2x of `node -e 0`).
// The commands take turns, run after run, so a busy machine slows all of them alike.
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const RUNS = 21

const commands = [
  {name: 'node -e 0', args: ['-e', '0'], env: {}},
  {name: 'node dist/cli.js --version', args: [cli, '--version'], env: {}},
  // Loads the whole CLI; Node >= 22.8 compiles it from its compile cache after the first run.
  {name: 'node dist/cli.js --help', args: [cli, '--help'], env: {}},
  {
    name: 'node dist/cli.js --help, no compile cache',
    args: [cli, '--help'],
    env: {PIPEGUARD_NO_COMPILE_CACHE: '1'}
  }
]

function milliseconds(command) {
  const start = process.hrtime.bigint()
  execFileSync(process.execPath, command.args, {
    stdio: 'ignore',
    env: {...process.env, ...command.env}
  })
  return Number(process.hrtime.bigint() - start) / 1e6
}

export async function bench() {
  for (const command of commands) milliseconds(command)
  const times = commands.map(() => [])
  for (let run = 0; run < RUNS; run++) {
    commands.forEach((command, i) => times[i].push(milliseconds(command)))
  }
  const medians = times.map(t => t.sort((a, b) => a - b)[RUNS >> 1])
  return commands.map((command, i) => ({
    name: `${command.name} (median of ${RUNS}, Node ${process.version})`,
    value: medians[i],
    unit: 'ms',
    note: i === 0 ? 'bare Node start-up' : `${(medians[i] / medians[0]).toFixed(2)}x bare Node`
  }))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
