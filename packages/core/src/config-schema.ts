import {z} from 'zod'
import {FailOnSchema} from './severity'

/** A date `YYYY-MM-DD`; YAML may hand us a Date object for an unquoted date. */
const DateSchema = z.preprocess(
  value => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-12-31')
)

export const IgnoreEntrySchema = z
  .strictObject({
    rule: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    reason: z.string().min(1, 'a reason is required'),
    expires: DateSchema.optional()
  })
  .superRefine((entry, ctx) => {
    if (!entry.rule && !entry.path) {
      ctx.addIssue({code: 'custom', message: 'an ignore entry needs a rule, a path or both'})
    }
  })
export type IgnoreEntry = z.infer<typeof IgnoreEntrySchema>

export const ExcludeEntrySchema = z.strictObject({
  path: z.string().min(1),
  reason: z.string().min(1, 'a reason is required')
})

export const SecretsConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Shannon entropy floor for the generic assignment rule (bits per character). */
  entropy: z.number().min(0).max(8).optional(),
  disableRules: z.array(z.string()).default([]),
  allowPaths: z.array(z.string()).default([]),
  allowRegexes: z.array(z.string()).default([]),
  /** Path to a gitleaks config; `.gitleaks.toml` at the root is read when present. */
  gitleaksConfig: z.string().optional(),
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

export const IacConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  skipChecks: z.array(z.string()).default([]),
  /** Files of custom YAML policies, relative to the scanned root. */
  policies: z.array(z.string()).default([])
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
  exclude: z.array(ExcludeEntrySchema).default([]),
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
