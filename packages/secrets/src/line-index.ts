/** Offsets of line starts, built once per fragment that has a finding; 1-based line numbers. */
export class LineIndex {
  private starts: number[] | undefined

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    const starts = this.build()
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  lineStart(line: number): number {
    return this.build()[line - 1] ?? this.text.length
  }

  /** Offset of the line's end (its line break, or the end of the text), without a trailing `\r`. */
  lineEnd(line: number): number {
    const starts = this.build()
    let end = line < starts.length ? starts[line]! - 1 : this.text.length
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--
    return end
  }

  private build(): number[] {
    if (this.starts) return this.starts
    const starts = [0]
    let at = this.text.indexOf('\n')
    while (at >= 0) {
      starts.push(at + 1)
      at = this.text.indexOf('\n', at + 1)
    }
    this.starts = starts
    return starts
  }
}
