import {Writable} from 'node:stream'
import {neutralizeWorkflowCommands} from '@pipeguard/core'

/** Everything the CLI touches outside itself, so `run()` is testable in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number}
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & {isTTY?: boolean})
  env: NodeJS.ProcessEnv
  cwd: string
}

export function processIo(): CliIo {
  return {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()}
}

/**
 * The same io with a stderr whose every line is safe in a CI log: error, warning and progress
 * messages quote file names, keys and URLs, and none may run a workflow command. (Reports on
 * stdout are made safe by their renderers; JSON and SARIF there are data and stay byte-exact.)
 */
export function withLogSafeStderr(io: CliIo): CliIo {
  const target = io.stderr
  const stderr = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      target.write(neutralizeWorkflowCommands(String(chunk)), error => callback(error ?? null))
    }
  })
  return {...io, stderr: Object.assign(stderr, {isTTY: target.isTTY})}
}
