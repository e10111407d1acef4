import {z} from 'zod'

/**
 * A file that could not be read, parsed or evaluated. The scan goes on; the report lists it and the
 * run exits 2 (incomplete). `scanner` is set by the pipeline: the id of the scanner that reported it.
 */
export const FileErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  scanner: z.string().optional()
})
export type FileError = z.infer<typeof FileErrorSchema>

/** Each error once: a file met twice (a module evaluated per caller, a lockfile read twice) says it once. */
export function distinctErrors(errors: FileError[]): FileError[] {
  const seen = new Set<string>()
  return errors.filter(e => {
    const key = `${e.path}\0${e.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A problem the user can fix (bad config, bad flag, missing permission, unreachable source).
 * Exit code 2 with its message; anything else thrown is a bug.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
