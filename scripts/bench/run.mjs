// `npm run bench`: runs every scripts/bench/<area>.mjs and prints one table of figures.
// Benchmarks are measurements, not tests: nothing here fails on a slow machine.
import {readdirSync} from 'node:fs'
import {basename} from 'node:path'

const dir = new URL('.', import.meta.url)
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter(f => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter(f => only.length === 0 || only.includes(basename(f, '.mjs')))
  .sort()

const rows = []
for (const file of files) {
  const area = basename(file, '.mjs')
  process.stderr.write(`bench: ${area}...\n`)
  const {bench} = await import(new URL(file, dir))
  for (const row of await bench()) rows.push({area, ...row})
}

const fmt = v =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v)
const table = [
  ['area', 'measure', 'value', 'unit', 'note'],
  ...rows.map(r => [r.area, r.name, fmt(r.value), r.unit ?? '', r.note ?? ''])
]
const widths = table[0].map((_, i) => Math.max(...table.map(row => row[i].length)))
for (const row of table)
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  )
