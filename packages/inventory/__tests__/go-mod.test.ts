import {describe, expect, it} from '@jest/globals'
import {goMod} from '../src/extractors/go-mod'
import {
  byName,
  extractError,
  extractFixture,
  fixture,
  linesMatching,
  withConflict
} from './ecosystem-fixtures'

describe('go/go-mod', () => {
  it('matches go.mod only', () => {
    expect(goMod.matches('go.mod')).toBe(true)
    expect(goMod.matches('tools/go.mod')).toBe(true)
    expect(goMod.matches('go.sum')).toBe(false)
    expect(goMod.matches('go.mod.bak')).toBe(false)
  })

  it('reads the real gitleaks go.mod with go.sum hashes', () => {
    const path = 'go/gitleaks/go.mod'
    const text = fixture(path)
    const {packages, warnings} = extractFixture(goMod, path)
    // every line inside a require block is one module
    const requireLines = linesMatching(text, /^\t\S+ v\S+/)
    expect(packages.map(p => p.location.startLine)).toEqual(requireLines)
    expect(packages.filter(p => p.direct)).toHaveLength(
      requireLines.length - linesMatching(text, /\/\/ indirect$/).length
    )
    expect(warnings).toEqual([])
    expect(byName(packages, 'github.com/spf13/cobra')).toMatchObject({
      version: 'v1.2.1',
      purl: 'pkg:golang/github.com/spf13/cobra@v1.2.1',
      direct: true,
      scope: 'prod',
      integrity: 'h1:+KmjbUw1hriSNMF55oPrkZcb27aECyrj8V2ytv7kWDw=',
      location: {path, startLine: 11},
      dependencies: []
    })
    expect(byName(packages, 'github.com/muesli/reflow')).toMatchObject({
      version: 'v0.2.1-0.20210115123740-9e1d0d53df68',
      direct: false,
      location: {startLine: 22}
    })
    // a require without `// indirect` in the third block is direct
    expect(byName(packages, 'github.com/lucasjones/reggen')).toMatchObject({
      direct: true,
      integrity: 'h1:w1g9wNDIE/pHSTmAaUhv4TZQuPBS6GV3mMz5hkgziIU=',
      location: {startLine: 32}
    })
    expect(byName(packages, 'gopkg.in/yaml.v3').purl).toBe(
      'pkg:golang/gopkg.in/yaml.v3@v3.0.0-20210107192922-496545a6307b'
    )
    expect(
      packages.some(p => p.name === 'stdlib' || p.name === 'github.com/zricethezav/gitleaks/v8')
    ).toBe(false)
  })

  it('applies replace and exclude, keeps pseudo-versions exact', () => {
    const path = 'go/edge/go.mod'
    const {packages, warnings} = extractFixture(goMod, path)
    expect(packages.map(p => `${p.name}@${p.version}:${p.direct}:${p.location.startLine}`)).toEqual(
      [
        'github.com/single/line@v1.0.0:true:8',
        'github.com/pseudo/version@v0.0.0-20230101120000-abcdef123456:false:11',
        'github.com/pre/release@v2.0.0-rc.1+incompatible:true:12',
        'github.com/quoted/path@v1.2.3:true:13',
        'github.com/new/module@v1.3.0:true:14',
        'github.com/pinned/only@v1.0.1:true:15'
      ]
    )
    expect(warnings).toEqual([
      'go/edge/go.mod:17: github.com/excluded/one v1.0.0 is required but excluded'
    ])
    expect(byName(packages, 'github.com/single/line').integrity).toBe(
      'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
    )
    // the replacement's hash, not the replaced module's
    expect(byName(packages, 'github.com/new/module').integrity).toBe(
      'h1:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC='
    )
    // only a /go.mod hash: no integrity for the module itself
    expect(byName(packages, 'github.com/pseudo/version').integrity).toBeUndefined()
    expect(byName(packages, 'github.com/pre/release').purl).toBe(
      'pkg:golang/github.com/pre/release@v2.0.0-rc.1+incompatible'
    )
  })

  it('works without go.sum', () => {
    const {packages} = goMod.extract({
      path: 'go.mod',
      text: fixture('go/edge/go.mod'),
      siblings: {}
    })
    expect(packages.every(p => p.integrity === undefined)).toBe(true)
  })

  it('rejects unknown directives, bad versions, unclosed blocks and conflicts with the line', () => {
    expect(extractError(goMod, 'module x\nrequre a v1.0.0\n')).toMatchObject({
      message: "unknown directive 'requre'",
      line: 2
    })
    expect(extractError(goMod, 'module x\nrequire (\n\ta 1.0.0\n)\n')).toMatchObject({
      message: "expected 'require MODULE vVERSION', got 'a 1.0.0'",
      line: 3
    })
    const text = fixture('go/gitleaks/go.mod')
    const truncated = text.slice(0, text.indexOf('github.com/rivo/uniseg'))
    const error = extractError(goMod, truncated)
    expect(error).toMatchObject({
      message: "require block is not closed: the file ends before its ')'",
      line: 16
    })
    expect(extractError(goMod, 'replace a => \n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/^expected 'replace MODULE/)
    })
    expect(extractError(goMod, withConflict(text, 7)).line).toBe(8)
  })

  it('rejects a broken quoted path and a version no purl can hold, with the line', () => {
    expect(extractError(goMod, 'module x\nrequire "a\tb" v1.0.0\n')).toMatchObject({
      message: 'expected a quoted string, got "a\tb"',
      line: 2
    })
    expect(extractError(goMod, 'module x\n\nrequire example.com/a v0.02301\n')).toMatchObject({
      message: 'example.com/a@v0.02301 is not a valid golang package name and version',
      line: 3
    })
    expect(
      goMod.extract({path: 'go.mod', text: 'require "a/b" v1.0.0\n', siblings: {}}).packages
    ).toHaveLength(1)
  })
})
