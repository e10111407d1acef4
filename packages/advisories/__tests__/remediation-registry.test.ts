import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {
  DEFAULT_NPM_REGISTRY,
  npmRegistryConfig,
  parseNpmrc,
  registryFor,
  tokenFor
} from '../src/remediation/npm-registry-config'
import {createRegistryClient} from '../src/remediation/registry-client'
import {PackumentSchema, integrityOf} from '../src/remediation/packument'
import {fixturePackuments, startFakeNpmRegistry, type FakeNpmRegistry} from './fake-npm-registry'

const dirs: string[] = []
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-npmrc-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}
afterAll(() => dirs.forEach(dir => rmSync(dir, {recursive: true, force: true})))

// Generated for the tests; not a real credential.
const TOKEN = 'npm_' + 'Q7f3kZpL9xWb2cVt8RmN4yHs6JdE1gAu0oKi'

describe('npm registry settings', () => {
  it('parses .npmrc lines, comments, quotes and ${ENV} references', () => {
    expect(
      parseNpmrc(
        '; comment\n# other\nregistry = "https://r.example/"\n//r.example/:_authToken=${TOKEN}\nbroken\n',
        {TOKEN}
      )
    ).toEqual({registry: 'https://r.example/', '//r.example/:_authToken': TOKEN})
  })

  it('takes --registry over npm_config_registry over the project .npmrc over the user .npmrc', () => {
    const home = folder({'.npmrc': 'registry=https://user.example/\n'})
    const project = folder({'.npmrc': 'registry=https://project.example/npm\n'})
    expect(npmRegistryConfig(project, {HOME: home}).registry).toBe('https://project.example/npm/')
    expect(npmRegistryConfig(folder({}), {HOME: home}).registry).toBe('https://user.example/')
    expect(
      npmRegistryConfig(project, {HOME: home, npm_config_registry: 'https://env.example'}).registry
    ).toBe('https://env.example/')
    expect(
      npmRegistryConfig(
        project,
        {HOME: home, npm_config_registry: 'https://env.example'},
        'http://127.0.0.1:9/'
      ).registry
    ).toBe('http://127.0.0.1:9/')
    expect(npmRegistryConfig(project, {HOME: home, npm_config_registry: ''}).registry).toBe(
      'https://project.example/npm/'
    )
    expect(npmRegistryConfig(folder({}), {}).registry).toBe(DEFAULT_NPM_REGISTRY)
  })

  it('rejects a registry that is not an http(s) URL', () => {
    expect(() => npmRegistryConfig(folder({}), {}, 'file:///etc')).toThrow(ConfigError)
    expect(() => npmRegistryConfig(folder({}), {}, 'not a url')).toThrow(/--registry/)
  })

  it('sends a token only to URLs under its own //host/path/ key', () => {
    const project = folder({
      '.npmrc': [
        'registry=https://npm.corp.example/',
        '@corp:registry=https://npm.corp.example/corp/',
        `//npm.corp.example/corp/:_authToken=${TOKEN}`
      ].join('\n')
    })
    const config = npmRegistryConfig(project, {})
    expect(registryFor(config, '@corp/lib')).toBe('https://npm.corp.example/corp/')
    expect(registryFor(config, '@other/lib')).toBe('https://npm.corp.example/')
    expect(tokenFor(config, 'https://npm.corp.example/corp/@corp%2flib')).toBe(TOKEN)
    expect(tokenFor(config, 'https://npm.corp.example/lodash')).toBeUndefined()
    expect(tokenFor(config, 'https://npm.corp.example.evil.test/corp/x')).toBeUndefined()
    expect(tokenFor(config, 'https://registry.npmjs.org/corp/x')).toBeUndefined()
  })
})

describe('registry client', () => {
  let registry: FakeNpmRegistry
  let other: FakeNpmRegistry
  beforeAll(async () => {
    registry = await startFakeNpmRegistry()
    other = await startFakeNpmRegistry()
  })
  afterAll(async () => {
    await registry.close()
    await other.close()
  })
  afterEach(() => {
    registry.requests.length = 0
    other.requests.length = 0
    registry.override.clear()
  })

  const config = (tokens: Record<string, string> = {}, scopes: Record<string, string> = {}) => ({
    registry: registry.url,
    scopes,
    tokens
  })

  it('asks for the abbreviated packument once per name and parses it', async () => {
    const client = createRegistryClient(config())
    const first = await client.packument('@babel/traverse')
    await client.packument('@babel/traverse')
    expect(first.ok && first.packument.versions['7.23.2']?.dist.tarball).toBe(
      'https://registry.npmjs.org/@babel/traverse/-/traverse-7.23.2.tgz'
    )
    expect(registry.requests).toEqual([
      expect.objectContaining({
        name: '@babel/traverse',
        accept: expect.stringContaining('application/vnd.npm.install-v1+json')
      })
    ])
    expect(client.requests).toBe(1)
  })

  it("sends the .npmrc token to its registry and never to a scope's other registry", async () => {
    const host = new URL(registry.url).host
    const client = createRegistryClient(config({[`//${host}/`]: TOKEN}, {'@babel': other.url}))
    await client.packument('braces')
    await client.packument('@babel/traverse')
    expect(registry.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`)
    expect(other.requests).toHaveLength(1)
    expect(other.requests[0]!.authorization).toBeUndefined()
  })

  it.each([
    [{status: 404}, /not in the registry \(HTTP 404\)/],
    [{status: 500}, /answered HTTP 500/],
    [{status: 200, body: '<html>'}, /did not answer JSON/],
    [
      {status: 200, body: '{"name":"braces","versions":{"1.0.0":{"version":"1.0.0"}}}'},
      /not a packument: versions\.1\.0\.0\.dist/
    ],
    [{status: 200, body: JSON.stringify({name: 'lodash', versions: {}})}, /packument of "lodash"/]
  ])('turns a bad answer (%j) into an error value naming the URL', async (answer, message) => {
    registry.override.set('braces', answer)
    const result = await createRegistryClient(config()).packument('braces')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(message)
    expect(!result.ok && result.message).toContain(`${registry.url}braces`)
  })

  it('refuses an answer over the byte limit and requests over the fetch limit', async () => {
    const small = createRegistryClient(config(), {maxBytes: 100})
    const big = await small.packument('braces')
    expect(!big.ok && big.message).toMatch(/answered more than 100 B; refused/)
    const limited = createRegistryClient(config(), {maxFetches: 1})
    expect((await limited.packument('braces')).ok).toBe(true)
    const over = await limited.packument('micromatch')
    expect(!over.ok && over.message).toMatch(/over the limit of 1 packuments/)
    expect(registry.requests.map(r => r.name)).toEqual(['braces', 'braces'])
  })

  it('reports a registry that does not answer as an error value', async () => {
    const client = createRegistryClient({registry: 'http://127.0.0.1:9/', scopes: {}, tokens: {}})
    const result = await client.packument('braces')
    expect(result.ok).toBe(false)
  })
})

describe('packument integrity', () => {
  it('uses dist.integrity, else turns the sha1 shasum into SRI', () => {
    const tarball = 'https://registry.npmjs.org/x/-/x-1.0.0.tgz'
    expect(integrityOf({version: '1.0.0', dist: {tarball, integrity: 'sha512-abc'}})).toBe(
      'sha512-abc'
    )
    expect(
      integrityOf({
        version: '1.0.0',
        dist: {tarball, shasum: 'da39a3ee5e6b4b0d3255bfef95601890afd80709'}
      })
    ).toBe('sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=')
    expect(integrityOf({version: '1.0.0', dist: {tarball, shasum: 'zz'}})).toBeUndefined()
  })

  it('reads every fixture packument with the schema', () => {
    const texts = [...fixturePackuments().values()]
    expect(texts).toHaveLength(42)
    for (const text of texts) expect(PackumentSchema.safeParse(JSON.parse(text)).success).toBe(true)
  })
})
