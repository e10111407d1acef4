/** Everything `dist/cli.js` runs beyond `--version`: bundled on its own as dist/cli-main.js (see cli.ts). */
export {run} from './main'
export {processIo} from './io'
