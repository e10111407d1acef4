import {describe, expect, it} from '@jest/globals'
import {MAX_YAML_DEPTH, tooDeepAt} from '../src/parsers/yaml-depth'
import {
  MAX_ALIAS_EXPANSION_NODES,
  get,
  lineOf,
  matchLines,
  pairOf,
  parseYaml,
  text,
  toPlain,
  type YamlFile
} from '../src/parsers/yaml-document'

function parsed(source: string): YamlFile {
  const outcome = parseYaml(source)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.file
}

/** A "billion laughs" document: ten levels of nine aliases each expand to 9^9 nodes. */
function billionLaughs(prefix = ''): string {
  const lines = [prefix, 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  const names = 'abcdefghij'
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1]
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`)
  }
  return lines.join('\n') + '\n'
}

describe('parseYaml', () => {
  it('keeps the line of every key, value and sequence item', () => {
    const file = parsed(`spec:
  containers:
    - name: app
      image: nginx:1.27
    - name: sidecar
`)
    const root = file.documents[0]!
    expect(lineOf(root, 'spec')).toBe(1)
    const containers = get(root, 'spec.containers')!
    expect(containers.line).toBe(3)
    expect(get(root, 'spec.containers.1')!.line).toBe(5)
    expect(pairOf(get(root, 'spec.containers.0'), 'image')!.keyLine).toBe(4)
    expect(text(get(root, ['spec', 'containers', 0, 'image']))).toBe('nginx:1.27')
  })

  it('reads every document of a multi-document stream, with lines relative to the file', () => {
    const file = parsed(`kind: A
---
kind: B
---
---
kind: C
`)
    expect(file.documents.map(d => text(get(d, 'kind')))).toEqual(['A', 'B', undefined, 'C'])
    expect(lineOf(file.documents[3], 'kind')).toBe(6)
  })

  it('expands aliases and applies << merge keys, explicit keys winning', () => {
    const file = parsed(`base: &base
  read_only: true
  user: root
web:
  <<: *base
  user: app
list: [*base]
`)
    const root = file.documents[0]!
    expect(toPlain(get(root, 'web'))).toEqual({user: 'app', read_only: true})
    // Merged values keep the line where they were written (the anchor's).
    expect(pairOf(get(root, 'web'), 'read_only')!.keyLine).toBe(2)
    expect(toPlain(get(root, 'list.0'))).toEqual({read_only: true, user: 'root'})
  })

  it('keeps CloudFormation short-form tags as tagged values instead of failing', () => {
    const file = parsed(`Bucket: !Ref Logs
Arn: !GetAtt [Key, Arn]
Name: !Sub |
  logs-\${AWS::Region}
Pick: !Select [0, !GetAZs '']
`)
    const root = file.documents[0]!
    expect(get(root, 'Bucket')).toMatchObject({tag: '!Ref', value: 'Logs', line: 1})
    expect(get(root, 'Arn')).toMatchObject({tag: '!GetAtt', kind: 'seq'})
    expect(get(root, 'Name')!.tag).toBe('!Sub')
    expect(get(root, 'Pick.1')!.tag).toBe('!GetAZs')
  })

  it('parses JSON (CloudFormation .json templates) with positions, tabs included', () => {
    const file = parsed(
      '{\n\t"Resources": {\n\t\t"Bucket": {\n\t\t\t"Type": "AWS::S3::Bucket"\n\t\t}\n\t}\n}\n'
    )
    const root = file.documents[0]!
    expect(pairOf(get(root, 'Resources'), 'Bucket')!.keyLine).toBe(3)
    expect(lineOf(get(root, 'Resources.Bucket'), 'Type')).toBe(4)
  })

  it('finds the line of a match inside a block scalar', () => {
    const file = parsed(`run: |
  echo one
  echo "\${{ github.head_ref }}"
`)
    const run = get(file.documents[0], 'run')!
    expect(matchLines(file, run, /\$\{\{[^}]*\}\}/).map(m => m.line)).toEqual([3])
  })

  it('rejects a YAML bomb quickly instead of expanding it', () => {
    const started = Date.now()
    const outcome = parseYaml(billionLaughs())
    expect(outcome.ok).toBe(false)
    if (!outcome.ok)
      expect(outcome.error).toMatch(
        new RegExp(`alias expansion exceeds ${MAX_ALIAS_EXPANSION_NODES} nodes at line \\d+`)
      )
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('rejects an alias to its own enclosing anchor instead of looping', () => {
    const outcome = parseYaml('a: &a\n  b: *a\n')
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringMatching(/line 2: alias \*a refers to an unknown or enclosing anchor/)
    })
  })

  it('reports invalid YAML with its line and column', () => {
    const outcome = parseYaml('a: 1\nb: [1, 2\nc: 3\n')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatch(/^invalid YAML at line \d+, column \d+: /)
    const tabs = parseYaml('a:\n\tb: 1\n')
    expect(tabs.ok).toBe(false)
    if (!tabs.ok) expect(tabs.error).toContain('line 2')
  })

  it('returns no documents for an empty file', () => {
    expect(parsed('').documents).toEqual([])
    expect(parsed('# only a comment\n').documents).toEqual([])
  })
})

describe('the nesting bound', () => {
  it('rejects flow or block nesting past the bound before the YAML parser recurses into it', () => {
    const flow = `a:\n  b: ${'['.repeat(MAX_YAML_DEPTH)}1${']'.repeat(MAX_YAML_DEPTH)}\n`
    expect(parseYaml(flow)).toEqual({
      ok: false,
      error: `invalid YAML at line 2: nested deeper than ${MAX_YAML_DEPTH} levels (the bound for analysis)`
    })
    const block = Array.from({length: 3000}, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n'
    expect(tooDeepAt(block)).toBe(MAX_YAML_DEPTH + 1)
    expect(tooDeepAt(`${'- '.repeat(MAX_YAML_DEPTH + 2)}1\n`)).toBe(1)
  })

  it('does not count brackets in quotes, comments or block scalars, nor closed levels', () => {
    const manifest = [
      'script: |',
      `  echo "${'['.repeat(300)}"`,
      `  ${'{'.repeat(300)}`,
      `quoted: "${'['.repeat(300)}"`,
      `single: '${'{'.repeat(300)}'`,
      `note: x # ${'['.repeat(300)}`,
      ...Array.from({length: 300}, () => 'list: [[1], {a: [2]}]')
    ].join('\n')
    expect(tooDeepAt(manifest)).toBeUndefined()
    const nested = `${'['.repeat(MAX_YAML_DEPTH - 1)}1${']'.repeat(MAX_YAML_DEPTH - 1)}\n`
    expect(tooDeepAt(nested)).toBeUndefined()
    expect(parseYaml(nested).ok).toBe(true)
  })
})
