/**
 * Aho-Corasick automaton over all rule keywords, compiled to a dense DFA so one pass over a file
 * finds every keyword occurrence, case-insensitively, without lower-casing the text first.
 * Hand-written because no Aho-Corasick package is installed, and this one folds ASCII case in its
 * character-class table, which is what makes it faster than a combined V8 regex.
 */

/** Every keyword hit: the keyword's index in the list given to the constructor and where it ends. */
export type KeywordHitHandler = (keywordIndex: number, endOffset: number) => void

/**
 * Optional second job of the same pass: report runs of characters of one class (base64 text for
 * the decoder), so finding encoded strings costs no extra pass over the file.
 */
export interface RunTracker {
  /** Per ASCII code: bit 1 = in the run class, bit 2 = also in the narrower sub-class (hex). */
  classes: Uint8Array
  minLength: number
  onRun(start: number, end: number, allSubclass: boolean): void
}

const ASCII = 128

export class KeywordMatcher {
  private readonly classOf: Uint16Array
  /** Class of any character outside ASCII that occurs in no keyword. */
  private readonly otherClass: number
  private readonly nonAsciiClass: Map<number, number>
  private readonly width: number
  /**
   * Transitions with states renumbered so every accepting state comes after every other one, and
   * stored pre-multiplied by the row width: the hot loop does one load per character and one
   * comparison to know whether a keyword ended.
   */
  private readonly rows: Int32Array
  private packed: {classes: Uint8Array; table: Uint16Array} | undefined
  /** Rows at or after this one belong to accepting states. */
  private readonly acceptFrom: number
  /** Keyword indexes ending at each (renumbered) state, own and through suffix links. */
  private readonly outputs: number[][]

  constructor(readonly keywords: readonly string[]) {
    const classOf = new Uint16Array(ASCII)
    const nonAscii = new Map<number, number>()
    let classes = 1 // 0 = a character in no keyword
    const classFor = (code: number, create: boolean): number => {
      if (code < ASCII) {
        if (classOf[code] === 0 && create) {
          const lower = code >= 65 && code <= 90 ? code + 32 : code
          const upper = code >= 97 && code <= 122 ? code - 32 : code
          const cls = classOf[lower] || classOf[upper] || classes++
          classOf[lower] = cls
          classOf[upper] = cls
        }
        return classOf[code]!
      }
      let cls = nonAscii.get(code)
      if (cls === undefined && create) {
        cls = classes++
        nonAscii.set(code, cls)
      }
      return cls ?? 0
    }

    // Trie with goto transitions.
    const trie: Array<Map<number, number>> = [new Map()]
    const own: Array<number[] | undefined> = [undefined]
    keywords.forEach((keyword, index) => {
      if (keyword.length === 0) return
      let state = 0
      const lower = keyword.toLowerCase()
      for (let i = 0; i < lower.length; i++) {
        const cls = classFor(lower.charCodeAt(i), true)
        let next = trie[state]!.get(cls)
        if (next === undefined) {
          next = trie.length
          trie.push(new Map())
          own.push(undefined)
          trie[state]!.set(cls, next)
        }
        state = next
      }
      ;(own[state] ??= []).push(index)
    })

    // Breadth-first: failure links become DFA transitions; outputs inherit the suffix state's.
    const width = classes
    const delta = new Int32Array(trie.length * width)
    const outputs: Array<number[] | undefined> = own.map(list => (list ? [...list] : undefined))
    const fail = new Int32Array(trie.length)
    const queue: number[] = []
    for (let cls = 0; cls < width; cls++) {
      const next = trie[0]!.get(cls)
      if (next !== undefined) {
        delta[cls] = next
        queue.push(next)
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!
      const suffix = fail[state]!
      const inherited = outputs[suffix]
      if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited]
      for (let cls = 0; cls < width; cls++) {
        const next = trie[state]!.get(cls)
        if (next !== undefined) {
          fail[next] = delta[suffix * width + cls]!
          delta[state * width + cls] = next
          queue.push(next)
        } else {
          delta[state * width + cls] = delta[suffix * width + cls]!
        }
      }
    }
    this.classOf = classOf
    this.otherClass = 0
    this.nonAsciiClass = nonAscii
    this.width = width
    const states = trie.length
    const order = Array.from({length: states}, (_, i) => i)
    order.sort((a, b) => Number(Boolean(outputs[a])) - Number(Boolean(outputs[b])) || a - b)
    // The root must stay state 0 (it never accepts: there is no empty keyword).
    const renumber = new Int32Array(states)
    order.forEach((old, i) => (renumber[old] = i))
    const rows = new Int32Array(states * width)
    for (let old = 0; old < states; old++) {
      const row = renumber[old]! * width
      for (let cls = 0; cls < width; cls++)
        rows[row + cls] = renumber[delta[old * width + cls]!]! * width
    }
    this.rows = rows
    this.acceptFrom = order.findIndex(old => outputs[old] !== undefined) * width
    if (this.acceptFrom < 0) this.acceptFrom = states * width
    this.outputs = order.map(old => outputs[old] ?? [])
  }

  /** Calls `onHit` for every occurrence of every keyword in `text` (and `runs.onRun` for each run). */
  scan(text: string, onHit: KeywordHitHandler, runs?: RunTracker): void {
    const {classOf, rows, width, outputs, acceptFrom, nonAsciiClass, otherClass} = this
    const hasNonAscii = nonAsciiClass.size > 0
    const length = text.length
    // One load per character: keyword class in the low 12 bits, run class above.
    const packed = runs ? this.packedWith(runs.classes) : undefined
    const minRun = runs?.minLength ?? 0
    let runStart = -1
    let allSub = true
    let row = 0
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i)
      const bits = code < ASCII ? (packed === undefined ? classOf[code]! : packed[code]!) : 0
      const cls =
        code < ASCII
          ? bits & 0xfff
          : hasNonAscii
            ? (nonAsciiClass.get(code) ?? otherClass)
            : otherClass
      row = rows[row + cls]!
      if (row >= acceptFrom) {
        const out = outputs[row / width]!
        for (let k = 0; k < out.length; k++) onHit(out[k]!, i + 1)
      }
      if (packed !== undefined) {
        const run = bits >> 12
        if (run !== 0) {
          if (runStart < 0) {
            runStart = i
            allSub = true
          }
          if (run === 1) allSub = false
        } else if (runStart >= 0) {
          if (i - runStart >= minRun) runs!.onRun(runStart, i, allSub)
          runStart = -1
        }
      }
    }
    if (runStart >= 0 && length - runStart >= minRun) runs!.onRun(runStart, length, allSub)
  }

  private packedWith(classes: Uint8Array): Uint16Array {
    if (this.packed?.classes !== classes) {
      const table = new Uint16Array(ASCII)
      for (let c = 0; c < ASCII; c++) table[c] = this.classOf[c]! | (classes[c]! << 12)
      this.packed = {classes, table}
    }
    return this.packed.table
  }

  /** Indexes of the keywords occurring at least once. */
  present(text: string): Set<number> {
    const found = new Set<number>()
    this.scan(text, index => found.add(index))
    return found
  }
}
