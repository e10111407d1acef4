import {findConflictMarker} from '../conflict-markers'
import {ExtractError} from '../extractor'

/** A file with unresolved `<<<<<<<` / `>>>>>>>` lines is rejected at the first marker's line. */
export function assertNoConflictMarkers(text: string): void {
  const line = findConflictMarker(text)
  if (line !== undefined)
    throw new ExtractError(
      'unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile',
      line
    )
}
