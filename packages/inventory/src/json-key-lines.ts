import {LineIndex} from './text-lines'

/**
 * Finds the lines of object keys in JSON text, in document order, without a position-tracking
 * parser: JSON.parse keeps non-numeric keys in text order, so each key is searched for after the
 * previous one. A key only counts when it opens the expected value (`"k": {` or `"k": [`), which
 * skips the same name used as a string-valued key (`"requires": {"k": "^1"}`).
 */
export class JsonKeyLines {
  private readonly lines: LineIndex
  private pos: number

  constructor(
    private readonly text: string,
    start = 0
  ) {
    this.lines = new LineIndex(text)
    this.pos = start
  }

  /** Line of the next occurrence of `key` opening `open` (or any value), or undefined (position unchanged). */
  next(key: string, open: '{' | '[' | 'any' = '{'): number | undefined {
    const needle = JSON.stringify(key)
    let at = this.text.indexOf(needle, this.pos)
    while (at !== -1) {
      let i = at + needle.length
      i = skipSpace(this.text, i)
      if (this.text[i] === ':') {
        i = skipSpace(this.text, i + 1)
        if (open === 'any' || this.text[i] === open) {
          this.pos = at + needle.length
          return this.lines.lineOf(at)
        }
      }
      at = this.text.indexOf(needle, at + needle.length)
    }
    return undefined
  }
}

function skipSpace(text: string, i: number): number {
  let c = text.charCodeAt(i)
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i)
  return i
}
