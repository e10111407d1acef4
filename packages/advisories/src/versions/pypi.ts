import {compare, valid} from '@renovatebot/pep440'
import type {VersionScheme} from './scheme'
import {fallbackCompare} from './scheme'

/** PyPI: PEP 440 ordering (epochs, pre/post/dev releases, local versions) via @renovatebot/pep440. */
export const pypiScheme: VersionScheme = {
  ecosystem: 'PyPI',
  isValid: version => valid(version) !== null,
  compare: (a, b) => {
    const va = valid(a) !== null
    const vb = valid(b) !== null
    if (va && vb) return compare(a, b)
    if (va) return 1
    if (vb) return -1
    return fallbackCompare(a, b)
  },
  normalizeName: normalizePypiName
}

/** PEP 503: names compare case-insensitively with runs of `-`, `_` and `.` as one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}
