/** Everything `dist/cli.js` runs beyond `--version`: bundled as one CommonJS string (see compile-cache.ts). */
export {run} from './main'
export {processIo} from './io'
