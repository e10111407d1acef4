import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {useActionHarness} from './helpers/action-harness'

/**
 * An internal error, provoked from outside: RUNNER_TEMP names a file, so the report cannot be
 * written there. The step fails with one line; the stack only in the runner's debug logging.
 */
describe('an internal error in an action', () => {
  const h = useActionHarness({'README.md': '# app\n', 'not-a-dir': 'a file\n'})
  const run = (action: string, debug: Record<string, string>) =>
    h.run({action, env: {RUNNER_TEMP: join(h.workspace, 'not-a-dir'), ...debug}})
  const stackLines = (stdout: string) => stdout.split('\n').filter(l => /^\s+at /.test(l))

  it.each(['iac-lint', 'pipeguard'])('%s: one line by default', async action => {
    const result = await run(action, {})
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /^::error::pipeguard: internal error: .*not-a-dir.* \(re-run with debug logging for the stack trace\)$/m
    )
    expect(stackLines(result.stdout)).toEqual([])
  })

  it.each<Record<string, string>>([{RUNNER_DEBUG: '1'}, {ACTIONS_STEP_DEBUG: 'true'}])(
    'the stack with %j',
    async debug => {
      const result = await run('iac-lint', debug)
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/^::error::pipeguard: internal error: .*not-a-dir[^\n]*$/m)
      expect(result.stdout).not.toContain('re-run with debug logging')
      expect(stackLines(result.stdout).length).toBeGreaterThan(0)
    }
  )
})
