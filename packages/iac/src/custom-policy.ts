import {RE2JS} from 're2js'
import {parse as parseYamlText} from 'yaml'
import type {CheckResult} from './check'
import {type CustomPolicy, PolicyFileSchema} from './custom-policy-schema'
import type {RunnableCheck} from './engine'
import {UNKNOWN} from './parsers/hcl-expr'
import type {KubernetesDoc} from './parsers/kubernetes'
import type {TerraformDocument} from './parsers/terraform-module'
import type {BlockView} from './parsers/terraform-model'
import {type YamlNode, asMap, items, pairOf} from './parsers/yaml-document'

/** One value found at a policy's attribute path, with the line it is on. */
interface Hit {
  value: unknown
  line: number
}

interface Target {
  resource: string
  line: number
  /** undefined when some step is not decidable (Terraform unknowns): no finding then. */
  hits: Hit[] | undefined
}

export type PolicyLoad = {ok: true; checks: RunnableCheck[]} | {ok: false; error: string}

/** Parses and validates a policy file; errors name the file and the key at fault. */
export function loadPolicyFile(text: string, path: string): PolicyLoad {
  let data: unknown
  try {
    data = parseYamlText(text)
  } catch (error) {
    return {ok: false, error: `${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`}
  }
  const parsed = PolicyFileSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = issue.path.length ? issue.path.join('.') : '(top level)'
    return {ok: false, error: `${path}: ${key}: ${issue.message}`}
  }
  for (const policy of parsed.data.policies) {
    if (policy.operator === 'matches' || policy.operator === 'not_matches') {
      try {
        RE2JS.compile(String(policy.value))
      } catch (error) {
        return {
          ok: false,
          error: `${path}: policy ${policy.id}: value: invalid regex: ${(error as Error).message}`
        }
      }
    }
  }
  return {ok: true, checks: parsed.data.policies.map(policyCheck)}
}

export function policyCheck(policy: CustomPolicy): RunnableCheck {
  return {
    id: policy.id,
    platform: policy.platform,
    severity: policy.severity,
    title: policy.title,
    description: policy.description,
    remediation: policy.remediation,
    docs: policy.docs,
    run: doc => targetsOf(policy, doc).flatMap(t => evaluatePolicy(policy, t))
  }
}

function evaluatePolicy(policy: CustomPolicy, target: Target): CheckResult[] {
  const {hits} = target
  if (!hits) return []
  const fail = (line: number): CheckResult[] => [{line, resource: target.resource}]
  if (policy.operator === 'exists') return hits.length ? [] : fail(target.line)
  if (policy.operator === 'not_exists') return hits.length ? fail(hits[0]!.line) : []
  const negative = policy.operator.startsWith('not_')
  // A missing attribute cannot equal, match or exceed anything; it trivially satisfies the negations.
  if (hits.length === 0) return negative ? [] : fail(target.line)
  const bad = hits.find(hit => !satisfies(policy, hit.value))
  return bad ? fail(bad.line) : []
}

function satisfies(policy: CustomPolicy, value: unknown): boolean {
  const expected = policy.value
  const same = (a: unknown, b: unknown) => String(a) === String(b)
  switch (policy.operator) {
    case 'equals':
      return same(value, expected)
    case 'not_equals':
      return !same(value, expected)
    case 'in':
      return (expected as unknown[]).some(e => same(value, e))
    case 'not_in':
      return !(expected as unknown[]).some(e => same(value, e))
    case 'matches':
      return (
        typeof value !== 'object' && RE2JS.compile(String(expected)).matcher(String(value)).find()
      )
    case 'not_matches':
      return (
        typeof value === 'object' || !RE2JS.compile(String(expected)).matcher(String(value)).find()
      )
    case 'contains':
      return Array.isArray(value)
        ? value.some(v => same(v, expected))
        : String(value).includes(String(expected))
    case 'not_contains':
      return Array.isArray(value)
        ? !value.some(v => same(v, expected))
        : !String(value).includes(String(expected))
    case 'greater_than':
      return Number(value) > Number(expected)
    case 'less_than':
      return Number(value) < Number(expected)
    default:
      return true
  }
}

function targetsOf(policy: CustomPolicy, doc: unknown): Target[] {
  const steps = policy.attribute
    .split('.')
    .map(s => ({name: s.replace('[*]', ''), each: s.endsWith('[*]')}))
  if (policy.platform === 'terraform') {
    return (doc as TerraformDocument).resources
      .filter(r => r.labels[0] === policy.resource)
      .map(r => ({resource: r.address, line: r.line, hits: terraformHits(r, steps)}))
  }
  return (doc as KubernetesDoc).objects
    .filter(o => o.kind === policy.resource)
    .map(o => ({resource: o.ref, line: o.line, hits: yamlHits(o.node, steps)}))
}

type Step = {name: string; each: boolean}

/** Walks nested blocks (all of them, as if `[*]`) then into the attribute's evaluated value. */
function terraformHits(view: BlockView, steps: Step[]): Hit[] | undefined {
  const [step, ...rest] = steps
  if (!step) return []
  const attr = view.attr(step.name)
  if (attr) return valueHits(attr.value, attr.line, step, rest)
  const out: Hit[] = []
  for (const child of view.blocks(step.name)) {
    const hits = rest.length ? terraformHits(child, rest) : [{value: true, line: child.line}]
    if (!hits) return undefined
    out.push(...hits)
  }
  return out
}

function valueHits(value: unknown, line: number, step: Step, rest: Step[]): Hit[] | undefined {
  if (value === UNKNOWN) return undefined
  const values = step.each ? (Array.isArray(value) ? value : []) : [value]
  const out: Hit[] = []
  for (const v of values) {
    if (v === UNKNOWN) return undefined
    if (rest.length === 0) {
      out.push({value: v, line})
      continue
    }
    const [next, ...more] = rest
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, next!.name))
      continue
    const hits = valueHits((v as Record<string, unknown>)[next!.name], line, next!, more)
    if (!hits) return undefined
    out.push(...hits)
  }
  return out
}

function yamlHits(node: YamlNode, steps: Step[]): Hit[] {
  const [step, ...rest] = steps
  if (!step) return []
  const pair = pairOf(asMap(node), step.name)
  if (!pair) return []
  const values = step.each ? items(pair.value) : [pair.value]
  return values.flatMap(v => {
    if (rest.length) return yamlHits(v, rest)
    const line = step.each ? v.line : pair.keyLine
    return [
      {value: v.kind === 'scalar' ? v.value : v.kind === 'seq' ? v.items.map(plain) : v, line}
    ]
  })
}

function plain(node: YamlNode): unknown {
  return node.kind === 'scalar' ? node.value : node
}
