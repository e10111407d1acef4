import {shellCommands, type DockerInstruction} from './dockerfile'

/** `apt-get install` / `apt install` commands of a RUN, as token lists starting at the tool. */
export function aptInstalls(instruction: DockerInstruction): string[][] {
  return commandsMatching(instruction, /^(sudo\s+)?(apt-get|apt)\s+(.*\s)?install\b/)
}

export function commandsMatching(instruction: DockerInstruction, pattern: RegExp): string[][] {
  if (instruction.keyword !== 'RUN') return []
  return shellCommands(instruction)
    .filter(c => pattern.test(c))
    .map(c => c.split(/\s+/))
}

/** Package arguments: tokens after `install` that are not options. */
export function packageArguments(tokens: string[]): string[] {
  const at = tokens.indexOf('install')
  return tokens.slice(at + 1).filter(t => !t.startsWith('-') && t !== '\\')
}
