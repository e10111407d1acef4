import {describe, expect, it} from '@jest/globals'
import {distinctErrors} from '../src/errors'

describe('distinctErrors', () => {
  it('keeps the first of identical errors and every error that differs in path or message', () => {
    const a = {path: 'main.tf', message: 'main.tf:3: syntax error'}
    const b = {path: 'main.tf', message: 'main.tf:9: syntax error'}
    const c = {path: 'mod/main.tf', message: 'main.tf:3: syntax error'}
    expect(distinctErrors([a, {...a}, b, c, {...b}])).toEqual([a, b, c])
    expect(distinctErrors([])).toEqual([])
  })
})
