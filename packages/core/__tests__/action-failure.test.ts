import {describe, expect, it} from '@jest/globals'
import {failAction, isDebugLogging} from '../src/action/action-failure'
import type {ActionsCore} from '../src/action/run-action'
import {ConfigError} from '../src/errors'

function fakeCore(): {core: ActionsCore; failed: string[]; info: string[]} {
  const failed: string[] = []
  const info: string[] = []
  const core = {
    setFailed: (message: string | Error) => void failed.push(String(message)),
    info: (message: string) => void info.push(message)
  } as unknown as ActionsCore
  return {core, failed, info}
}

describe('failAction', () => {
  it('a ConfigError is the message alone, in debug logging too', () => {
    for (const env of [{}, {RUNNER_DEBUG: '1'}]) {
      const c = fakeCore()
      failAction(c.core, new ConfigError('input "path": "nope" does not exist'), env)
      expect(c.failed).toEqual(['pipeguard: input "path": "nope" does not exist'])
      expect(c.info).toEqual([])
    }
  })

  it('an internal error is one line without debug logging', () => {
    const c = fakeCore()
    failAction(c.core, new TypeError('x is undefined'), {RUNNER_DEBUG: '0'})
    expect(c.failed).toEqual([
      'pipeguard: internal error: x is undefined (re-run with debug logging for the stack trace)'
    ])
    expect(c.info).toEqual([])
  })

  it.each([{RUNNER_DEBUG: '1'}, {ACTIONS_STEP_DEBUG: 'true'}])(
    'an internal error logs its stack with %j',
    env => {
      const c = fakeCore()
      failAction(c.core, new TypeError('x is undefined'), env)
      expect(c.failed).toEqual(['pipeguard: internal error: x is undefined'])
      expect(c.info).toHaveLength(1)
      expect(c.info[0]).toMatch(/^TypeError: x is undefined\n\s+at /)
    }
  )

  it('debug logging is RUNNER_DEBUG=1 or ACTIONS_STEP_DEBUG=true only', () => {
    expect(isDebugLogging({RUNNER_DEBUG: '1'})).toBe(true)
    expect(isDebugLogging({ACTIONS_STEP_DEBUG: 'true'})).toBe(true)
    expect(isDebugLogging({RUNNER_DEBUG: 'true', ACTIONS_STEP_DEBUG: '1'})).toBe(false)
    expect(isDebugLogging({})).toBe(false)
  })
})
