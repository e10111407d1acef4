import * as core from '@actions/core'
import {afterEach, beforeEach, describe, expect, it, jest} from '@jest/globals'
import {createFinding, type Finding} from '../src/finding'
import {
  ANNOTATIONS_PER_TYPE,
  emitAnnotations,
  planAnnotations,
  toAnnotation
} from '../src/github/annotations'
import type {Severity} from '../src/severity'

const finding = (
  severity: Severity,
  path = 'src/app.ts',
  line = 1,
  extra: Partial<Finding> = {}
): Finding => ({
  ...createFinding({
    scanner: 'secrets',
    ruleId: `rule-${severity}`,
    severity,
    title: 'A title',
    message: 'msg',
    path,
    startLine: line,
    fingerprintContent: `${path}:${line}:${severity}`
  }),
  ...extra
})

describe('planAnnotations', () => {
  it('sends the most severe first and at most ANNOTATIONS_PER_TYPE of each level', () => {
    const findings = [
      ...Array.from({length: 15}, (_, i) => finding('medium', 'm.ts', i + 1)),
      ...Array.from({length: 7}, (_, i) => finding('high', 'h.ts', i + 1)),
      ...Array.from({length: 6}, (_, i) => finding('critical', 'c.ts', i + 1)),
      finding('low', 'l.ts')
    ]
    const plan = planAnnotations(findings, f => f.location.path)
    const byLevel = (level: string): number => plan.shown.filter(a => a.level === level).length
    expect(byLevel('error')).toBe(ANNOTATIONS_PER_TYPE)
    expect(byLevel('warning')).toBe(ANNOTATIONS_PER_TYPE)
    expect(byLevel('notice')).toBe(1)
    // 6 critical all shown before any high; 3 high and 5 medium overflow.
    expect(plan.shown.filter(a => a.properties.file === 'c.ts')).toHaveLength(6)
    expect(plan.overflow.map(f => f.severity)).toEqual([
      ...Array(3).fill('high'),
      ...Array(5).fill('medium')
    ])
  })

  it('keeps everything when under budget', () => {
    const plan = planAnnotations([finding('high'), finding('low')], f => f.location.path)
    expect(plan.shown).toHaveLength(2)
    expect(plan.overflow).toEqual([])
  })

  it('puts the fix into the message and columns only on single-line findings', () => {
    const a = toAnnotation(
      finding('high', 'x.ts', 3, {
        remediation: 'Rotate it',
        location: {path: 'x.ts', startLine: 3, endLine: 3, startColumn: 5, endColumn: 9}
      }),
      'sub/x.ts'
    )
    expect(a.message).toBe('msg\nFix: Rotate it')
    expect(a.properties).toEqual({
      title: 'A title (rule-high)',
      file: 'sub/x.ts',
      startLine: 3,
      endLine: 3,
      startColumn: 5,
      endColumn: 9
    })
    const b = toAnnotation(
      finding('high', 'x.ts', 3, {
        location: {path: 'x.ts', startLine: 3, endLine: 4, startColumn: 5}
      }),
      'x.ts'
    )
    expect(b.properties.startColumn).toBeUndefined()
  })
})

describe('emitAnnotations through @actions/core', () => {
  let written: string[]
  const original = process.stdout.write.bind(process.stdout)
  beforeEach(() => {
    written = []
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    }) as typeof process.stdout.write
  })
  afterEach(() => {
    process.stdout.write = original
  })

  it('escapes a hostile file name and message so no command is broken or forged', () => {
    const hostile = 'dir/a,b:c%25d\n::error file=x::forged.tf'
    const f = finding('critical', hostile, 7, {
      title: 'T: with, punctuation',
      message: 'line one\n::warning::forged\r\n%0A'
    })
    emitAnnotations({error: core.error, warning: core.warning, notice: core.notice}, [
      toAnnotation(f, hostile)
    ])
    const out = written.join('')
    const lines = out.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toBe(
      '::error title=T%3A with%2C punctuation (rule-critical),file=dir/a%2Cb%3Ac%2525d%0A%3A%3Aerror file=x%3A%3Aforged.tf,line=7,endLine=7::' +
        'line one%0A::warning::forged%0D%0A%250A'
    )
  })

  it('maps severities to error, warning and notice', () => {
    const plan = planAnnotations(
      [finding('critical'), finding('medium'), finding('info')],
      f => f.location.path
    )
    emitAnnotations({error: core.error, warning: core.warning, notice: core.notice}, plan.shown)
    expect(written.map(line => line.split(' ')[0])).toEqual(['::error', '::warning', '::notice'])
  })
})

describe('emitAnnotations sink', () => {
  it('passes message and properties to the sink of the level', () => {
    const sink = {error: jest.fn(), warning: jest.fn(), notice: jest.fn()}
    emitAnnotations(sink, [toAnnotation(finding('low'), 'a.ts')])
    expect(sink.notice).toHaveBeenCalledWith('msg', {
      title: 'A title (rule-low)',
      file: 'a.ts',
      startLine: 1,
      endLine: 1
    })
    expect(sink.error).not.toHaveBeenCalled()
  })
})
