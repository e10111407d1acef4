/**
 * mulberry32: a small, fast, well-spread 32-bit generator. Fuzz tests draw their mutations from it
 * so the same seed gives the same inputs on every machine, and a failure names a seed that
 * reproduces it.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
