import {type HclValue, UNKNOWN} from './hcl-expr'

/**
 * How much one module's evaluation may do. Work is counted, not timed: every evaluated node and
 * every value cell a function touches is a step. Values are measured once (a DAG, not a tree), so
 * `l_i = [l_(i-1), l_(i-1)]` is cheap to reject instead of exponential to expand.
 */
export interface EvalLimits {
  /** Elements (list items, object entries, scalars) in one value, counted as a tree. */
  maxValueCells: number
  /** Nesting of lists and objects in one value. */
  maxValueDepth: number
  maxStringLength: number
  /** Nested evaluations (expression depth plus local-to-local references). */
  maxEvalDepth: number
  /** Steps per module: a base plus a share per byte of its source. */
  baseSteps: number
  stepsPerSourceByte: number
  /** Wall time inside evaluation: a last resort behind the step count. */
  maxMillis: number
}

/**
 * Real modules use well under one step per source byte; 5 million steps take about a second, so
 * a 5 MiB file (the default size limit) stops within some seconds whatever it contains.
 */
export const EVAL_LIMITS: EvalLimits = {
  maxValueCells: 100_000,
  maxValueDepth: 64,
  maxStringLength: 1_000_000,
  maxEvalDepth: 256,
  baseSteps: 5_000_000,
  stepsPerSourceByte: 4,
  maxMillis: 30_000
}

/** What is being evaluated, for messages: `local.cidr` in `infra/locals.tf`. */
export interface EvalFrame {
  path: string
  what: string
}

export interface BoundHit {
  path: string
  message: string
}

interface Measure {
  cells: number
  depth: number
  known: boolean
}

const measured = new WeakMap<object, Measure>()
const INCOMPLETE = '; results for this file are incomplete'
/** Time is read every this many steps: reading the clock on every node would cost more than the nodes. */
const CLOCK_EVERY = 1024

/**
 * One module's evaluation budget and the bound hits it recorded. A hit is reported for the file
 * of the innermost expression and for every other file whose evaluation was waiting on it, so a
 * check that stayed silent because a value became unknown has its file marked incomplete.
 */
export class EvalBudget {
  private steps = 0
  private readonly maxSteps: number
  private depth = 0
  private millis = 0
  private activeSince = 0
  private stopped: string | undefined
  private events = 0
  private readonly frames: EvalFrame[] = []
  private readonly hits = new Map<string, BoundHit>()
  /** The resource a check last read: names it when the check throws. */
  subject: string | undefined

  constructor(
    sourceBytes: number,
    /** Where hits outside any frame are reported (the module's folder). */
    private readonly fallback: EvalFrame,
    readonly limits: EvalLimits = EVAL_LIMITS
  ) {
    this.maxSteps = limits.baseSteps + limits.stepsPerSourceByte * sourceBytes
  }

  /** Runs `fn` as the evaluation of `frame` (a local, an attribute); hits inside name it. */
  within<T>(frame: EvalFrame, fn: () => T): T {
    this.frames.push(frame)
    try {
      return fn()
    } finally {
      this.frames.pop()
    }
  }

  /** Enters one evaluation level; false (and a recorded hit) when a bound says stop. */
  enter(): boolean {
    if (this.stopped) {
      this.hit(this.stopped)
      return false
    }
    if (this.depth >= this.limits.maxEvalDepth) {
      this.hit(`references nest deeper than the evaluation bound (${this.limits.maxEvalDepth})`)
      return false
    }
    if (!this.charge(1)) return false
    if (this.depth === 0) this.activeSince = performance.now()
    // Last, with no call after it: the caller's `finally` must always see a matching depth.
    this.depth++
    return true
  }

  leave(): void {
    if (--this.depth === 0) this.millis += performance.now() - this.activeSince
  }

  /** Counts `n` steps of work; false once the module's budget is spent. */
  charge(n: number): boolean {
    if (this.stopped) return false
    const before = this.steps
    this.steps += n
    if (this.steps > this.maxSteps) {
      this.stop(`evaluation stopped after ${this.maxSteps} steps (the bound for this module)`)
      return false
    }
    if (Math.floor(before / CLOCK_EVERY) !== Math.floor(this.steps / CLOCK_EVERY)) {
      const running = this.depth > 0 ? performance.now() - this.activeSince : 0
      if (this.millis + running > this.limits.maxMillis) {
        this.stop(`evaluation stopped after ${this.limits.maxMillis / 1000} s (the time bound)`)
        return false
      }
    }
    return true
  }

  /**
   * The value itself when it is within the size bounds; otherwise UNKNOWN and a hit. Composite
   * values are measured once and remembered, so shared sub-values cost nothing the second time.
   */
  bounded(value: HclValue): HclValue {
    if (typeof value === 'string') {
      if (value.length <= this.limits.maxStringLength) return value
      this.hit(`string exceeds the evaluation bound (${this.limits.maxStringLength} characters)`)
      return UNKNOWN
    }
    const m = measure(value, this.limits)
    if (m.depth > this.limits.maxValueDepth) {
      this.hit(`value nests deeper than the evaluation bound (${this.limits.maxValueDepth} levels)`)
      return UNKNOWN
    }
    if (m.cells > this.limits.maxValueCells) {
      this.hit(`value exceeds the evaluation bound (${this.limits.maxValueCells} elements)`)
      return UNKNOWN
    }
    return value
  }

  /** Records that the current evaluation lost information to a bound. */
  hit(reason: string): void {
    const inner = this.frames[this.frames.length - 1] ?? this.fallback
    this.add(inner.path, `${inner.path}: ${inner.what}: ${reason}${INCOMPLETE}`)
    this.taint(inner)
  }

  /**
   * Marks the files waiting on the current evaluation (other than `source`'s own) as depending on
   * a value that hit a bound: once per file, naming the first such value it read.
   */
  taint(source: EvalFrame): void {
    this.events++
    for (const frame of this.frames) {
      if (frame.path === source.path) continue
      this.add(
        frame.path,
        `${frame.path}: ${frame.what}: depends on ${source.what} in ${source.path}, which hit an evaluation bound${INCOMPLETE}`,
        `${frame.path}\0depends`
      )
    }
  }

  /** Grows with every hit or taint, recorded or already known: tells whether an evaluation lost anything. */
  get epoch(): number {
    return this.events
  }

  boundHits(): BoundHit[] {
    return [...this.hits.values()]
  }

  private stop(reason: string): void {
    this.stopped = reason
    this.hit(reason)
  }

  private add(path: string, message: string, key = `${path}\0${message}`): void {
    if (!this.hits.has(key)) this.hits.set(key, {path, message})
  }
}

/** Whether a value holds no UNKNOWN anywhere. Constant time for values already measured. */
export function isKnownValue(v: HclValue | undefined): boolean {
  if (v === UNKNOWN) return false
  if (typeof v !== 'object' || v === null) return true
  return measure(v, EVAL_LIMITS).known
}

/** Work a function does on its arguments: one step per cell (and per 64 characters of text). */
export function cost(values: HclValue[]): number {
  let n = 1
  for (const v of values) {
    if (typeof v === 'string') n += 1 + (v.length >> 6)
    else if (typeof v === 'object' && v !== null) n += measure(v, EVAL_LIMITS).cells
    else n += 1
  }
  return n
}

/**
 * Size, depth and knownness of a value as a tree, memoised per list/object. Recursion stops one
 * level past the depth bound, so a deeply nested jsondecode result cannot exhaust the stack.
 */
function measure(v: HclValue, limits: EvalLimits, level = 0): Measure {
  if (v === UNKNOWN) return {cells: 1, depth: 0, known: false}
  if (typeof v !== 'object' || v === null) return {cells: 1, depth: 0, known: true}
  const cached = measured.get(v)
  if (cached) return cached
  if (level > limits.maxValueDepth) return {cells: 1, depth: Infinity, known: false}
  let cells = 1
  let depth = 0
  let known = true
  for (const item of Array.isArray(v) ? v : Object.values(v)) {
    const m = measure(item, limits, level + 1)
    cells += m.cells
    depth = Math.max(depth, m.depth)
    known &&= m.known
  }
  const result = {cells, depth: depth + 1, known}
  // Only complete measurements are remembered; a cut-off one depends on where it started.
  if (Number.isFinite(result.depth)) measured.set(v, result)
  return result
}
