import type {FindingContext} from '@pipeguard/core'

/** Directories of code copied from elsewhere: its secrets are its authors' to rotate. */
const VENDORED_DIRS = new Set([
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'thirdparty',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'site-packages',
  'dist-packages',
  '.venv',
  'venv',
  'Pods',
  'Godeps'
])
/** SDK data files copied into a project (service models and discovery documents). */
const SDK_DATA = /(?:^|\/)(?:botocore\/data|aws-sdk\/apis|googleapiclient\/discovery_cache)\//
const TEST_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  'testing',
  'spec',
  'specs',
  'testdata',
  'test-data',
  'test_data',
  'fixtures',
  'fixture',
  '__fixtures__',
  '__mocks__',
  'mocks',
  'cassettes',
  'vcr_cassettes',
  'e2e'
])
const TEST_FILE =
  /[._-](?:test|tests|spec)\.[A-Za-z0-9]+$|^test_[^/]*\.py$|^conftest\.py$|Tests?\.(?:java|kt|cs|scala|swift)$|_spec\.rb$/
const EXAMPLE_DIRS = new Set(['example', 'examples', 'sample', 'samples', '_example', '_examples'])
/** `.env.example`, `config.sample.yml`, `settings.py.dist`, `values.tmpl`. */
const EXAMPLE_FILE = /\.(?:example|sample|dist|template|tmpl|tpl)(?:\.[A-Za-z0-9]+)?$/i
const DOCS_DIRS = new Set(['docs', 'doc', 'documentation', 'website'])
const DOCS_FILE = /\.(?:md|mdx|markdown|rst|adoc|asciidoc)$/i

/**
 * Where a file sits when that is not production code: vendored trees first (a test inside a
 * vendored package is still someone else's), then test code and fixtures, examples, and docs.
 * `vendored` holds the directories of Python packages installed into the tree (see
 * `installedPackageDirs`).
 */
export function findingContext(
  path: string,
  vendored: ReadonlySet<string> = new Set()
): FindingContext | undefined {
  const parts = path.split('/')
  const name = parts[parts.length - 1]!
  const dirs = parts.slice(0, -1)
  if (dirs.some(dir => VENDORED_DIRS.has(dir)) || SDK_DATA.test(path)) return 'vendored'
  for (let i = 1; i <= dirs.length; i++)
    if (vendored.has(dirs.slice(0, i).join('/'))) return 'vendored'
  if (vendored.has(path)) return 'vendored'
  if (dirs.some(dir => TEST_DIRS.has(dir.toLowerCase())) || TEST_FILE.test(name)) return 'test'
  if (dirs.some(dir => EXAMPLE_DIRS.has(dir.toLowerCase())) || EXAMPLE_FILE.test(name))
    return 'example'
  // A README is the project's front page, not an example: a token pasted there is live and blocks.
  if (dirs.some(dir => DOCS_DIRS.has(dir.toLowerCase()))) return 'docs'
  if (DOCS_FILE.test(name) && !/^readme\./i.test(name)) return 'docs'
  return undefined
}

/**
 * The packages a Python install put into the tree: each `<name>-<version>.dist-info` (or
 * `.egg-info`) directory names a neighbouring package directory or module, `<name>/` or
 * `<name>.py`, matched with pip's name normalisation (case, `-` and `.` as `_`).
 */
export function installedPackageDirs(paths: Iterable<string>): Set<string> {
  const installed = new Map<string, Set<string>>()
  const entries = new Map<string, Set<string>>()
  for (const path of paths) {
    const parts = path.split('/')
    for (let i = 0; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/')
      let names = entries.get(parent)
      if (!names) entries.set(parent, (names = new Set()))
      names.add(parts[i]!)
      const info = /^(.+?)-[^-]*\.(?:dist|egg)-info$/.exec(parts[i]!)
      if (info && i < parts.length - 1) {
        let packages = installed.get(parent)
        if (!packages) installed.set(parent, (packages = new Set()))
        packages.add(normalise(info[1]!))
      }
    }
  }
  const dirs = new Set<string>()
  for (const [parent, packages] of installed) {
    for (const entry of entries.get(parent) ?? []) {
      if (packages.has(normalise(entry.replace(/\.py$/, ''))))
        dirs.add(parent ? `${parent}/${entry}` : entry)
    }
  }
  return dirs
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-.]+/g, '_')
}
