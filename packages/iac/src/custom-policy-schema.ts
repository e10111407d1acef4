import {z} from 'zod'
import {SeveritySchema} from '@pipeguard/core'

export const OPERATORS = [
  'equals',
  'not_equals',
  'exists',
  'not_exists',
  'in',
  'not_in',
  'matches',
  'not_matches',
  'contains',
  'not_contains',
  'greater_than',
  'less_than'
] as const

/** Platforms whose documents custom policies can read. */
export const POLICY_PLATFORMS = ['terraform', 'kubernetes'] as const

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const CustomPolicySchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z][\w.-]*$/, 'expected an id of letters, digits, "_", "-" or "."'),
    platform: z.enum(POLICY_PLATFORMS),
    /** Terraform resource type (`aws_s3_bucket`) or Kubernetes kind (`Deployment`). */
    resource: z.string().min(1),
    /** Dot path (`versioning.enabled`, `spec.template.spec.containers[*].image`); `[*]` walks a list. */
    attribute: z
      .string()
      .regex(/^[\w-]+(\[\*\])?(\.[\w-]+(\[\*\])?)*$/, 'expected a dot path like a.b[*].c'),
    operator: z.enum(OPERATORS),
    value: z.union([Scalar, z.array(Scalar)]).optional(),
    severity: SeveritySchema,
    title: z.string().min(1),
    description: z.string().default(''),
    remediation: z.string().min(1),
    docs: z.string().default('')
  })
  .superRefine((policy, ctx) => {
    const needsValue = !['exists', 'not_exists'].includes(policy.operator)
    if (needsValue && policy.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator "${policy.operator}" needs a value`
      })
    }
    if (['in', 'not_in'].includes(policy.operator) && !Array.isArray(policy.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator "${policy.operator}" needs a list`
      })
    }
    if (
      ['greater_than', 'less_than'].includes(policy.operator) &&
      typeof policy.value !== 'number'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator "${policy.operator}" needs a number`
      })
    }
    if (['matches', 'not_matches'].includes(policy.operator) && typeof policy.value !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator "${policy.operator}" needs a regex string`
      })
    }
  })
export type CustomPolicy = z.infer<typeof CustomPolicySchema>

export const PolicyFileSchema = z.strictObject({policies: z.array(CustomPolicySchema).min(1)})
