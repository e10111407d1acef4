import {describe, expect, it} from '@jest/globals'
import {phpComposerLock} from '../src/extractors/php-composer-lock'
import {byName, extractError, extractFixture, fixture, withConflict} from './ecosystem-fixtures'

describe('php/composer-lock', () => {
  const path = 'packagist/bookstack/composer.lock'

  it('matches composer.lock only', () => {
    expect(phpComposerLock.matches('composer.lock')).toBe(true)
    expect(phpComposerLock.matches('app/composer.lock')).toBe(true)
    expect(phpComposerLock.matches('composer.json')).toBe(false)
  })

  it('reads the real BookStack composer.lock', () => {
    const text = fixture(path)
    const lock = JSON.parse(text) as {packages: unknown[]; 'packages-dev': unknown[]}
    const {packages} = extractFixture(phpComposerLock, path)
    expect(packages.filter(p => p.scope === 'prod')).toHaveLength(lock.packages.length)
    expect(packages.filter(p => p.scope === 'dev')).toHaveLength(lock['packages-dev'].length)
    const manifest = JSON.parse(fixture('packagist/bookstack/composer.json')) as Record<
      string,
      Record<string, string>
    >
    const declared = [
      ...Object.keys(manifest.require ?? {}),
      ...Object.keys(manifest['require-dev'] ?? {})
    ]
    expect(
      packages
        .filter(p => p.direct)
        .map(p => p.name)
        .sort()
    ).toEqual(declared.filter(name => name.includes('/')).sort())
    const framework = byName(packages, 'laravel/framework')
    expect(framework).toMatchObject({
      version: '6.20.17',
      purl: 'pkg:composer/laravel/framework@6.20.17',
      direct: true,
      scope: 'prod',
      location: {path, startLine: 1616}
    })
    expect(framework.dependencies).toContain(
      `pkg:composer/league/commonmark@${byName(packages, 'league/commonmark').version}`
    )
    // illuminate/support is replaced by laravel/framework
    expect(byName(packages, 'barryvdh/laravel-dompdf')).toMatchObject({
      version: '0.8.7',
      location: {startLine: 100},
      dependencies: [
        `pkg:composer/dompdf/dompdf@${byName(packages, 'dompdf/dompdf').version}`,
        'pkg:composer/laravel/framework@6.20.17'
      ]
    })
    expect(byName(packages, 'phpunit/phpunit')).toMatchObject({
      version: '8.5.14',
      scope: 'dev',
      direct: true,
      location: {startLine: 7979}
    })
    expect(byName(packages, 'doctrine/cache')).toMatchObject({
      direct: false,
      dependencies: [],
      location: {startLine: 231}
    })
  })

  it('handles v-prefixed, branch versions, shasums, replace and platform requirements', () => {
    const {packages} = extractFixture(phpComposerLock, 'packagist/edge/composer.lock')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}:${p.location.startLine}`)
    ).toEqual([
      'example/forked@dev-main:prod:true:6',
      'monolog/monolog@3.5.0:prod:true:13',
      'psr/log@3.0.0:prod:false:25',
      'phpunit/phpunit@10.5.10:dev:true:32'
    ])
    expect(byName(packages, 'monolog/monolog')).toMatchObject({
      integrity: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      dependencies: ['pkg:composer/psr/log@3.0.0']
    })
    expect(byName(packages, 'example/forked').dependencies).toEqual(['pkg:composer/psr/log@3.0.0'])
    expect(byName(packages, 'phpunit/phpunit').integrity).toBeUndefined()
  })

  it('rejects truncated, mistyped and conflicted files with the line', () => {
    const text = fixture('packagist/edge/composer.lock')
    expect(extractError(phpComposerLock, text.slice(0, 600)).message).toBe(
      'invalid JSON: unexpected end of file (truncated?); expected a string'
    )
    expect(
      extractError(phpComposerLock, text.replace('"version": "3.5.0"', '"version": 3.5'))
    ).toMatchObject({
      message:
        "unexpected content at key 'packages.1.version': Invalid input: expected string, received number",
      line: 14
    })
    expect(extractError(phpComposerLock, '{"packages": {}}')).toMatchObject({
      message:
        "unexpected content at key 'packages': Invalid input: expected array, received object",
      line: 1
    })
    expect(extractError(phpComposerLock, withConflict(text, 5)).line).toBe(6)
  })
})
