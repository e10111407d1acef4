import {z} from 'zod'
import {camelToKebab} from '../case'
import {ConfigError} from '../errors'
import {COMMENT_MODES} from '../github/comment'
import {FilterModeSchema} from '../github/filter'
import {FailOnSchema} from '../severity'

/** `core.getBooleanInput` accepts the YAML 1.2 core schema booleans only; so do we. */
const BooleanInput = z.preprocess(
  value => {
    if (typeof value !== 'string') return value
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    return value
  },
  z.boolean({error: issue => `expected true or false, got ${JSON.stringify(issue.input)}`})
)

const ListInput = z.preprocess(
  value => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value),
  z.array(z.string()).min(1, 'expected at least one name')
)

/** Every input of every pipeguard action (kebab-case in action.yml, camelCase here), parsed once. */
export const ActionInputsSchema = z.strictObject({
  path: z.string().default('.'),
  config: z.string().optional(),
  failOn: FailOnSchema.optional(),
  mode: z.enum(['enforce', 'audit']).optional(),
  githubToken: z.string().optional(),
  comment: z.enum(COMMENT_MODES).default('on-findings'),
  annotations: BooleanInput.default(true),
  checkRun: BooleanInput.default(true),
  /** Default depends on the event: `added` on pull requests, `nofilter` elsewhere. */
  filterMode: FilterModeSchema.optional(),
  baseline: z.string().optional(),
  sarifFile: z.string().optional(),
  advisoryDb: z.string().optional(),
  osvUrl: z.url({protocol: /^https?$/, error: 'expected an http(s) URL'}).optional(),
  /** Root action only: which scanners run in the one step. */
  scanners: ListInput.optional()
})
export type ActionInputs = z.infer<typeof ActionInputsSchema>

export const ACTION_INPUT_NAMES = Object.keys(ActionInputsSchema.shape).map(camelToKebab)

export type InputReader = (name: string) => string

/**
 * Reads `INPUT_*` through the given reader (empty means "not set") and validates once. A bad value
 * is a ConfigError naming the input, what it got and what it accepts.
 */
export function readActionInputs(getInput: InputReader): ActionInputs {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(ActionInputsSchema.shape)) {
    const value = getInput(camelToKebab(key)).trim()
    if (value) raw[key] = value
  }
  const parsed = ActionInputsSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  throw new ConfigError(parsed.error.issues.map(issue => describeIssue(issue, raw)).join('\n'))
}

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, string>): string {
  const key = String(issue.path[0] ?? '')
  const name = `input "${camelToKebab(key)}"`
  if (issue.code === 'invalid_value') {
    return `${name}: expected one of ${issue.values.map(v => String(v)).join(', ')}, got ${JSON.stringify(raw[key])}`
  }
  return `${name}: ${issue.message}`
}
