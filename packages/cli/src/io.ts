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
