import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {ExtractError} from '../src/extractor'
import type {ExtractInput, ExtractResult, Extractor} from '../src/extractor'
import type {Package} from '../src/package'
import {PackageSchema} from '../src/package'

const ROOT = fileURLToPath(new URL('../../../test/fixtures/inventory/', import.meta.url))

/** Text of a fixture under test/fixtures/inventory. */
export function fixture(path: string): string {
  return readFileSync(ROOT + path, 'utf8')
}

/** Runs an extractor on a fixture file, its siblings read from the same folder when present. */
export function extractFixture(
  extractor: Extractor,
  path: string,
  extra: Partial<ExtractInput> = {}
): ExtractResult {
  const dir = path.slice(0, path.lastIndexOf('/') + 1)
  const siblings: Record<string, string> = {}
  for (const name of extractor.siblings ?? []) {
    try {
      siblings[name] = fixture(dir + name)
    } catch {
      // absent sibling: the extractor must cope
    }
  }
  const result = extractor.extract({path, text: fixture(path), siblings, ...extra})
  for (const pkg of result.packages) PackageSchema.parse(pkg)
  return result
}

export function byName(packages: Package[], name: string, version?: string): Package {
  const found = packages.filter(
    p => p.name === name && (version === undefined || p.version === version)
  )
  if (found.length !== 1)
    throw new Error(`expected one ${name}${version ? `@${version}` : ''}, found ${found.length}`)
  return found[0] as Package
}

/** 1-based lines of the text matching a pattern (independent of any extractor). */
export function linesMatching(text: string, pattern: RegExp): number[] {
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []))
}

/** The ExtractError an extractor throws on the given text. */
export function extractError(
  extractor: Extractor,
  text: string,
  path = 'x',
  siblings: Record<string, string> = {}
): ExtractError {
  try {
    extractor.extract({path, text, siblings})
  } catch (error) {
    if (error instanceof ExtractError) return error
    throw error
  }
  throw new Error('expected an ExtractError')
}

/** A merge-conflict version of a file: marker lines spliced in after `afterLine` lines. */
export function withConflict(text: string, afterLine: number): string {
  const lines = text.split('\n')
  lines.splice(afterLine, 0, '<<<<<<< HEAD', lines[afterLine] ?? '', '=======', '>>>>>>> feature')
  return lines.join('\n')
}
