import {describe, expect, it} from '@jest/globals'
import {historyRangeForEvent} from '@pipeguard/secrets'

const base = '1'.repeat(40)
const head = '2'.repeat(40)

describe('historyRangeForEvent', () => {
  it('scans a pull request’s own commits, base..head (not the merge commit)', () => {
    const payload = {pull_request: {base: {sha: base}, head: {sha: head}}}
    expect(historyRangeForEvent('pull_request', payload)).toBe(`${base}..${head}`)
    expect(historyRangeForEvent('pull_request_target', payload)).toBe(`${base}..${head}`)
  })

  it('scans the pushed commits on push, but not a new branch or a deletion', () => {
    expect(historyRangeForEvent('push', {before: base, after: head})).toBe(`${base}..${head}`)
    expect(historyRangeForEvent('push', {before: '0'.repeat(40), after: head})).toBeUndefined()
    expect(historyRangeForEvent('push', {before: base, after: '0'.repeat(40)})).toBeUndefined()
  })

  it('scans the tree for other events or incomplete payloads', () => {
    expect(historyRangeForEvent('schedule', {})).toBeUndefined()
    expect(historyRangeForEvent('workflow_dispatch', {})).toBeUndefined()
    expect(
      historyRangeForEvent('pull_request', {pull_request: {base: {sha: base}}})
    ).toBeUndefined()
    expect(historyRangeForEvent(undefined, {})).toBeUndefined()
  })
})
