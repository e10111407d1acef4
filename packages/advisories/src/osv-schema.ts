import {z} from 'zod'

/**
 * A field only reports show (summary, references, database notes...): a wrong type drops the
 * field, never the record, so a vulnerability is not lost over its description.
 */
function cosmetic<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined)
}

/** A list of cosmetic entries: the well-formed ones are kept, the others dropped. */
function cosmeticList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .transform(list =>
      list.flatMap(value => {
        const parsed = item.safeParse(value)
        return parsed.success ? [parsed.data as z.output<T>] : []
      })
    )
    .nullish()
    .catch(undefined)
}

/**
 * The OSV schema (https://ossf.github.io/osv-schema/), as much of it as matching and reporting
 * read, parsed leniently: unknown keys are kept (`looseObject`) so a newer record still parses,
 * and cosmetic fields with a wrong shape are dropped. Only what matching needs is strict: the id,
 * the affected packages, their ranges and versions. A record failing those is an error.
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
  repo: cosmetic(z.string()),
  events: z.array(OsvEventSchema).min(1),
  database_specific: cosmetic(z.record(z.string(), z.unknown()))
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
      purl: cosmetic(z.string())
    })
    .optional(),
  severity: cosmeticList(OsvSeveritySchema),
  ranges: z.array(OsvRangeSchema).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: cosmetic(z.record(z.string(), z.unknown())),
  database_specific: cosmetic(z.record(z.string(), z.unknown()))
})
export type OsvAffected = z.infer<typeof OsvAffectedSchema>

export const OsvRecordSchema = z.looseObject({
  schema_version: cosmetic(z.string()),
  id: z.string().min(1),
  /** Only the record cache compares it: a missing one is an empty string (never a cache hit). */
  modified: z.string().catch(''),
  published: cosmetic(z.string()),
  withdrawn: cosmetic(z.string()),
  aliases: cosmeticList(z.string()),
  related: cosmeticList(z.string()),
  summary: cosmetic(z.string()),
  details: cosmetic(z.string()),
  severity: cosmeticList(OsvSeveritySchema),
  affected: z.array(OsvAffectedSchema).nullish(),
  references: cosmeticList(z.looseObject({type: z.string(), url: z.string()})),
  database_specific: cosmetic(z.record(z.string(), z.unknown()))
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
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    return {
      ok: false,
      error: {path: source, message: `not valid JSON: ${(error as Error).message}`}
    }
  }
  return parseOsvRecord(value, source)
}
