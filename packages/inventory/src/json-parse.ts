import {ExtractError} from './extractor'
import {LineIndex} from './text-lines'
import {locateJsonError} from './json-error-locator'

/**
 * JSON.parse for speed; on failure the text is re-read only to say where and what (V8's message
 * often has no position and never a line).
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw toExtractError(text, error, 'invalid JSON')
  }
}

/**
 * JSON with comments and trailing commas (bun.lock). They are blanked out with spaces, so offsets
 * and lines stay those of the original text.
 */
export function parseJsonWithCommas(text: string): unknown {
  const plain = blankCommentsAndTrailingCommas(text)
  try {
    return JSON.parse(plain)
  } catch (error) {
    throw toExtractError(plain, error, 'invalid JSON')
  }
}

function toExtractError(text: string, error: unknown, what: string): ExtractError {
  const found = locateJsonError(text)
  // V8's own message quotes the text around the error: keep only its first clause.
  if (!found) return new ExtractError(`${what}: ${(error as Error).message.split(/[,\n]/)[0]}`)
  const lines = new LineIndex(text)
  return new ExtractError(
    `${what}: ${found.message}`,
    lines.lineOf(found.offset),
    lines.columnOf(found.offset)
  )
}

function blankCommentsAndTrailingCommas(text: string): string {
  const out = text.split('')
  let i = 0
  let lastComma = -1
  while (i < text.length) {
    const c = text[i]!
    if (c === '"') {
      lastComma = -1
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      i++
    } else if (c === '/' && text[i + 1] === '/') {
      for (; i < text.length && text[i] !== '\n'; i++) out[i] = ' '
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end === -1 ? text.length : end + 2
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' '
    } else if (c === ',') {
      lastComma = i++
    } else if (c === '}' || c === ']') {
      if (lastComma !== -1) out[lastComma] = ' '
      lastComma = -1
      i++
    } else {
      if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') lastComma = -1
      i++
    }
  }
  return out.join('')
}
