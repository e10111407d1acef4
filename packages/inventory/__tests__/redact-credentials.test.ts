import {describe, expect, it} from '@jest/globals'
import {randomToken} from '../../../test/helpers/workspace'
import {excerpt, redactCredentials} from '../src/redact-credentials'

describe('redactCredentials', () => {
  const token = randomToken('', 36)

  it.each([
    [`-ihttps://user:${token}@pypi.example.com/simple`, '-ihttps://****@pypi.example.com/simple'],
    [
      `resolved "git+https://${token}@github.com/a/b.git"`,
      'resolved "git+https://****@github.com/a/b.git"'
    ],
    [`//registry.example.com/:_authToken=${token}`, '//registry.example.com/:_authToken=****'],
    [`password: "${token}"`, 'password: "****"'],
    [
      `https://files.example.com/a.tgz?token=${token}&x=1`,
      'https://files.example.com/a.tgz?token=****&x=1'
    ],
    [`ghp_${token}`, 'ghp_****'],
    [`npm_${token}`, 'npm_****']
  ])('masks %s', (line, masked) => {
    expect(redactCredentials(line)).toBe(masked)
    expect(redactCredentials(line)).not.toContain(token)
  })

  it.each([
    'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz',
    'sha512-WjKPNJF79dtJAVniUlGGWHYGz2jWxT6VhN/4m1NdkbZ2nOsEF4cI1Edgql5zCRhs/VArYKsA==',
    'requests>=2.0 ; python_version >= "3.8"',
    'authors = ["Jane <jane@example.com>"]',
    'github.com/spf13/cobra v1.8.0'
  ])('leaves %s as it is', line => {
    expect(redactCredentials(line)).toBe(line)
  })
})

describe('excerpt', () => {
  it('masks before it shortens, so a cut never uncovers part of a secret', () => {
    const token = randomToken('', 40)
    const text = `https://ci:${token}@pypi.example.com/simple/some-package-name/`
    expect(excerpt(text)).toBe('https://****@pypi.example.com/simple/so…')
    expect(excerpt(`ghp_${token}`, 12)).toBe('ghp_****')
    expect(excerpt('short')).toBe('short')
  })
})
