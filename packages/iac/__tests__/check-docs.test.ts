import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import {renderCheckDocs, withReadmeCheckList} from '../src/check-docs'
import {CHECKS} from '../src/checks/index'

describe('docs/checks.md', () => {
  it('is up to date with the check registry (regenerate: node scripts/generate-check-docs.mjs)', () => {
    expect(readFileSync('docs/checks.md', 'utf8')).toBe(renderCheckDocs(CHECKS))
  })

  it('README.md lists every check, generated from the registry (regenerate as above)', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toBe(withReadmeCheckList(readme, CHECKS))
    for (const check of CHECKS) expect(readme).toContain(`| ${check.id} |`)
  })

  it('lists every check once with its severity and reference, escaping table syntax', () => {
    const markdown = renderCheckDocs(CHECKS)
    for (const check of CHECKS) {
      expect(markdown.split('\n').filter(line => line.startsWith(`| ${check.id} |`))).toHaveLength(
        1
      )
    }
    const [first] = CHECKS
    const odd = renderCheckDocs([{...first!, title: 'a | b\nc'}])
    expect(odd).toContain('| a \\| b c |')
  })
})
