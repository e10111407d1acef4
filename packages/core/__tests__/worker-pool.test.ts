import {availableParallelism} from 'node:os'
import {describe, expect, it} from '@jest/globals'
import {POOL_MIN_BYTES, mapInPool, poolSize, type PoolTask} from '@pipeguard/core'

const square: PoolTask<number, number, number> = {
  name: 'square-plus',
  init: offset => n => n * n + offset
}

describe('poolSize', () => {
  it('honours an explicit --jobs, whatever the work', () => {
    expect(poolSize(4, 10)).toBe(4)
    expect(poolSize(1, POOL_MIN_BYTES * 10)).toBe(1)
  })
  it('defaults to this thread for small work and to the cores for large work', () => {
    expect(poolSize(undefined, POOL_MIN_BYTES - 1)).toBe(1)
    expect(poolSize(undefined, POOL_MIN_BYTES)).toBe(availableParallelism())
  })
})

describe('mapInPool', () => {
  // Under jest no bundle registered itself (servePoolWorker), so the work stays in this thread.
  it('without a bundle to start workers from, maps in this thread in item order', async () => {
    const items = Array.from({length: 1000}, (_, i) => 999 - i)
    let done = 0
    const {results, threads} = await mapInPool({
      task: square,
      setup: 1,
      items,
      jobs: 4,
      local: square.init(1),
      onDone: n => (done += n)
    })
    expect(threads).toBe(1)
    expect(results).toEqual(items.map(n => n * n + 1))
    expect(done).toBe(items.length)
  })
  it('handles no items', async () => {
    const run = {task: square, setup: 0, items: [], jobs: 4, local: square.init(0)}
    expect(await mapInPool(run)).toEqual({results: [], threads: 1})
  })
  it('rejects when the work throws, never returning partial results', async () => {
    const local = (n: number): number => {
      if (n === 7) throw new Error('bad item')
      return n
    }
    const run = {task: square, setup: 0, items: [1, 7, 3], jobs: 1, local}
    await expect(mapInPool(run)).rejects.toThrow('bad item')
  })
})
