export {run} from './main'
export type {CliIo} from './io'
