import {describe, expect, it} from '@jest/globals'
import {compileRule, Detector, RULES} from '@pipeguard/secrets'

// Every built-in rule runs its own examples through the full detector (prefilter, windows,
// secret group, entropy, noise control), with every other rule active too.
const detector = new Detector({rules: RULES.map(compileRule)})
const found = (text: string): string[] =>
  detector.detect({text, path: 'src/config.txt'}).map(d => d.rule.id)

describe('rule examples through the full detector', () => {
  it('has rules', () => {
    expect(RULES.length).toBeGreaterThan(0)
  })

  it('uses unique rule ids', () => {
    const ids = RULES.map(r => r.id)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  describe.each(RULES.map(rule => [rule.id, rule] as const))('%s', (id, rule) => {
    it('declares a positive and a negative example', () => {
      expect(rule.truePositives.length).toBeGreaterThan(0)
      expect(rule.falsePositives.length).toBeGreaterThan(0)
    })
    it.each(rule.truePositives.map((text, i) => [i, text] as const))(
      'finds true positive %i',
      (_i, text) => {
        expect(found(text)).toContain(id)
      }
    )
    it.each(rule.falsePositives.map((text, i) => [i, text] as const))(
      'ignores false positive %i',
      (_i, text) => {
        expect(found(text)).not.toContain(id)
      }
    )
  })
})
