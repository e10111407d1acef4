import {z} from 'zod'

/**
 * The OSV schema (https://ossf.github.io/osv-schema/), as much of it as matching and reporting
 * read. Unknown keys are kept (`looseObject`) so a newer record still parses.
 */
export const OsvEventSchema = z
  .looseObject({
    introduced: z.string().optional(),
    fixed: z.string().optional(),
    last_affected: z.string().optional(),
    limit: z.string().optional()
  })
  .refine(
    event =>
      [event.introduced, event.fixed, event.last_affected, event.limit].filter(v => v !== undefined)
        .length === 1,
    {message: 'an event needs exactly one of introduced, fixed, last_affected or limit'}
  )
export type OsvEvent = z.infer<typeof OsvEventSchema>

export const OsvRangeSchema = z.looseObject({
  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
  repo: z.string().optional(),
  events: z.array(OsvEventSchema).min(1),
  database_specific: z.record(z.string(), z.unknown()).optional()
})
export type OsvRange = z.infer<typeof OsvRangeSchema>

export const OsvSeveritySchema = z.looseObject({
  type: z.string(),
  score: z.string()
})
export type OsvSeverity = z.infer<typeof OsvSeveritySchema>

export const OsvAffectedSchema = z.looseObject({
  package: z
    .looseObject({
      ecosystem: z.string(),
      name: z.string(),
      purl: z.string().optional()
    })
    .optional(),
  severity: z.array(OsvSeveritySchema).optional(),
  ranges: z.array(OsvRangeSchema).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional()
})
export type OsvAffected = z.infer<typeof OsvAffectedSchema>

export const OsvRecordSchema = z.looseObject({
  schema_version: z.string().optional(),
  id: z.string().min(1),
  modified: z.string(),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).nullish(),
  related: z.array(z.string()).nullish(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(OsvSeveritySchema).nullish(),
  affected: z.array(OsvAffectedSchema).nullish(),
  references: z.array(z.looseObject({type: z.string(), url: z.string()})).nullish(),
  database_specific: z.record(z.string(), z.unknown()).nullish()
})
export type OsvRecord = z.infer<typeof OsvRecordSchema>

/** A record that failed the schema: where it came from and what was wrong. */
export interface OsvParseError {
  path: string
  message: string
}

export type OsvParseResult = {ok: true; record: OsvRecord} | {ok: false; error: OsvParseError}

/** Validates one record; `source` names the file (or URL) so the error can point at it. */
export function parseOsvRecord(value: unknown, source: string): OsvParseResult {
  const parsed = OsvRecordSchema.safeParse(value)
  if (parsed.success) return {ok: true, record: parsed.data}
  const id =
    value && typeof value === 'object' && typeof (value as {id?: unknown}).id === 'string'
      ? ` (${(value as {id: string}).id})`
      : ''
  const issues = parsed.error.issues
    .slice(0, 3)
    .map(issue => `${issue.path.length ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ')
  return {ok: false, error: {path: source, message: `not a valid OSV record${id}: ${issues}`}}
}

/** Parses JSON text then the record; bad JSON is an error value too. */
export function parseOsvJson(text: string, source: string): OsvParseResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      error: {path: source, message: `not valid JSON: ${(error as Error).message}`}
    }
  }
  return parseOsvRecord(value, source)
}
