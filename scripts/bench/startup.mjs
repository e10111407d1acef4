// CLI start-up: `node dist/cli.js --version`, median of repeated runs (goal: under 150 ms).
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

export function timeRuns(args, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    execFileSync(process.execPath, [cli, ...args], {stdio: 'ignore'})
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return {median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1]}
}

export async function bench() {
  const baseline = (() => {
    const times = []
    for (let i = 0; i < 15; i++) {
      const start = process.hrtime.bigint()
      execFileSync(process.execPath, ['-e', '0'], {stdio: 'ignore'})
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    return times.sort((a, b) => a - b)[7]
  })()
  const version = timeRuns(['--version'], 21)
  return [
    {
      name: 'node dist/cli.js --version (median of 21)',
      value: version.median,
      unit: 'ms',
      note: `min ${version.min.toFixed(1)}, max ${version.max.toFixed(1)}`
    },
    {
      name: 'node -e 0 (median of 15)',
      value: baseline,
      unit: 'ms',
      note: 'bare Node start-up on this machine'
    }
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
