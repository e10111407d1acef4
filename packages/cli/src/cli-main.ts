/** Everything `dist/cli.js` runs beyond `--version`: bundled on its own as dist/cli-main.js (see cli.ts). */
import {servePoolWorker} from '@pipeguard/core'

// Pool workers start from this bundle: in one, it serves scan tasks and nothing else runs.
servePoolWorker(import.meta.url, async () => (await import('./pool-tasks')).POOL_TASKS)

export {run} from './main'
export {processIo} from './io'
