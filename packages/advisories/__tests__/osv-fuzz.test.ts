/**
 * Seeded, deterministic mutations of the real OSV records, through the paths a record takes: the
 * text parse (API answer, offline file), the offline index, the version match and the severity.
 * No exception escapes, nothing takes longer than a bound, and a record that fails is an error
 * value naming where it came from.
 */
import {describe, expect, it} from '@jest/globals'
import {vulnerabilityFindings} from '../src/audit'
import {isAffected, smallestFix} from '../src/match'
import {parseOsvJson, parseOsvRecord, type OsvRecord} from '../src/osv-schema'
import {recordSeverity} from '../src/severity'
import {OfflineIndex} from '../src/sources/offline-db'
import {allOsvTexts} from './osv-fixtures'
import {seededRandom} from '../../../test/helpers/seeded-random'

const ITERATIONS = 1000
const RECORD_BUDGET_MS = 1000
const texts = [...allOsvTexts().entries()].sort(([a], [b]) => a.localeCompare(b))

/** Values a field may be replaced with: other types, odd strings, the names of Object's prototype. */
const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  '',
  '0',
  '*',
  'v',
  '1.0.0-',
  '..',
  '__proto__',
  'constructor',
  'toString',
  'npm',
  'PyPI',
  'Maven',
  'Go',
  'CVSS:3.1/AV:N',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
  [],
  [null],
  {},
  {introduced: '0'},
  {introduced: '0', fixed: '1'},
  {type: 'ECOSYSTEM', events: [{introduced: '0'}]},
  'x'.repeat(5000)
]

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

/** Replaces, deletes or adds one node somewhere in the JSON tree. */
function mutateValue(value: Json, next: () => number): Json {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  if (value === null || typeof value !== 'object' || next() < 0.2)
    return structuredClone(pick(ODD_VALUES)) as Json
  if (Array.isArray(value)) {
    if (value.length === 0 || next() < 0.1)
      return [...value, structuredClone(pick(ODD_VALUES)) as Json]
    const i = Math.floor(next() * value.length)
    if (next() < 0.15) return value.filter((_, j) => j !== i)
    return value.map((item, j) => (j === i ? mutateValue(item, next) : item))
  }
  const keys = Object.keys(value)
  if (keys.length === 0 || next() < 0.1)
    return {...value, [pick(['x', 'id', 'affected'])]: pick(ODD_VALUES) as Json}
  const key = pick(keys)
  if (next() < 0.15) {
    const copy = {...value}
    delete copy[key]
    return copy
  }
  return {...value, [key]: mutateValue(value[key]!, next)}
}

function mutateText(text: string, next: () => number): string {
  const i = Math.floor(next() * (text.length + 1))
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, i)
    case 1:
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(next() * 40))
    case 2:
      return (
        text.slice(0, i) + ['"', '{', '}', ',', ':', '[', '\\', '\u0000'][i % 8] + text.slice(i + 1)
      )
    default:
      return `\uFEFF${text}`
  }
}

/** Every package a record names, at versions around its events, through matching and severity. */
function exercise(record: OsvRecord): void {
  recordSeverity(record)
  for (const affected of record.affected ?? []) {
    if (!affected.package) continue
    const versions = new Set(['0', '1.0.0', ...(affected.versions ?? []).slice(0, 3)])
    for (const range of affected.ranges ?? [])
      for (const event of range.events.slice(0, 4))
        versions.add(event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '')
    for (const version of versions) {
      const pkg = {ecosystem: affected.package.ecosystem, name: affected.package.name, version}
      isAffected(record, pkg)
      smallestFix([record], pkg)
    }
  }
}

describe('OSV records under seeded mutation', () => {
  it(`${ITERATIONS} mutated records: parsed leniently or refused by name, then matched and rated`, () => {
    const next = seededRandom(0x05f)
    let slowest = 0
    for (let n = 0; n < ITERATIONS; n++) {
      const [id, text] = texts[n % texts.length]!
      const source = `db/${id}.json`
      const mutated =
        n % 3 === 0
          ? mutateText(text, next)
          : JSON.stringify(mutateValue(JSON.parse(text) as Json, next))
      const started = performance.now()
      const parsed = parseOsvJson(mutated, source)
      if (parsed.ok) {
        exercise(parsed.record)
        const pkg = parsed.record.affected?.[0]?.package
        if (pkg) {
          const occurrence = {
            ecosystem: pkg.ecosystem as 'npm',
            name: pkg.name,
            version: '1.0.0',
            purl: 'pkg:x/y',
            direct: true,
            scope: 'prod' as const,
            pinned: true,
            location: {path: 'lock', startLine: 1},
            dependencies: []
          }
          vulnerabilityFindings([occurrence], [[parsed.record]])
        }
      } else {
        expect(parsed.error.path).toBe(source)
        expect(parsed.error.message).toMatch(/^not (valid JSON|a valid OSV record)/)
      }
      const index = new OfflineIndex()
      let raw: unknown
      try {
        raw = JSON.parse(mutated)
      } catch {
        raw = undefined
      }
      index.addRaw(raw, source)
      const listed: unknown = (raw as {affected?: unknown} | undefined)?.affected
      for (const affected of Array.isArray(listed) ? listed : []) {
        const pkg = (affected as {package?: {ecosystem?: unknown; name?: unknown}} | null)?.package
        if (typeof pkg?.ecosystem === 'string' && typeof pkg.name === 'string')
          index.lookup({ecosystem: pkg.ecosystem, name: pkg.name, version: '1.0.0'})
      }
      for (const error of index.errors) expect(error.path).toBe(source)
      slowest = Math.max(slowest, performance.now() - started)
    }
    expect(slowest).toBeLessThan(RECORD_BUDGET_MS)
  })

  it('every real record still parses and matches (the corpus the mutations start from)', () => {
    for (const [id, text] of texts) {
      const parsed = parseOsvRecord(JSON.parse(text), id)
      expect({id, ok: parsed.ok}).toEqual({id, ok: true})
      if (parsed.ok) exercise(parsed.record)
    }
  })
})
