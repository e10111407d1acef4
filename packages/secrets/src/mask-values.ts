import type {Detection} from './detector'

/** Shorter lines of a multi-line secret would mask ordinary text all over the log. */
const MIN_LINE_LENGTH = 8

/**
 * What to register with the runner (`::add-mask::`) so no log line can show a detection: the
 * secret, and the encoded string it was decoded from. The runner masks line by line, so a
 * multi-line secret (a private key) is registered one line at a time, without its armour lines.
 */
export function maskValues(detection: Detection): string[] {
  const values = new Set<string>()
  for (const value of [detection.secret, detection.encoded]) {
    if (!value) continue
    const lines = value.split(/\r?\n/)
    if (lines.length === 1) {
      values.add(value)
      continue
    }
    for (const line of lines.map(l => l.trim()))
      if (line.length >= MIN_LINE_LENGTH && !line.startsWith('-----')) values.add(line)
  }
  return [...values]
}
