/** One window of a text too large to hold at once. */
export interface TextWindow {
  /** The window's own part followed by up to `overlap` characters of what comes next. */
  text: string
  /**
   * Length of the own part. A match starting before it belongs to this window; one starting at
   * or after it belongs to the next window, which begins exactly there.
   */
  ownLength: number
  /** 1-based line and column of `text[0]` in the whole text. */
  line: number
  column: number
}

export interface WindowSize {
  /** Characters each window owns. */
  size: number
  /** Characters of look-ahead: a match up to this long that starts in a window ends inside it. */
  overlap: number
}

/**
 * Cuts a stream of text chunks into overlapping windows in bounded memory (about
 * `size + overlap` plus one chunk). A window ends after a line break when there is one in its
 * second half, so line anchors keep working; a longer line is cut where it must be.
 */
export function* textWindows(
  chunks: Iterable<string>,
  {size, overlap}: WindowSize
): Generator<TextWindow> {
  let buffer = ''
  let line = 1
  let column = 1
  const advance = (consumed: string): void => {
    const lastBreak = consumed.lastIndexOf('\n')
    if (lastBreak < 0) {
      column += consumed.length
      return
    }
    for (let at = consumed.indexOf('\n'); at >= 0; at = consumed.indexOf('\n', at + 1)) line++
    column = consumed.length - lastBreak
  }
  for (const chunk of chunks) {
    buffer += chunk
    while (buffer.length >= size + overlap) {
      const own = cutPoint(buffer, size)
      yield {text: buffer.slice(0, own + overlap), ownLength: own, line, column}
      advance(buffer.slice(0, own))
      buffer = buffer.slice(own)
    }
  }
  if (buffer.length > 0) yield {text: buffer, ownLength: buffer.length, line, column}
}

function cutPoint(text: string, size: number): number {
  const lastBreak = text.lastIndexOf('\n', size - 1)
  if (lastBreak >= size / 2) return lastBreak + 1
  // Never between the two halves of a surrogate pair.
  const code = text.charCodeAt(size - 1)
  return code >= 0xd800 && code <= 0xdbff ? size - 1 : size
}
