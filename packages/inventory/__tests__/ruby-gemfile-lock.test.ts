import {describe, expect, it} from '@jest/globals'
import {rubyGemfileLock} from '../src/extractors/ruby-gemfile-lock'
import {byName, extractError, extractFixture, fixture, withConflict} from './ecosystem-fixtures'

describe('ruby/gemfile-lock', () => {
  const path = 'rubygems/devise/Gemfile.lock'

  it('matches Gemfile.lock and gems.locked', () => {
    expect(rubyGemfileLock.matches('Gemfile.lock')).toBe(true)
    expect(rubyGemfileLock.matches('app/gems.locked')).toBe(true)
    expect(rubyGemfileLock.matches('Gemfile')).toBe(false)
  })

  it('reads the real devise Gemfile.lock: GIT and GEM specs, PATH gem skipped', () => {
    const text = fixture(path)
    const {packages} = extractFixture(rubyGemfileLock, path)
    const pathSpecs =
      text.slice(text.indexOf('PATH\n'), text.indexOf('GEM\n')).match(/^ {4}\S/gm)?.length ?? 0
    expect(packages).toHaveLength((text.match(/^ {4}\S/gm)?.length ?? 0) - pathSpecs)
    expect(pathSpecs).toBe(1)
    expect(packages.some(p => p.name === 'devise')).toBe(false)
    expect(byName(packages, 'rails')).toMatchObject({
      version: '6.1.1',
      purl: 'pkg:gem/rails@6.1.1',
      direct: true,
      location: {path, startLine: 152}
    })
    expect(byName(packages, 'rails').dependencies).toContain('pkg:gem/railties@6.1.1')
    expect(byName(packages, 'rails').dependencies).toContain('pkg:gem/sprockets-rails@3.2.2')
    expect(byName(packages, 'activemodel-serializers-xml')).toMatchObject({
      version: '1.0.2',
      direct: true,
      location: {startLine: 5}
    })
    // devise's gemspec dependencies (PATH section) are direct
    expect(byName(packages, 'warden')).toMatchObject({
      version: '1.2.9',
      direct: true,
      scope: 'prod'
    })
    expect(byName(packages, 'nokogiri')).toMatchObject({
      version: '1.11.1',
      direct: false,
      scope: 'prod',
      location: {startLine: 124}
    })
    // timecop is declared in `group :test do`
    expect(byName(packages, 'timecop')).toMatchObject({
      direct: true,
      scope: 'dev',
      location: {startLine: 194}
    })
    // rack is needed by rails too: prod
    expect(byName(packages, 'rack')).toMatchObject({
      direct: false,
      scope: 'prod',
      location: {startLine: 146}
    })
  })

  it('strips platforms, merges platform variants, reads CHECKSUMS and groups', () => {
    const {packages} = extractFixture(rubyGemfileLock, 'rubygems/edge/Gemfile.lock')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.direct}:${p.scope}:${p.location.startLine}`)
    ).toEqual([
      'rack@3.1.0:true:prod:5',
      'debug@1.9.2:true:dev:16',
      'diff-lcs@1.5.1:false:prod:17',
      'nokogiri@1.16.7:true:prod:18',
      'racc@1.8.1:false:prod:22',
      'rspec@3.13.0:true:dev:23',
      'rspec-core@3.13.2:false:dev:25',
      'rspec-support@3.13.1:false:dev:27'
    ])
    expect(byName(packages, 'nokogiri')).toMatchObject({
      purl: 'pkg:gem/nokogiri@1.16.7',
      integrity: 'sha256=9cc0b2e2b4fd16ee0c9bb4d31a0a21d35ffa29f2ab0cba2bc45ea9e5d2b5e3f4',
      dependencies: ['pkg:gem/racc@1.8.1']
    })
  })

  it('rejects malformed specs, non-lockfiles and conflicts with the line', () => {
    const text = fixture(path)
    expect(
      extractError(rubyGemfileLock, text.replace('    rails (6.1.1)', '    rails 6.1.1'))
    ).toMatchObject({
      message: "expected a spec '    NAME (VERSION)' or its dependency, got 'rails 6.1.1'",
      line: 152
    })
    expect(extractError(rubyGemfileLock, '{"not": "a lockfile"}').message).toBe(
      'not a Gemfile.lock: no GEM, GIT or PATH section'
    )
    expect(extractError(rubyGemfileLock, withConflict(text, 40)).line).toBe(41)
  })
})
