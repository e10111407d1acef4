/**
 * Line of the first unresolved git merge-conflict marker, if any. A lockfile with one is not a
 * lockfile any more: parsers would fail with an unhelpful message or, worse, read half of each side.
 */
export function findConflictMarker(text: string): number | undefined {
  const match = /^(?:<{7}|>{7})(?: |$)/m.exec(text)
  if (!match) return undefined
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1))
    line++
  return line
}
