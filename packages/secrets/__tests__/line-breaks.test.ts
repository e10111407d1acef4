import {describe, expect, it} from '@jest/globals'
import {LineBreaks} from '../src/line-breaks'

describe('LineBreaks', () => {
  const naiveBefore = (text: string, at: number): number => text.lastIndexOf('\n', at)
  const naiveAfter = (text: string, at: number): number => text.indexOf('\n', at)

  it('answers like a fresh search, whatever the order of the questions', () => {
    let seed = 3
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    let text = ''
    while (text.length < 20_000) text += 'x'.repeat(next(300)) + '\n'
    text += 'tail without a break'
    const breaks = new LineBreaks(text)
    let at = 0
    for (let q = 0; q < 5_000; q++) {
      // Mostly forward, as keyword hits are, with jumps back and past the end.
      at = Math.max(0, at + next(400) - 150)
      if (next(50) === 0) at = next(text.length + 10)
      expect([at, breaks.lastAtOrBefore(at), breaks.firstAtOrAfter(at)]).toEqual([
        at,
        naiveBefore(text, at),
        naiveAfter(text, at)
      ])
    }
  })

  it('handles a text without line breaks and one made of them', () => {
    const none = new LineBreaks('a'.repeat(100))
    expect([none.lastAtOrBefore(50), none.firstAtOrAfter(50), none.firstAtOrAfter(0)]).toEqual([
      -1, -1, -1
    ])
    const all = new LineBreaks('\n\n\n')
    expect([all.lastAtOrBefore(1), all.firstAtOrAfter(1), all.firstAtOrAfter(3)]).toEqual([
      1, 1, -1
    ])
  })
})
