import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, jest} from '@jest/globals'
import type {ActionsCore} from '@pipeguard/core/github'
import {run} from '../src/main'

describe('secret-scan run()', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(d => rmSync(d, {recursive: true, force: true})))

  it('masks each secret, annotates it redacted and fails the gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeguard-secret-main-'))
    dirs.push(dir)
    const secret = 'ghp_' + 'Zx9Qw2Lm7Rt4Yp1Kd8Vb3Nc6Hj5Gf0Sa2De7'
    writeFileSync(join(dir, 'app.env'), `TOKEN=${secret}\n`)
    const summaryApi = {addRaw: () => summaryApi, write: async () => summaryApi}
    const core = {
      getInput: () => '',
      setOutput: jest.fn(),
      setFailed: jest.fn(),
      setSecret: jest.fn(),
      info: jest.fn(),
      warning: jest.fn(),
      error: jest.fn(),
      notice: jest.fn(),
      summary: summaryApi
    }
    await run({
      core: core as unknown as ActionsCore,
      env: {GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir}
    })
    expect(core.setSecret).toHaveBeenCalledWith(secret)
    expect(core.error).toHaveBeenCalledTimes(1)
    const [message, properties] = core.error.mock.calls[0] as [
      string,
      {file: string; startLine: number}
    ]
    expect(message).not.toContain(secret)
    expect(message).toContain('ghp_')
    expect(properties).toMatchObject({file: 'app.env', startLine: 1})
    expect(core.setFailed).toHaveBeenCalledWith('pipeguard: 1 blocking finding(s) at or above high')
  })
})
