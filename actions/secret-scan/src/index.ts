import {servePoolWorker} from '@pipeguard/core'
import {secretsFileTask} from '@pipeguard/secrets'
import {run} from './main'

// Pool workers start from this bundle: in one, it serves scan tasks instead of running the action.
if (!servePoolWorker(import.meta.url, async () => [secretsFileTask])) void run()
