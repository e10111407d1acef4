import type {VersionScheme} from './scheme'
import {compareDigits} from './scheme'

/**
 * Maven: a port of `org.apache.maven.artifact.versioning.ComparableVersion` (Maven 3), hand-written
 * because no npm library implements it. A version becomes a tree of items: numbers, qualifiers and
 * sub-lists (a `-` or a digit/letter switch opens one). Qualifiers order
 * alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < anything else
 * (lexically); `a1`/`b1`/`m1` mean alpha/beta/milestone; trailing zeros and release qualifiers
 * are trimmed, so 1 = 1.0 = 1.0.0 = 1-ga.
 */
type Item =
  {kind: 'int'; value: string} | {kind: 'string'; value: string} | {kind: 'list'; items: Item[]}

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp']
const ALIASES: Record<string, string> = {ga: '', final: '', release: '', cr: 'rc'}
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''))

function comparableQualifier(q: string): string {
  const i = QUALIFIERS.indexOf(q)
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i)
}

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value
  if (followedByDigit && v.length === 1)
    v = v === 'a' ? 'alpha' : v === 'b' ? 'beta' : v === 'm' ? 'milestone' : v
  return {kind: 'string', value: ALIASES[v] ?? v}
}

function parseItem(buf: string): Item {
  return /^\d+$/.test(buf)
    ? {kind: 'int', value: buf.replace(/^0+(?=\d)/, '')}
    : stringItem(buf, false)
}

const isNull = (item: Item): boolean =>
  item.kind === 'int'
    ? item.value === '0'
    : item.kind === 'string'
      ? item.value === ''
      : item.items.length === 0

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!
    if (isNull(last)) list.splice(i, 1)
    else if (last.kind !== 'list') break
  }
}

export function parseMavenVersion(version: string): Item {
  const text = version.toLowerCase()
  const root: Item[] = []
  let list = root
  const stack: Item[][] = [root]
  let isDigit = false
  let start = 0
  const openList = (): void => {
    const next: Item[] = []
    list.push({kind: 'list', items: next})
    list = next
    stack.push(next)
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '.') {
      list.push(i === start ? {kind: 'int', value: '0'} : parseItem(text.slice(start, i)))
      start = i + 1
    } else if (c === '-') {
      list.push(i === start ? {kind: 'int', value: '0'} : parseItem(text.slice(start, i)))
      start = i + 1
      openList()
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.push(stringItem(text.slice(start, i), true))
        start = i
        openList()
      }
      isDigit = true
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(text.slice(start, i)))
        start = i
        openList()
      }
      isDigit = false
    }
  }
  if (text.length > start) list.push(parseItem(text.slice(start)))
  while (stack.length) normalize(stack.pop()!)
  return {kind: 'list', items: root}
}

function compareItem(a: Item | undefined, b: Item | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -compareItem(b, undefined)
  switch (a.kind) {
    case 'int':
      if (b === undefined) return a.value === '0' ? 0 : 1
      if (b.kind === 'int') return Math.sign(compareDigits(a.value, b.value))
      return 1 // 1.1 > 1-sp and 1.1 > 1-1
    case 'string':
      if (b === undefined) return Math.sign(cmp(comparableQualifier(a.value), RELEASE_INDEX))
      if (b.kind === 'string')
        return Math.sign(cmp(comparableQualifier(a.value), comparableQualifier(b.value)))
      return -1 // 1-rc < 1-1 and 1-rc < 1.1
    case 'list':
      if (b === undefined) return a.items.length === 0 ? 0 : compareItem(a.items[0], undefined)
      if (b.kind === 'int') return -1
      if (b.kind === 'string') return 1
      for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) {
        const d = compareItem(a.items[i], b.items[i])
        if (d) return d
      }
      return 0
  }
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

export function compareMavenVersions(a: string, b: string): number {
  return compareItem(parseMavenVersion(a), parseMavenVersion(b))
}

export const mavenScheme: VersionScheme = {
  ecosystem: 'Maven',
  // ComparableVersion accepts any string; an empty one is the only thing that is not a version.
  isValid: version => version.trim() !== '',
  compare: compareMavenVersions,
  // `groupId:artifactId` is case-sensitive in Maven Central.
  normalizeName: name => name
}
