import {beforeAll, describe, expect, it} from '@jest/globals'
import {EVAL_LIMITS, type EvalLimits, isKnownValue} from '../src/parsers/eval-budget'
import {UNKNOWN} from '../src/parsers/hcl-expr'
import {initHcl, parseHcl} from '../src/parsers/hcl-syntax'
import {type TerraformModule, evaluateModule} from '../src/parsers/terraform-module'

beforeAll(() => initHcl())

/** Evaluates a folder of .tf files (path -> text) as one module. */
function module(files: Record<string, string>, limits?: Partial<EvalLimits>): TerraformModule {
  const parsed = Object.entries(files).map(([path, text]) => {
    const outcome = parseHcl(text, path)
    if (!outcome.ok) throw new Error(outcome.error)
    return outcome.file
  })
  return evaluateModule({
    dir: 'infra',
    files: parsed,
    ...(limits ? {limits: {...EVAL_LIMITS, ...limits}} : {})
  }).module
}

/** The value of attribute `v` of the module's first resource. */
const v = (m: TerraformModule) => m.resources[0]!.value('v')
/** Partly evaluated: somewhere inside, a bound left UNKNOWN. */
const incomplete = (m: TerraformModule) => isKnownValue(v(m))
const hits = (m: TerraformModule) => m.budget.boundHits().map(h => h.message)
const resource = (expr: string) => `resource "t" "r" {\n  v = ${expr}\n}\n`

function doubling(n: number, body = (prev: string) => `[${prev}, ${prev}]`): string {
  const lines = ['locals {', '  l0 = "0.0.0.0/0"']
  for (let i = 1; i <= n; i++) lines.push(`  l${i} = ${body(`local.l${i - 1}`)}`)
  return lines.join('\n') + '\n}\n'
}

describe('Terraform evaluation bounds', () => {
  it('measures shared values once, so doubling locals within the bound stay exact and fast', () => {
    const m = module({'main.tf': doubling(15) + resource('length(flatten(local.l15))')})
    expect(v(m)).toBe(2 ** 15)
    expect(hits(m)).toEqual([])
  })

  it('turns a value past the element bound into UNKNOWN and names the local and file', () => {
    const m = module({'infra/locals.tf': doubling(60), 'infra/main.tf': resource('local.l60')})
    const started = Date.now()
    expect(incomplete(m)).toBe(false)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(hits(m)).toContain(
      'infra/locals.tf: local.l16: value exceeds the evaluation bound (100000 elements); results for this file are incomplete'
    )
    // The resource in another file read a bounded value: its file is incomplete too.
    expect(hits(m).filter(h => h.startsWith('infra/main.tf'))).toEqual([
      'infra/main.tf: t.r.v: depends on local.l16 in infra/locals.tf, which hit an evaluation bound; results for this file are incomplete'
    ])
  })

  it('marks every later reader of a bounded local, not only the first', () => {
    const m = module({
      'infra/locals.tf': doubling(20),
      'infra/a.tf': resource('local.l20'),
      'infra/b.tf': 'resource "t" "s" {\n  v = local.l20\n}\n'
    })
    for (const r of m.resources) expect(isKnownValue(r.value('v'))).toBe(false)
    expect(m.budget.boundHits().map(h => h.path)).toEqual(
      expect.arrayContaining(['infra/locals.tf', 'infra/a.tf', 'infra/b.tf'])
    )
  })

  it('bounds string growth in templates and functions', () => {
    const tpl = module({'main.tf': doubling(30, p => `"\${${p}}\${${p}}"`) + resource('local.l30')})
    expect(v(tpl)).toBe(UNKNOWN)
    expect(hits(tpl).join('\n')).toMatch(/local\.l\d+: string exceeds the evaluation bound/)
    for (const fn of [
      'join("", [local.l16, local.l16, local.l16])',
      'replace(local.l16, "0", local.l10)',
      'format("%s%s%s", local.l16, local.l16, local.l16)'
    ]) {
      const m = module({'main.tf': doubling(16, p => `"\${${p}}\${${p}}"`) + resource(fn)})
      expect(v(m)).toBe(UNKNOWN)
      expect(hits(m).join('\n')).toMatch(/t\.r\.v: \w+\(\) result exceeds the evaluation bound/)
    }
  })

  it.each([
    ['nested lists', (p: string) => `[${p}]`, /value nests deeper than the evaluation bound/],
    ['a chain of references', (p: string) => p, /references nest deeper than the evaluation bound/]
  ])('stops %s 5000 deep without exhausting the stack', (_name, body, message) => {
    const m = module({'main.tf': doubling(5000, body) + resource('local.l5000')})
    expect(incomplete(m)).toBe(false)
    expect(hits(m).join('\n')).toMatch(message)
  })

  it('keeps a value that is deep but within the bounds', () => {
    const m = module({'main.tf': doubling(40, p => `[${p}]`) + resource('flatten(local.l40)')})
    expect(v(m)).toEqual(['0.0.0.0/0'])
    expect(hits(m)).toEqual([])
  })

  it('stops a module that spends its step budget, and every later evaluation says so', () => {
    const loops =
      'locals {\n  xs = [for i in split(",", join(",", [for j in [1,2,3,4,5,6,7,8,9,10] : j])) : i]\n' +
      '  big = flatten([for a in local.xs : [for b in local.xs : [for c in local.xs : "${a}${b}${c}"]]])\n}\n'
    const m = module(
      {'main.tf': loops + resource('length(local.big)'), 'b.tf': resource('"x"')},
      {baseSteps: 500, stepsPerSourceByte: 0}
    )
    expect(m.resources.map(r => r.value('v'))).toEqual([UNKNOWN, UNKNOWN])
    expect(hits(m).join('\n')).toMatch(/^main\.tf: local\.big: evaluation stopped after 500 steps/m)
    expect(hits(m).join('\n')).toMatch(/^b\.tf: t\.r\.v: evaluation stopped after 500 steps/m)
  })

  it('stops at the time bound as a last resort', () => {
    const loops =
      'locals {\n  xs = split(",", join(",", [for j in [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16] : j]))\n' +
      '  big = flatten([for a in local.xs : [for b in local.xs : [for c in local.xs : "${a}${b}${c}"]]])\n}\n'
    const m = module({'main.tf': loops + resource('length(local.big)')}, {maxMillis: 0})
    expect(v(m)).toBe(UNKNOWN)
    expect(hits(m).join('\n')).toMatch(/evaluation stopped after 0 s \(the time bound\)/)
    const unbounded = module({'main.tf': loops + resource('length(local.big)')})
    expect(v(unbounded)).toBe(16 ** 3)
  })

  it('reports a reference cycle instead of resolving it silently', () => {
    const m = module({
      'main.tf': 'locals {\n  a = local.b\n  b = local.a\n}\n' + resource('local.a')
    })
    expect(v(m)).toBe(UNKNOWN)
    expect(hits(m).join('\n')).toMatch(/local\.\w: refers to itself through local\.\w, a cycle/)
  })

  it('checks every for_each instance up to the bound and reports the rest', () => {
    const fe = (n: number) =>
      `resource "t" "r" {\n  for_each = toset([for i in split(",", "${Array.from({length: n}, (_, i) => i).join(',')}") : i])\n  v = each.value\n}\n`
    const within = module({'main.tf': fe(1024)})
    expect(within.resources).toHaveLength(1024)
    expect(hits(within)).toEqual([])
    const over = module({'main.tf': fe(1025)})
    expect(over.resources).toHaveLength(1024)
    expect(hits(over)).toEqual([
      'main.tf: t.r.for_each: 1025 instances exceed the evaluation bound (1024); the rest are not checked; results for this file are incomplete'
    ])
  })

  it('recovers from a stack overflow in the middle of a local instead of caching a false cycle', () => {
    const m = module({'main.tf': doubling(50, p => p) + resource('local.l50')})
    const view = m.resources[0]!
    let overflows = 0
    // Recurse until the stack is nearly full, then evaluate: the first attempts run out of stack
    // inside the chain of locals; one level up there is room and the value must be right.
    const dive = (): unknown => {
      try {
        return dive()
      } catch {
        try {
          return view.value('v')
        } catch (error) {
          overflows++
          throw error
        }
      }
    }
    expect(dive()).toBe('0.0.0.0/0')
    expect(overflows).toBeGreaterThan(0)
    expect(hits(m)).toEqual([])
  })
})
