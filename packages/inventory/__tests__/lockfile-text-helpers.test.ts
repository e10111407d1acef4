import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {parseJsonWithLines} from '../src/extractors/json-lines'
import {arrayTableLines} from '../src/extractors/toml-lines'
import {scopeByReachability} from '../src/extractors/scope-by-reachability'

describe('parseJsonWithLines', () => {
  it('records where keys and array elements start, ignoring brackets inside strings', () => {
    const text = [
      '{',
      '  "a": {',
      '    "x\\"{[": "}]\\\\",',
      '    "y": [1,',
      '      {"z": true}]',
      '  },',
      '  "b": null',
      '}'
    ].join('\n')
    const json = parseJsonWithLines(text, 3)
    expect(json.value).toEqual({a: {'x"{[': '}]\\', y: [1, {z: true}]}, b: null})
    expect(json.lineOf(['a'])).toBe(2)
    expect(json.lineOf(['a', 'x"{['])).toBe(3)
    expect(json.lineOf(['a', 'y'])).toBe(4)
    expect(json.lineOf(['a', 'y', 0])).toBe(4)
    expect(json.lineOf(['a', 'y', 1])).toBe(5)
    expect(json.lineOf(['a', 'y', 1, 'z'])).toBeUndefined()
    expect(json.lineOf(['b'])).toBe(7)
  })

  it('throws an ExtractError with the line for bad JSON', () => {
    expect(() => parseJsonWithLines('{\n  "a": 1\n  "b": 2\n}', 2)).toThrow(ExtractError)
    try {
      parseJsonWithLines('{\n  "a": 1\n  "b": 2\n}', 2)
    } catch (error) {
      expect((error as ExtractError).line).toBe(3)
    }
  })
})

describe('arrayTableLines', () => {
  it('finds [[header]] lines, with trailing comments, not other tables', () => {
    const text =
      '[[package]]\nname = "a"\n\n[[package]]  # second\n[package.dependencies]\n[[package.source]]\n[[packages]]\n'
    expect(arrayTableLines(text, 'package')).toEqual([1, 4])
  })
})

describe('scopeByReachability', () => {
  it('prefers prod over optional over dev and leaves unreachable keys out', () => {
    const graph = new Map([
      ['app', ['shared']],
      ['tool', ['shared', 'devonly']],
      ['extra', ['extradep']],
      ['shared', []],
      ['devonly', []],
      ['extradep', []],
      ['orphan', []]
    ])
    const scopes = scopeByReachability(graph, {prod: ['app'], optional: ['extra'], dev: ['tool']})
    expect(Object.fromEntries(scopes)).toEqual({
      app: 'prod',
      shared: 'prod',
      extra: 'optional',
      extradep: 'optional',
      tool: 'dev',
      devonly: 'dev'
    })
  })
})
