import {beforeAll, describe, expect, it} from '@jest/globals'
import type {Check, CheckExample} from '../src/check'
import {CHECKS} from '../src/checks/index'
import {PARSERS} from '../src/parsers/index'

beforeAll(async () => {
  for (const parser of PARSERS) await parser.init?.()
})

function run(check: Check, example: CheckExample): number[] {
  const parser = PARSERS.find(
    p =>
      p.platform === check.platform &&
      p.fileRequired(example.fileName) &&
      (!p.detect || p.detect(example.text, example.fileName))
  )
  if (!parser) throw new Error(`no ${check.platform} parser takes ${example.fileName}`)
  const parsed = parser.parse(example.text, example.fileName)
  if (!parsed.ok) throw new Error(parsed.error)
  return check.run(parsed.doc).map(r => r.line)
}

describe('every registered check', () => {
  it('has a unique id and complete metadata', () => {
    const ids = CHECKS.map(c => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const check of CHECKS) {
      expect(check.title).not.toBe('')
      expect(check.description).not.toBe('')
      expect(check.remediation).not.toBe('')
      expect(check.docs).toMatch(/^https:\/\//)
      expect(check.fail.lines.length).toBeGreaterThan(0)
    }
  })

  describe.each(CHECKS.map(c => [c.id, c] as const))('%s', (_id, check) => {
    it('reports exactly the fail example lines', () => {
      expect(run(check, check.fail).sort((a, b) => a - b)).toEqual(check.fail.lines)
    })
    it('reports nothing on the pass example', () => {
      expect(run(check, check.pass)).toEqual([])
    })
  })
})
