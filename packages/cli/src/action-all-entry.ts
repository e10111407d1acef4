import {servePoolWorker} from '@pipeguard/core'
import {run} from './action-all'
import {POOL_TASKS} from './pool-tasks'

// Pool workers start from this bundle: in one, it serves scan tasks instead of running the action.
if (!servePoolWorker(import.meta.url, async () => POOL_TASKS)) void run()
