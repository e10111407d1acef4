import {describe, expect, it} from '@jest/globals'
import {dotnetPackagesLock} from '../src/extractors/dotnet-packages-lock'
import {byName, extractError, extractFixture, fixture, withConflict} from './ecosystem-fixtures'

describe('dotnet/packages-lock', () => {
  const path = 'nuget/bitwarden-server-api/packages.lock.json'

  it('matches packages.lock.json only', () => {
    expect(dotnetPackagesLock.matches('src/Api/packages.lock.json')).toBe(true)
    expect(dotnetPackagesLock.matches('package-lock.json')).toBe(false)
  })

  it('reads the real bitwarden Api packages.lock.json', () => {
    const text = fixture(path)
    const entries = Object.values(
      (JSON.parse(text) as {dependencies: Record<string, Record<string, {type: string}>>})
        .dependencies
    )[0] as Record<string, {type: string}>
    const {packages, warnings} = extractFixture(dotnetPackagesLock, path)
    expect(warnings).toEqual([])
    expect(packages).toHaveLength(Object.values(entries).filter(e => e.type !== 'Project').length)
    expect(
      packages
        .filter(p => p.direct)
        .map(p => p.name)
        .sort()
    ).toEqual(
      Object.entries(entries)
        .filter(([, e]) => e.type === 'Direct')
        .map(([name]) => name)
        .sort()
    )
    expect(packages.some(p => p.name === 'core')).toBe(false)
    const eventGrid = byName(packages, 'Azure.Messaging.EventGrid')
    expect(eventGrid).toMatchObject({
      version: '4.7.0',
      purl: 'pkg:nuget/Azure.Messaging.EventGrid@4.7.0',
      direct: true,
      scope: 'prod',
      integrity:
        'Wm5+RY6hNoIPVLPwmr3T1ijVm5GdLVZBij93c4Brwe9iB3X8nlUYNjlnQVVJqK4QLs85nGwqBGUpB4BfYdGXVQ==',
      location: {path, startLine: 5}
    })
    expect(eventGrid.dependencies).toEqual([
      `pkg:nuget/Azure.Core@${byName(packages, 'Azure.Core').version}`,
      `pkg:nuget/System.Memory.Data@${byName(packages, 'System.Memory.Data').version}`,
      `pkg:nuget/System.Text.Json@${byName(packages, 'System.Text.Json').version}`
    ])
    expect(byName(packages, 'AutoMapper')).toMatchObject({
      version: '10.0.0',
      direct: false,
      location: {startLine: 54}
    })
    expect(byName(packages, 'Newtonsoft.Json')).toMatchObject({
      version: '12.0.3',
      location: {startLine: 1419},
      dependencies: []
    })
  })

  it('merges frameworks, keeps per-framework versions, skips projects, resolves names case-insensitively', () => {
    const {packages} = extractFixture(dotnetPackagesLock, 'nuget/edge/packages.lock.json')
    expect(packages.map(p => `${p.name}@${p.version}:${p.direct}:${p.location.startLine}`)).toEqual(
      ['Serilog@3.1.1:true:5', 'System.Text.Json@8.0.4:false:14', 'System.Text.Json@6.0.0:false:37']
    )
    expect(byName(packages, 'Serilog').dependencies).toEqual([
      'pkg:nuget/System.Text.Json@8.0.4',
      'pkg:nuget/System.Text.Json@6.0.0'
    ])
  })

  it('rejects truncated, mistyped and conflicted files', () => {
    const text = fixture('nuget/edge/packages.lock.json')
    expect(extractError(dotnetPackagesLock, text.slice(0, 300)).message).toMatch(
      /^invalid JSON: unexpected end of file/
    )
    expect(
      extractError(
        dotnetPackagesLock,
        text.replace('"type": "CentralTransitive"', '"type": "Indirect"')
      )
    ).toMatchObject({
      message: expect.stringMatching(
        /^unexpected content at key 'dependencies.net8.0.System.Text.Json.type': /
      ),
      line: 14
    })
    expect(extractError(dotnetPackagesLock, '{"dependencies": {}}').message).toMatch(
      /key 'version'/
    )
    expect(extractError(dotnetPackagesLock, withConflict(text, 6)).line).toBe(7)
  })
})
