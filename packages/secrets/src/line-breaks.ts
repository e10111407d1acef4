/**
 * Nearest line breaks around offsets asked for in (mostly) increasing order, as keyword hits are:
 * what window edges snap to. Each answer also records a stretch known to hold no line break, so a
 * file is searched about once whatever its number of hits. Searching afresh per hit would rescan
 * the same long line again and again (a minified file or a source map has thousands of hits on one
 * line), and a JavaScript loop per character is slower than the engine's native `indexOf`.
 */
export class LineBreaks {
  /** No line break in `(before, beforeUpTo]`; `before` is one, or -1 for the start of the text. */
  private before = -1
  private beforeUpTo = -1
  /** No line break in `[afterFrom, after)`; `after` is one, or -1 when none follows. */
  private afterFrom = 0
  private after: number

  constructor(private readonly text: string) {
    this.after = text.indexOf('\n')
  }

  /** Offset of the last `\n` at or before `at`, or -1. */
  lastAtOrBefore(at: number): number {
    if (at >= this.before && at <= this.beforeUpTo) return this.before
    if (at > this.beforeUpTo) {
      // Only the unknown stretch: a slice is a view, its lastIndexOf is native and bounded.
      const from = this.beforeUpTo + 1
      const found = this.text.slice(from, at + 1).lastIndexOf('\n')
      if (found >= 0) this.before = from + found
    } else {
      this.before = this.text.lastIndexOf('\n', at)
    }
    this.beforeUpTo = at
    return this.before
  }

  /** Offset of the first `\n` at or after `at`, or -1. */
  firstAtOrAfter(at: number): number {
    if (at >= this.afterFrom && (this.after < 0 || at <= this.after)) return this.after
    if (at < this.afterFrom) {
      const found = this.text.slice(at, this.afterFrom).indexOf('\n')
      if (found >= 0) this.after = at + found
    } else {
      this.after = this.text.indexOf('\n', at)
    }
    this.afterFrom = at
    return this.after
  }
}
