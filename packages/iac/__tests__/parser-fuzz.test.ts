import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {beforeAll, describe, expect, it} from '@jest/globals'
import {
  ConfigSchema,
  type FileError,
  type ScanContext,
  type Workspace,
  silentProgress
} from '@pipeguard/core'
import {PARSERS} from '../src/parsers/index'
import {isTerraformFile} from '../src/parsers/terraform-files'
import {iacScanner} from '../src/scanner'
import {seededRandom} from '../../../test/helpers/seeded-random'

/**
 * Seeded mutations of the IaC fixtures, through the whole scanner: whatever the input, the scan
 * ends within a bound, nothing throws, and a file no parser accepts is an error naming it.
 * Deterministic (fixed seed) and bounded in count, so a failure reproduces with its case number.
 */
const SEED = 0x5eed1ac
const CASES_PER_SEED_FILE = 12
/** One mutated file must scan within this (the evaluation bounds stop long before). */
const MAX_MS_PER_CASE = 5000

const FIXTURES = 'test/fixtures/iac'
const SEEDS = [
  'insecure/terraform/main.tf',
  'insecure/terraform/gcp.tf',
  'clean/terraform/aws.tf',
  'terraform/json-syntax/network.tf.json',
  'terraform/tfvars/terraform.tfvars',
  'insecure/kubernetes/workloads.yaml',
  'clean/kubernetes/rbac-list.yaml',
  'insecure/cloudformation/template.yaml',
  'clean/cloudformation/network.json',
  'insecure/compose/docker-compose.yml',
  'clean/github-actions/.github/workflows/ci.yml',
  'insecure/github-actions/.github/workflows/pr-target.yml',
  'insecure/dockerfile/Dockerfile'
]

/** Fragments that matter to one of the grammars: brackets, quotes, templates, anchors, heredocs. */
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  ':',
  ': ',
  '- ',
  '=',
  ',',
  '\\',
  '${',
  '%{',
  '$${',
  '#',
  '//',
  '/*',
  '<<EOT\n',
  '\nEOT\n',
  '&a ',
  '*a',
  '!Ref ',
  '---\n',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u00e9',
  '\ud83d\ude00',
  'null',
  'true',
  '-1',
  '1e309',
  '0x1F',
  '*',
  '?',
  '|',
  '>'
]

type Mutation = (text: string, rnd: () => number) => string

const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1))
const MUTATIONS: Array<[string, Mutation]> = [
  [
    'delete a span',
    (t, r) => {
      const i = at(t, r)
      return t.slice(0, i) + t.slice(i + Math.floor(r() * 40))
    }
  ],
  [
    'insert a token',
    (t, r) => {
      const i = at(t, r)
      return t.slice(0, i) + TOKENS[Math.floor(r() * TOKENS.length)] + t.slice(i)
    }
  ],
  [
    'duplicate a span',
    (t, r) => {
      const i = at(t, r)
      const j = at(t, r)
      return t.slice(0, j) + t.slice(i, i + Math.floor(r() * 200)) + t.slice(j)
    }
  ],
  [
    'swap two lines',
    (t, r) => {
      const lines = t.split('\n')
      const a = Math.floor(r() * lines.length)
      const b = Math.floor(r() * lines.length)
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      return lines.join('\n')
    }
  ],
  [
    'repeat a line',
    (t, r) => {
      const lines = t.split('\n')
      const a = Math.floor(r() * lines.length)
      lines.splice(a, 0, ...Array<string>(1 + Math.floor(r() * 300)).fill(lines[a]!))
      return lines.join('\n')
    }
  ],
  ['truncate', (t, r) => t.slice(0, at(t, r))],
  [
    'nest deeply',
    (t, r) => {
      const i = at(t, r)
      const n = 50 + Math.floor(r() * 3000)
      const [open, close] = r() < 0.5 ? ['[', ']'] : ['{"a":', '}']
      return t.slice(0, i) + open.repeat(n) + '1' + close.repeat(n) + t.slice(i)
    }
  ],
  [
    'grow a value',
    (t, r) => {
      const i = at(t, r)
      return t.slice(0, i) + 'x'.repeat(Math.floor(r() * 200_000)) + t.slice(i)
    }
  ]
]

/** Inputs that once hurt an engine like this one, appended to a seed of the matching family. */
const HOSTILE: Record<string, string> = {
  terraform:
    'locals {\n  l0 = ["0.0.0.0/0"]\n' +
    Array.from({length: 40}, (_, i) => `  l${i + 1} = [local.l${i}, local.l${i}]\n`).join('') +
    '  s = "${local.l40}${local.l40}"\n}\n',
  yaml:
    'x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n' +
    Array.from(
      {length: 12},
      (_, i) => `y${i}: &${'b' + i} [*${i ? 'b' + (i - 1) : 'a'}, *${i ? 'b' + (i - 1) : 'a'}]\n`
    ).join(''),
  dockerfile: 'FROM alpine\n' + 'RUN echo \\\n'.repeat(5000) + 'done\n'
}

function family(path: string): keyof typeof HOSTILE {
  if (isTerraformFile(path)) return 'terraform'
  return /Dockerfile$/.test(path) ? 'dockerfile' : 'yaml'
}

async function scanOne(path: string, text: string): Promise<{errors: FileError[]; ms: number}> {
  const ctx = {
    root: '/nonexistent',
    config: ConfigSchema.parse({}),
    options: {scanners: ['iac'], history: false, staged: false, list: false},
    workspace: {text: async () => text} as unknown as Workspace,
    files: [{path, absPath: `/nonexistent/${path}`, size: text.length}],
    progress: silentProgress,
    env: {}
  } as unknown as ScanContext
  const started = performance.now()
  const output = await iacScanner.scan(ctx)
  return {errors: output.errors, ms: performance.now() - started}
}

/** Whether the file's own parser accepts it (Terraform files are judged by the scan's errors). */
function parses(path: string, text: string): boolean | undefined {
  if (isTerraformFile(path)) return undefined
  const parser = PARSERS.find(p => p.fileRequired(path) && (!p.detect || p.detect(text, path)))
  return parser ? parser.parse(text, path).ok : undefined
}

beforeAll(async () => {
  for (const parser of PARSERS) await parser.init?.()
})

describe('IaC parsers under seeded mutation', () => {
  const rnd = seededRandom(SEED)
  const cases: Array<[string, string, string]> = []
  for (const seed of SEEDS) {
    const original = readFileSync(`${FIXTURES}/${seed}`, 'utf8')
    const path = seed.replace(/^(insecure|clean|terraform)\//, '')
    for (let n = 0; n < CASES_PER_SEED_FILE; n++) {
      let text = original
      const names: string[] = []
      // One to three mutations stacked.
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const [name, mutate] = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!
        names.push(name)
        text = mutate(text, rnd)
      }
      cases.push([`${seed} #${n} (${names.join(', ')})`, path, text])
    }
    cases.push([`${seed} + hostile input`, path, original + '\n' + HOSTILE[family(path)]])
  }

  it(`scans ${SEEDS.length * (CASES_PER_SEED_FILE + 1)} mutated files without a crash or a hang`, async () => {
    const problems: string[] = []
    for (const [name, path, text] of cases) {
      let result: {errors: FileError[]; ms: number}
      try {
        result = await scanOne(path, text)
      } catch (error) {
        problems.push(`${name}: the scan threw ${String(error)}`)
        continue
      }
      if (result.ms > MAX_MS_PER_CASE) problems.push(`${name}: took ${Math.round(result.ms)} ms`)
      for (const e of result.errors) {
        if (e.path !== path || !e.message.includes(basename(path)))
          problems.push(`${name}: error does not name its file: ${JSON.stringify(e)}`)
        // A parser or check that threw is caught, but it is a bug all the same.
        if (/parser failed|check \S+ failed|call stack/.test(e.message))
          problems.push(`${name}: ${e.message}`)
      }
      if (parses(path, text) === false && !result.errors.some(e => e.path === path))
        problems.push(`${name}: rejected by its parser but not reported`)
    }
    expect(problems).toEqual([])
  }, 120_000)
})
