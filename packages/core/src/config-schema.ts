import {z} from 'zod'
import {FindingContextSchema} from './finding'
import {FailOnSchema, SeveritySchema} from './severity'

/** A calendar date `YYYY-MM-DD` that exists: `2099-02-30` is a typo, not the 2nd of March. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-12-31')
  .refine(isCalendarDate, {
    error: issue => `${JSON.stringify(issue.input)} is not a date of the calendar`
  })

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** Why a suppression is acceptable; whitespace alone says nothing. */
const ReasonSchema = z.string().trim().min(1, 'a reason must not be blank: say why')

export const IgnoreEntrySchema = z
  .strictObject({
    rule: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    reason: ReasonSchema,
    expires: DateSchema.optional()
  })
  .superRefine((entry, ctx) => {
    if (!entry.rule && !entry.path) {
      ctx.addIssue({code: 'custom', message: 'an ignore entry needs a rule, a path or both'})
    }
  })
export type IgnoreEntry = z.infer<typeof IgnoreEntrySchema>

/** `exclude` and `secrets.allow-paths`: a path glob and why it may go unscanned. */
export const PathEntrySchema = z.strictObject({path: z.string().min(1), reason: ReasonSchema})
export type PathEntry = z.infer<typeof PathEntrySchema>

export const RegexEntrySchema = z.strictObject({regex: z.string().min(1), reason: ReasonSchema})
export type RegexEntry = z.infer<typeof RegexEntrySchema>

/** `secrets.disable-rules` and `iac.skip-checks`: a rule or check id and why it is off. */
export const IdEntrySchema = z.strictObject({id: z.string().min(1), reason: ReasonSchema})
export type IdEntry = z.infer<typeof IdEntrySchema>

/**
 * A list of suppressions that each carry a reason. A bare string (the old form) is refused with
 * the entry to write instead, so no allowlist or exclusion can be added without saying why.
 */
function reasonedList<Entry extends z.ZodType>(key: 'path' | 'regex' | 'id', entry: Entry) {
  const refuse = (value: string, ctx: z.core.$RefinementCtx, inList: boolean): never => {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value)} needs a reason: write it as ${inList ? '' : 'a list entry '}{${key}: ${JSON.stringify(value)}, reason: ...}`
    })
    return z.NEVER
  }
  const item = z.preprocess(
    (value, ctx) => (typeof value === 'string' ? refuse(value, ctx, true) : value),
    entry
  )
  return z
    .preprocess(
      (value, ctx) => (typeof value === 'string' ? refuse(value, ctx, false) : value),
      z.array(item)
    )
    .default([])
}

export const SecretsConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Shannon entropy floor for the generic assignment rule (bits per character). */
  entropy: z.number().min(0).max(8).optional(),
  disableRules: reasonedList('id', IdEntrySchema),
  allowPaths: reasonedList('path', PathEntrySchema),
  /** Secrets matching one of these are not reported. */
  allowRegexes: reasonedList('regex', RegexEntrySchema),
  /** Path to a gitleaks config; `.gitleaks.toml` at the root is read when present. */
  gitleaksConfig: z.string().optional(),
  /** Contexts (test, docs, example, vendored) whose findings fail the gate; none by default. */
  blockContexts: z.array(FindingContextSchema).default([]),
  /** Encoded layers followed; 3 reaches a base64 `auth` in a base64 docker config in a base64 manifest. */
  maxDecodeDepth: z.number().int().min(0).max(5).default(3)
})

export const DepsConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  advisoryDb: z.string().optional(),
  osvUrl: z.string().url().default('https://api.osv.dev'),
  /** OSV API: per-request timeout and retries after the first attempt (defaults 30000 ms, 4). */
  osvTimeoutMs: z.number().int().positive().optional(),
  osvRetries: z.number().int().min(0).max(10).optional(),
  includeDev: z.boolean().default(true),
  /**
   * The severity of an advisory that gives none (nor do its aliases): high by default, the
   * conservative choice, so an unrated vulnerability blocks like a rated one; `info` never blocks
   * at the usual thresholds.
   */
  unknownSeverity: SeveritySchema.default('high'),
  licenses: z
    .strictObject({
      allow: z.array(z.string()).optional(),
      deny: z.array(z.string()).optional()
    })
    .superRefine((licenses, ctx) => {
      if (licenses.allow && licenses.deny) {
        ctx.addIssue({code: 'custom', message: 'use either allow or deny, not both'})
      }
    })
    .optional()
})

export const IAC_PROFILES = ['default', 'strict'] as const
export const IacProfileSchema = z.enum(IAC_PROFILES)
export type IacProfile = z.infer<typeof IacProfileSchema>

export const IacConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Check ids or peer aliases. */
  skipChecks: reasonedList('id', IdEntrySchema),
  /** Files of custom YAML policies, relative to the scanned root. */
  policies: z.array(z.string()).default([]),
  /**
   * `default` rolls hygiene findings (probes, limits, HEALTHCHECK...) into one hardening finding per
   * resource; `strict` shows each on its own.
   */
  profile: IacProfileSchema.default('default'),
  /** Per check: `add` rolls its findings up in the default profile, `remove` shows them on their own. */
  hygieneChecks: z
    .strictObject({
      add: z.array(z.string().min(1)).default([]),
      remove: z.array(z.string().min(1)).default([])
    })
    .default({add: [], remove: []})
})

export const SbomConfigSchema = z.strictObject({
  format: z.enum(['cyclonedx-json', 'spdx-json']).default('cyclonedx-json'),
  specVersion: z.enum(['1.5', '1.6']).default('1.6')
})

export const ConfigSchema = z.strictObject({
  failOn: FailOnSchema.default('high'),
  mode: z.enum(['enforce', 'audit']).default('enforce'),
  baseline: z.string().optional(),
  maxFileSize: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  exclude: reasonedList('path', PathEntrySchema),
  ignore: z.array(IgnoreEntrySchema).default([]),
  secrets: SecretsConfigSchema.default(SecretsConfigSchema.parse({})),
  deps: DepsConfigSchema.default(DepsConfigSchema.parse({})),
  iac: IacConfigSchema.default(IacConfigSchema.parse({})),
  sbom: SbomConfigSchema.default(SbomConfigSchema.parse({}))
})
export type Config = z.infer<typeof ConfigSchema>
export type ConfigInput = z.input<typeof ConfigSchema>

export function defaultConfig(): Config {
  return ConfigSchema.parse({})
}
