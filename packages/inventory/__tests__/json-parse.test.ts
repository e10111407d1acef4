import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {locateJsonError} from '../src/json-error-locator'
import {parseJson, parseJsonWithCommas} from '../src/json-parse'
import {findConflictMarker} from '../src/conflict-markers'

function thrown(fn: () => unknown): ExtractError {
  try {
    fn()
  } catch (error) {
    return error as ExtractError
  }
  throw new Error('expected an error')
}

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, "x,]"]}')).toEqual({a: [1, 'x,]']})
  })

  it('locates errors by line with what was expected', () => {
    expect(thrown(() => parseJson('{\n  "a": 1\n  "b": 2\n}'))).toMatchObject({
      line: 3,
      message: `invalid JSON: expected ',' or '}', found "\\""`
    })
    expect(thrown(() => parseJson('{\n  "a": tru\n}'))).toMatchObject({
      line: 2,
      message: 'invalid JSON: expected a value, found "t"'
    })
    expect(thrown(() => parseJson('{"a": 1,}'))).toMatchObject({
      line: 1,
      message: 'invalid JSON: expected a key after the comma (trailing comma), found "}"'
    })
    expect(thrown(() => parseJson('{"a": "x\ny"}'))).toMatchObject({
      line: 1,
      message: expect.stringMatching(/line break inside it/)
    })
    expect(thrown(() => parseJson('{}\n{}'))).toMatchObject({
      line: 2,
      message: 'invalid JSON: expected the end of the file, found "{"'
    })
    expect(thrown(() => parseJson('[1,\n2,\n'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/unexpected end of file/)
    })
  })

  it('the locator agrees that valid JSON has no error', () => {
    expect(locateJsonError('{"a": [1, -2.5e3, true, null, {"b": "c\\"d"}]}')).toBeUndefined()
  })
})

describe('parseJsonWithCommas', () => {
  it('accepts trailing commas and comments, not touching strings', () => {
    expect(
      parseJsonWithCommas('{\n  // note\n  "a": ["x,]", "y//z",],\n  /* b */ "b": {"c": 1,},\n}')
    ).toEqual({a: ['x,]', 'y//z'], b: {c: 1}})
  })

  it('keeps line numbers of the original text in errors', () => {
    expect(
      thrown(() => parseJsonWithCommas('{\n  /* a\n  comment */\n  "a": , "b": 1\n}'))
    ).toMatchObject({line: 4, message: 'invalid JSON: expected a value, found ","'})
  })
})

describe('findConflictMarker', () => {
  it('finds the first marker line, ignoring look-alikes inside lines', () => {
    expect(findConflictMarker('a\nb\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> main\n')).toBe(3)
    expect(findConflictMarker('a\n>>>>>>> main\n')).toBe(2)
    expect(findConflictMarker('"x": "<<<<<<< not a marker"\n')).toBeUndefined()
    expect(findConflictMarker('<<<<<<<<< nine\n')).toBeUndefined()
  })
})
