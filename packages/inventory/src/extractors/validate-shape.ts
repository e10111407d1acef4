import type {z} from 'zod'
import {ExtractError} from '../extractor'

/**
 * Check parsed lockfile data against its zod shape; a wrong type becomes an ExtractError naming the
 * key path (and its line when the caller can locate it).
 */
export function validateShape<T extends z.ZodType>(
  schema: T,
  value: unknown,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined
): z.infer<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path ?? []
  const key = path.length > 0 ? path.map(String).join('.') : '(top level)'
  const line = lineOf ? nearestLine(path, lineOf) : undefined
  throw new ExtractError(`unexpected content at key '${key}': ${issue?.message ?? 'invalid'}`, line)
}

function nearestLine(
  path: readonly PropertyKey[],
  lineOf: (path: readonly PropertyKey[]) => number | undefined
): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const line = lineOf(path.slice(0, length))
    if (line !== undefined) return line
  }
  return undefined
}
