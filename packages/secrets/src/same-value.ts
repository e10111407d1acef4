import type {Detection} from './detector'

/**
 * One finding per rule and secret value in a fragment: a test file repeating one fake token 14
 * times is one finding, at its first place, with a count of 14.
 */
export function groupSameValues(
  detections: Iterable<Detection>
): Array<{detection: Detection; count: number}> {
  const groups = new Map<string, {detection: Detection; count: number}>()
  for (const detection of detections) {
    const key = `${detection.rule.id}\0${detection.secret}`
    const group = groups.get(key)
    if (group) group.count++
    else groups.set(key, {detection, count: 1})
  }
  return [...groups.values()]
}
