import {describe, expect, it} from '@jest/globals'
import {dartPubspecLock} from '../src/extractors/dart-pubspec-lock'
import {
  byName,
  extractError,
  extractFixture,
  fixture,
  linesMatching,
  withConflict
} from './ecosystem-fixtures'

describe('dart/pubspec-lock', () => {
  const path = 'pub/flutter-app/pubspec.lock'

  it('matches pubspec.lock only', () => {
    expect(dartPubspecLock.matches('app/pubspec.lock')).toBe(true)
    expect(dartPubspecLock.matches('pubspec.yaml')).toBe(false)
  })

  it('reads a Flutter app lockfile: hosted packages, SDK packages skipped', () => {
    const text = fixture(path)
    const {packages, warnings} = extractFixture(dartPubspecLock, path)
    expect(warnings).toEqual([])
    expect(packages).toHaveLength(linesMatching(text, /^ {4}source: hosted$/).length)
    expect(packages.some(p => p.name === 'flutter' || p.name === 'flutter_test')).toBe(false)
    expect(byName(packages, 'http')).toMatchObject({
      version: '1.2.0',
      purl: 'pkg:pub/http@1.2.0',
      direct: true,
      scope: 'prod',
      location: {path, startLine: 62},
      dependencies: []
    })
    expect(byName(packages, 'http').integrity).toMatch(/^[0-9a-f]{64}$/)
    expect(byName(packages, 'flutter_lints')).toMatchObject({
      direct: true,
      scope: 'dev',
      location: {startLine: 49}
    })
    expect(byName(packages, 'web')).toMatchObject({
      version: '0.5.1',
      direct: false,
      scope: 'prod',
      location: {startLine: 142}
    })
  })

  it('handles old lockfiles, git, path and overridden dependencies', () => {
    const {packages} = extractFixture(dartPubspecLock, 'pub/edge/pubspec.lock')
    expect(
      packages.map(
        p => `${p.name}@${p.version}:${p.direct}:${p.integrity ?? '-'}:${p.location.startLine}`
      )
    ).toEqual([
      'intl@0.17.0:true:-:4',
      'markdown_widget@2.1.0:true:-:18',
      'test_api@0.4.16:false:-:27'
    ])
  })

  it('rejects truncated, mistyped and conflicted files', () => {
    const text = fixture(path)
    expect(
      extractError(dartPubspecLock, text.replace('    version: "1.2.0"', '    version: [1, 2]'))
    ).toMatchObject({
      message:
        "unexpected content at key 'packages.http.version': Invalid input: expected string, received array",
      line: 62
    })
    expect(
      extractError(dartPubspecLock, 'packages:\n  a:\n    dependency: "direct main\n').message
    ).toMatch(/^invalid YAML: /)
    expect(
      extractError(dartPubspecLock, text.slice(0, text.indexOf('    version: "1.3.0"')))
    ).toMatchObject({
      message: expect.stringMatching(/^unexpected content at key 'packages.characters.version'/),
      line: 20
    })
    expect(extractError(dartPubspecLock, withConflict(text, 30)).line).toBe(31)
  })
})
