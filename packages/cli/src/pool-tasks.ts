import {secretsFileTask} from '@pipeguard/secrets'

/** Everything a pool worker of the CLI and the all-in-one action can be asked to do. */
export const POOL_TASKS = [secretsFileTask]
