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
