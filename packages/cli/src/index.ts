export {run} from './main'
export type {CliIo} from './io'
export {SCANNERS, DEFAULT_SCAN_SCANNERS} from './scanners'
export {COMMANDS} from './commands/index'
