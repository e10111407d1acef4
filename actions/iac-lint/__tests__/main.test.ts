import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, jest} from '@jest/globals'
import type {ActionsCore} from '@pipeguard/core/github'
import {run} from '../src/main'

function fakeCore(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {}
  let summary = ''
  const summaryApi = {
    addRaw: (text: string) => ((summary += text), summaryApi),
    write: async () => summaryApi
  }
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)),
    setFailed: jest.fn(),
    setSecret: jest.fn(),
    info: jest.fn(),
    warning: jest.fn(),
    error: jest.fn(),
    notice: jest.fn(),
    summary: summaryApi
  }
  return {core, outputs, summary: () => summary}
}

describe('iac-lint run()', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(d => rmSync(d, {recursive: true, force: true})))

  it('runs outside GitHub (no repository, no token) and still writes reports and outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeguard-iac-main-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'README.md'), '# nothing to lint\n')
    const h = fakeCore({'sarif-file': 'out.sarif'})
    await run({
      core: h.core as unknown as ActionsCore,
      env: {GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir}
    })
    expect(h.core.setFailed).not.toHaveBeenCalled()
    expect(h.core.warning).not.toHaveBeenCalled()
    expect(h.outputs).toMatchObject({
      findings: '0',
      blocking: '0',
      'sarif-file': join(dir, 'out.sarif')
    })
    expect(JSON.parse(readFileSync(h.outputs['report-file']!, 'utf8')).findings).toEqual([])
    expect(h.summary()).toContain('## 🛡️ pipeguard · IaC lint')
  })

  it('a missing config file fails the step with its name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeguard-iac-main-'))
    dirs.push(dir)
    const h = fakeCore({config: 'nope.yml'})
    await run({core: h.core as unknown as ActionsCore, env: {GITHUB_WORKSPACE: dir}})
    expect(h.core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/^pipeguard: .*nope\.yml: config file not found$/)
    )
  })
})
