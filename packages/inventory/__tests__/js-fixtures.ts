import {expect} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {ExtractResult, Extractor} from '../src/extractor'
import {PackageSchema, type Package} from '../src/package'

const NPM_FIXTURES = fileURLToPath(
  new URL('../../../test/fixtures/inventory/npm/', import.meta.url)
)

/** Text of a file under test/fixtures/inventory/npm. */
export function npmFixture(path: string): string {
  return readFileSync(NPM_FIXTURES + path, 'utf8')
}

/** Runs an extractor on a fixture with its siblings, checking every package against the schema. */
export function extractNpmFixture(
  extractor: Extractor,
  path: string,
  siblings: Record<string, string> = {}
): ExtractResult {
  const dir = path.slice(0, path.lastIndexOf('/') + 1)
  for (const name of extractor.siblings ?? []) {
    if (name in siblings) continue
    try {
      siblings[name] = npmFixture(dir + name)
    } catch {
      // no such sibling in this fixture
    }
  }
  const result = extractor.extract({path: path.slice(dir.length), text: npmFixture(path), siblings})
  for (const pkg of result.packages) expect(PackageSchema.parse(pkg)).toEqual(pkg)
  return result
}

/** `name@version` of each package, sorted. */
export function ids(packages: Package[]): string[] {
  return packages.map(p => `${p.name}@${p.version}`).sort()
}

/** The one package with this name and version (fails the test otherwise). */
export function pkg(packages: Package[], id: string): Package {
  const found = packages.filter(p => `${p.name}@${p.version}` === id)
  if (found.length !== 1) throw new Error(`expected one ${id}, found ${found.length}`)
  return found[0]!
}

/** The package's dependencies as sorted name@version. */
export function depsOf(packages: Package[], id: string): string[] {
  const byPurl = new Map(packages.map(p => [p.purl, `${p.name}@${p.version}`]))
  return pkg(packages, id)
    .dependencies.map(d => byPurl.get(d) ?? `?${d}`)
    .sort()
}

export function directIds(packages: Package[]): string[] {
  return ids(packages.filter(p => p.direct))
}

const memo = new Map<string, ExtractResult>()

/** extractNpmFixture once per extractor and file: the big real lockfiles are read by several tests. */
export function extractOnce(extractor: Extractor, path: string): ExtractResult {
  const key = `${extractor.name}\n${path}`
  let result = memo.get(key)
  if (!result) memo.set(key, (result = extractNpmFixture(extractor, path)))
  return result
}
