import {describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {describeUrl, osvEndpoint, urlCredentials} from '../src/sources/osv-endpoint'

describe('osvEndpoint', () => {
  it('moves credentials into an Authorization header and masks them in the shown form', () => {
    expect(osvEndpoint('https://ci:p%40ss@osv.example.com/api/')).toEqual({
      base: 'https://osv.example.com/api',
      shown: 'https://****@osv.example.com/api',
      authorization: `Basic ${Buffer.from('ci:p@ss').toString('base64')}`
    })
    expect(osvEndpoint('https://tok3n@osv.example.com').authorization).toBe(
      `Basic ${Buffer.from('tok3n:').toString('base64')}`
    )
  })

  it('leaves a URL without credentials as it is', () => {
    expect(osvEndpoint('https://api.osv.dev/')).toEqual({
      base: 'https://api.osv.dev',
      shown: 'https://api.osv.dev'
    })
  })

  it('refuses what is not an http(s) URL without echoing credentials', () => {
    expect(() => osvEndpoint('not a url')).toThrow(ConfigError)
    expect(() => osvEndpoint('ftp://u:secret@host/')).toThrow(
      'the OSV API URL ftp://****@host/ is not an http(s) URL'
    )
  })
})

describe('describeUrl and urlCredentials', () => {
  it('masks userinfo and nothing else', () => {
    expect(describeUrl('https://u:p@h/x?y=1')).toBe('https://****@h/x?y=1')
    expect(describeUrl('https://h/x@y')).toBe('https://h/x@y')
  })

  it('lists the secret parts for a log masker', () => {
    expect(urlCredentials('https://ci:p%40ss@h')).toEqual(['p%40ss', 'p@ss', 'ci:p%40ss'])
    expect(urlCredentials('https://ghp_token@h')).toEqual(['ghp_token'])
    expect(urlCredentials('https://h')).toEqual([])
    expect(urlCredentials('')).toEqual([])
  })
})
