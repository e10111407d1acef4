import {availableParallelism} from 'node:os'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import {errorMessage} from './errors'

/** Marks a worker started by this pool, so an entry knows to serve tasks instead of running. */
const WORKER_MARK = 'pipeguardPoolWorker'
/** Most items per message: few messages, yet batches small enough to balance the load. */
const MAX_BATCH = 64
/** Batches per thread at least, so a thread that drew slow items does not finish last alone. */
const BATCHES_PER_THREAD = 4
/**
 * Below this much work the default is this thread alone: starting a worker (loading the bundle,
 * compiling the rules) costs more than scanning a few megabytes.
 */
export const POOL_MIN_BYTES = 16 * 1024 * 1024

/**
 * Work a pool worker can do: `init` runs once per worker on the cloned `setup` and returns the
 * function applied to each item. Items, setup and results cross threads by structured clone.
 */
export interface PoolTask<Setup, Item, Result> {
  /** Unique: a worker finds the task by it. */
  name: string
  init(setup: Setup): (item: Item) => Result
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of tasks of any type
type AnyTask = PoolTask<any, any, any>

/** The bundle workers start from; unset (no pool) when running from sources, as under jest. */
let workerScript: URL | undefined

/**
 * Called first by each bundle entry with its own URL. In a pool worker it serves the tasks
 * `loadTasks` gives (loaded only there: a CLI run that scans nothing never loads the rules) and
 * returns true: the entry must then do nothing else. Otherwise it records the URL as the script
 * workers start from (the bundle itself: no file is written at run time) and returns false.
 */
export function servePoolWorker(entryUrl: string, loadTasks: () => Promise<AnyTask[]>): boolean {
  if (isMainThread || !parentPort || !(workerData as Record<string, unknown>)?.[WORKER_MARK]) {
    workerScript = new URL(entryUrl)
    return false
  }
  const port = parentPort
  const {task: name, setup} = workerData as {task: string; setup: unknown}
  const task = loadTasks().then(tasks => tasks.find(t => t.name === name))
  let apply: ((item: unknown) => unknown) | undefined
  port.on('message', async ({id, items}: {id: number; items: unknown[]}) => {
    try {
      const found = await task
      if (!found) throw new Error(`no pool task named ${name}`)
      apply ??= found.init(setup)
      port.postMessage({id, results: items.map(apply)})
    } catch (error) {
      port.postMessage({id, error: errorMessage(error)})
    }
  })
  return true
}

/**
 * Threads for `bytes` of work: the `--jobs` asked for, else one per core the process may use, or
 * this thread alone when the work is small.
 */
export function poolSize(jobs: number | undefined, bytes: number): number {
  if (jobs !== undefined) return jobs
  return bytes < POOL_MIN_BYTES ? 1 : availableParallelism()
}

export interface PoolRun<Setup, Item, Result> {
  task: PoolTask<Setup, Item, Result>
  setup: Setup
  items: Item[]
  jobs: number
  /** The same work in this thread: its share with workers, all of it with one job or no bundle. */
  local: (item: Item) => Result
  /** Called as items complete, with how many. */
  onDone?: (count: number) => void
}

/**
 * `items.map(task)` on `jobs` threads: this one and `jobs - 1` workers (this thread has little
 * else to do, and each worker costs a bundle load and its own heap). Results come in item order
 * whatever the thread that computed them, so one job and many give the same output; `threads`
 * says how many ran. A failing worker rejects the whole run: its items are never silently dropped.
 */
export async function mapInPool<Setup, Item, Result>(
  run: PoolRun<Setup, Item, Result>
): Promise<{results: Result[]; threads: number}> {
  const size = Math.min(MAX_BATCH, Math.ceil(run.items.length / (run.jobs * BATCHES_PER_THREAD)))
  const batches: Item[][] = []
  for (let i = 0; i < run.items.length; i += size) batches.push(run.items.slice(i, i + size))
  const threads = workerScript ? Math.max(1, Math.min(run.jobs, batches.length)) : 1
  const results: Result[][] = new Array(batches.length)
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0
      let pending = batches.length
      const finished = (id: number, done: Result[]): void => {
        results[id] = done
        run.onDone?.(done.length)
        if (--pending === 0) resolve()
      }
      const feed = (worker: Worker): void => {
        if (next >= batches.length) return
        const id = next++
        worker.postMessage({id, items: batches[id]})
      }
      for (let w = 1; w < threads; w++) {
        const worker = new Worker(workerScript!, {
          workerData: {[WORKER_MARK]: true, task: run.task.name, setup: run.setup}
        })
        workers.push(worker)
        worker.on('message', (reply: {id: number; results?: Result[]; error?: string}) => {
          if (reply.error !== undefined || !reply.results) {
            reject(new Error(`worker failed: ${reply.error ?? 'no results'}`))
            return
          }
          finished(reply.id, reply.results)
          feed(worker)
        })
        worker.on('error', reject)
        worker.on('exit', code => {
          if (pending > 0)
            reject(new Error(`worker exited (code ${code}) before its work was done`))
        })
        feed(worker)
      }
      const here = async (): Promise<void> => {
        while (next < batches.length) {
          const id = next++
          finished(id, batches[id]!.map(run.local))
          // Lets the workers' replies in, so they get their next batch without waiting.
          if (threads > 1) await new Promise(setImmediate)
        }
      }
      if (batches.length === 0) resolve()
      here().catch(reject)
    })
  } finally {
    await Promise.all(workers.map(w => w.terminate()))
  }
  return {results: results.flat(), threads}
}
