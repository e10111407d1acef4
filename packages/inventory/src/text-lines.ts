/** 1-based line of a character offset, by counting newlines once (binary search per query). */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts.push(i + 1)
  }

  /** 1-based column of a character offset on its line (UTF-16 code units, as editors count). */
  columnOf(offset: number): number {
    return offset - this.starts[this.lineOf(offset) - 1]! + 1
  }

  lineOf(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
