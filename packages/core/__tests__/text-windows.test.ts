import {describe, expect, it} from '@jest/globals'
import {textWindows} from '../src/text-windows'

/** `text` in chunks of `chunk` characters. */
function* chunked(text: string, chunk: number): Generator<string> {
  for (let at = 0; at < text.length; at += chunk) yield text.slice(at, at + chunk)
}

describe('textWindows', () => {
  it('covers the text exactly once with own parts, each window seeing `overlap` more', () => {
    const text = Array.from({length: 500}, (_, i) => `row ${i}`).join('\n')
    const windows = [...textWindows(chunked(text, 97), {size: 200, overlap: 50})]
    expect(windows.map(w => w.text.slice(0, w.ownLength)).join('')).toBe(text)
    let at = 0
    for (const w of windows) {
      expect(text.slice(at, at + w.text.length)).toBe(w.text)
      expect(w.ownLength).toBeLessThanOrEqual(200)
      if (w !== windows.at(-1)) expect(w.text.length).toBe(w.ownLength + 50)
      at += w.ownLength
    }
  })

  it('ends windows after a line break and gives each its line and column', () => {
    const text = Array.from({length: 100}, (_, i) => `line-${String(i + 1).padStart(3, '0')}`).join(
      '\n'
    )
    for (const w of textWindows([text], {size: 64, overlap: 16})) {
      expect(w.column).toBe(1)
      expect(w.text.startsWith(`line-${String(w.line).padStart(3, '0')}`)).toBe(true)
    }
  })

  it('cuts a line longer than a window where it must, never inside a surrogate pair', () => {
    const text = 'a'.repeat(63) + '😀' + 'b'.repeat(200)
    const windows = [...textWindows([text], {size: 64, overlap: 8})]
    expect(windows[0]!.ownLength).toBe(63)
    expect(windows[1]).toMatchObject({line: 1, column: 64})
    expect(windows[1]!.text.startsWith('😀')).toBe(true)
    expect(windows.map(w => w.text.slice(0, w.ownLength)).join('')).toBe(text)
  })

  it('gives nothing for no text, and one window for a short one', () => {
    expect([...textWindows([], {size: 10, overlap: 2})]).toEqual([])
    expect([...textWindows(['', 'ab', ''], {size: 10, overlap: 2})]).toEqual([
      {text: 'ab', ownLength: 2, line: 1, column: 1}
    ])
  })
})
