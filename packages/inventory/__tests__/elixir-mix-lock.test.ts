import {describe, expect, it} from '@jest/globals'
import {elixirMixLock} from '../src/extractors/elixir-mix-lock'
import {parseElixirTerm} from '../src/extractors/elixir-term'
import {
  byName,
  extractError,
  extractFixture,
  fixture,
  linesMatching,
  withConflict
} from './ecosystem-fixtures'

describe('parseElixirTerm', () => {
  it('reads maps, tuples, keyword lists, atoms, strings and numbers', () => {
    expect(parseElixirTerm('%{"a": {:hex, :"b-c", "1.0", [x: 1, y: true], -2.5}}')).toEqual({
      kind: 'map',
      line: 1,
      entries: [
        {
          key: {kind: 'string', value: 'a', line: 1},
          value: {
            kind: 'tuple',
            line: 1,
            items: [
              {kind: 'atom', value: 'hex', line: 1},
              {kind: 'atom', value: 'b-c', line: 1},
              {kind: 'string', value: '1.0', line: 1},
              {
                kind: 'list',
                line: 1,
                items: [
                  {kind: 'pair', key: 'x', value: {kind: 'number', value: '1', line: 1}, line: 1},
                  {kind: 'pair', key: 'y', value: {kind: 'atom', value: 'true', line: 1}, line: 1}
                ]
              },
              {kind: 'number', value: '-2.5', line: 1}
            ]
          }
        }
      ]
    })
  })
})

describe('elixir/mix-lock', () => {
  const path = 'hex/phoenix-app/mix.lock'

  it('matches mix.lock only', () => {
    expect(elixirMixLock.matches('apps/web/mix.lock')).toBe(true)
    expect(elixirMixLock.matches('mix.exs')).toBe(false)
  })

  it('reads a Phoenix app lockfile with mix.exs', () => {
    const text = fixture(path)
    const {packages} = extractFixture(elixirMixLock, path)
    expect(packages).toHaveLength(linesMatching(text, /^ {2}"[a-z_]+": \{:hex,/).length)
    const phoenix = byName(packages, 'phoenix')
    expect(phoenix).toMatchObject({
      version: '1.7.10',
      purl: 'pkg:hex/phoenix@1.7.10',
      direct: true,
      scope: 'prod',
      location: {path, startLine: 14}
    })
    expect(phoenix.integrity).toBe(
      /"hexpm", "([0-9a-f]{64})"\},\n {2}"phoenix_ecto"/.exec(text)?.[1]
    )
    expect(phoenix.dependencies).toEqual([
      'pkg:hex/castore@1.0.5',
      'pkg:hex/jason@1.4.1',
      'pkg:hex/phoenix_pubsub@2.1.3',
      'pkg:hex/phoenix_template@1.0.4',
      'pkg:hex/plug@1.15.3',
      'pkg:hex/plug_cowboy@2.6.1',
      'pkg:hex/plug_crypto@2.0.0',
      'pkg:hex/telemetry@1.2.1',
      'pkg:hex/websock_adapter@0.5.5'
    ])
    expect(byName(packages, 'floki')).toMatchObject({
      direct: true,
      scope: 'dev',
      location: {startLine: 11}
    })
    expect(byName(packages, 'phoenix_live_reload')).toMatchObject({direct: true, scope: 'dev'})
    expect(byName(packages, 'file_system')).toMatchObject({direct: false, scope: 'dev'})
    expect(byName(packages, 'ranch')).toMatchObject({
      version: '1.8.0',
      direct: false,
      scope: 'prod',
      location: {startLine: 23}
    })
  })

  it('reads the old format, renamed packages, and skips git entries', () => {
    const {packages} = extractFixture(elixirMixLock, 'hex/edge/mix.lock')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.direct}:${p.scope}:${p.location.startLine}`)
    ).toEqual(['earmark@1.2.6:false:dev:1', 'ex_doc@0.19.1:true:dev:2', 'jason@1.1.2:true:prod:3'])
    expect(byName(packages, 'earmark').integrity).toBe(
      'b6da42b3831458d3ecc57314dff3051b080b9b2be88c2e5aa41cd642a5b044ed'
    )
    expect(byName(packages, 'ex_doc').dependencies).toEqual(['pkg:hex/earmark@1.2.6'])
    expect(byName(packages, 'jason').purl).toBe('pkg:hex/jason@1.1.2')
  })

  it('rejects truncated, mistyped and conflicted files with the line', () => {
    const text = fixture(path)
    expect(extractError(elixirMixLock, text.slice(0, text.indexOf('"decimal"')))).toMatchObject({
      message:
        'expected a value (map, tuple, list, string, atom or number), found the end of the file (truncated?)',
      line: 7
    })
    expect(extractError(elixirMixLock, '%{\n  "a": {:hex, "a", "1.0"}\n}')).toMatchObject({
      message: 'a: expected {:hex, :package, "version", ...}',
      line: 2
    })
    expect(extractError(elixirMixLock, '["a"]').message).toBe(
      'expected a map %{...} of locked dependencies, found a list'
    )
    expect(extractError(elixirMixLock, '%{"a": {:hex, :a, "1.0", "h"')).toMatchObject({
      message: "expected ',' or '}', found the end of the file (truncated?)",
      line: 1
    })
    expect(extractError(elixirMixLock, '%{"a": {:hex, :a, "1.0"}} junk').message).toMatch(
      /^expected the end of the file after the term/
    )
    expect(extractError(elixirMixLock, withConflict(text, 3)).line).toBe(4)
  })
})
