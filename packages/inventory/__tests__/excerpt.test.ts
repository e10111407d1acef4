import {describe, expect, it} from '@jest/globals'
import {randomToken} from '../../../test/helpers/workspace'
import {excerpt} from '../src/excerpt'

describe('excerpt', () => {
  const token = randomToken('', 36)

  it.each([
    `-ihttps://ci:${token}@pypi.example.com/simple`,
    `//registry.example.com/:_authToken=${token}`,
    `resolved "https://files.example.com/a.tgz?token=${token}"`,
    `password: "${token}"`
  ])('masks the credential (form %#) before it shortens the line', line => {
    expect(excerpt(line)).not.toContain(token)
    expect(excerpt(line, 12)).not.toContain(token.slice(0, 8))
    expect(excerpt(line).length).toBeLessThanOrEqual(40)
  })

  it('keeps a short line without credentials as it is, and cuts a long one with an ellipsis', () => {
    expect(excerpt('requests>=2.0 ; python_version >= "3.8"')).toBe(
      'requests>=2.0 ; python_version >= "3.8"'
    )
    expect(excerpt('github.com/spf13/cobra v1.8.0 // indirect and more words')).toBe(
      'github.com/spf13/cobra v1.8.0 // indire…'
    )
  })
})
