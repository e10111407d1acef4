import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import type {CliIo} from './io'

/**
 * Where every command's result goes: `--output FILE` (relative to the working directory, folders
 * created) or stdout. True when a file was written, so the caller can say so on stderr.
 */
export function writeOutput(io: CliIo, output: string | undefined, text: string): boolean {
  if (!output) {
    io.stdout.write(text)
    return false
  }
  const file = resolve(io.cwd, output)
  mkdirSync(dirname(file), {recursive: true})
  writeFileSync(file, text)
  return true
}
