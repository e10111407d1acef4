import {describe, expect, it} from '@jest/globals'
import {PatchParser, type AddedText} from '../src/git-patch'

function parse(lines: string[]): AddedText[] {
  const out: AddedText[] = []
  const parser = new PatchParser(added => out.push(added))
  for (const line of lines) parser.line(line)
  parser.end()
  return out
}

const file = (header: string, plus: string, added: string): string[] => [
  `diff --git ${header}`,
  'new file mode 100644',
  '--- /dev/null',
  `+++ ${plus}`,
  '@@ -0,0 +1 @@',
  `+${added}`
]

describe('PatchParser names', () => {
  it('drops the tab git appends to a name with a space, keeps C-quoted tabs and quotes', () => {
    const out = parse([
      ...file('a/a b.env b/a b.env', 'b/a b.env\t', 'one'),
      ...file('"a/q\\"uo\\tted.env" "b/q\\"uo\\tted.env"', '"b/q\\"uo\\tted.env"', 'two'),
      ...file('"a/net\\\\sg.tf" "b/net\\\\sg.tf"', '"b/net\\\\sg.tf"', 'three'),
      ...file('"a/caf\\303\\251" "b/caf\\303\\251"', '"b/caf\\303\\251"', 'four')
    ])
    expect(out.map(a => [a.path, a.text])).toEqual([
      ['a b.env', 'one'],
      ['q"uo\tted.env', 'two'],
      ['net\\sg.tf', 'three'],
      ['café', 'four']
    ])
  })

  it('emits nothing for text that is not a patch or a deleted file', () => {
    expect(parse(['+++ looks like a header', '+but no hunk', 'random'])).toEqual([])
    expect(
      parse(['diff --git a/x b/x', '--- a/x', '+++ /dev/null', '@@ -1 +0,0 @@', '-x'])
    ).toEqual([])
  })
})
