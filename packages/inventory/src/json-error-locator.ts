/**
 * Where a JSON text first goes wrong and what was expected there. Only run after JSON.parse has
 * failed, to turn "Unexpected token" into "line 12: expected ',' or '}'". Hand-written because the
 * one maintained library for this (jsonc-parser) ships a UMD entry that esbuild cannot bundle.
 */
export function locateJsonError(text: string): {offset: number; message: string} | undefined {
  let i = 0
  const fail = (message: string): never => {
    throw new Located(
      i,
      i >= text.length
        ? `unexpected end of file (truncated?); ${message}`
        : `${message}, found ${show(text[i]!)}`
    )
  }
  const space = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++
  }
  const string = (): void => {
    if (text[i] !== '"') fail('expected a string')
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return
      }
      if (c < 32) fail('expected the end of the string (control character or line break inside it)')
      if (c === 92) i++
    }
    fail('expected the end of the string')
  }
  const value = (depth: number): void => {
    if (depth > 10000) fail('nesting too deep')
    space()
    const c = text[i]
    if (c === '{') {
      i++
      space()
      if (text[i] === '}') return void i++
      for (;;) {
        space()
        string()
        space()
        if (text[i] !== ':') fail("expected ':' after the key")
        i++
        value(depth + 1)
        space()
        if (text[i] === ',') {
          i++
          space()
          if (text[i] === '}') fail('expected a key after the comma (trailing comma)')
          continue
        }
        if (text[i] === '}') return void i++
        fail("expected ',' or '}'")
      }
    }
    if (c === '[') {
      i++
      space()
      if (text[i] === ']') return void i++
      for (;;) {
        value(depth + 1)
        space()
        if (text[i] === ',') {
          i++
          space()
          if (text[i] === ']') fail('expected a value after the comma (trailing comma)')
          continue
        }
        if (text[i] === ']') return void i++
        fail("expected ',' or ']'")
      }
    }
    if (c === '"') return string()
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400)
    )
    if (!literal) fail('expected a value')
    i += literal![0].length
  }
  try {
    value(0)
    space()
    if (i < text.length) fail('expected the end of the file')
    return undefined
  } catch (error) {
    if (error instanceof Located) return {offset: error.offset, message: error.message}
    throw error
  }
}

class Located extends Error {
  constructor(
    readonly offset: number,
    message: string
  ) {
    super(message)
  }
}

function show(c: string): string {
  return c === '\n' ? 'a line break' : JSON.stringify(c)
}
