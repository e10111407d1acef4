import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {Workspace} from '@pipeguard/core'
import {makeWorkspace, removeWorkspace} from '../../../test/helpers/workspace'
import {extractInventory, inventoryFileRequired, type InventoryResult} from '../src/inventory'
import {fixture} from './ecosystem-fixtures'

/** One good and one bad file per non-JavaScript format, side by side in one repository. */
const GOOD: Record<string, string> = {
  'py/req/requirements.txt': 'pypi/healthchecks/requirements.txt',
  'py/poetry/poetry.lock': 'pypi/full-stack-fastapi-template-poetry/poetry.lock',
  'py/poetry/pyproject.toml': 'pypi/full-stack-fastapi-template-poetry/pyproject.toml',
  'py/pipenv/Pipfile.lock': 'pypi/pipenv-example/Pipfile.lock',
  'py/pipenv/Pipfile': 'pypi/pipenv-example/Pipfile',
  'py/uv/uv.lock': 'pypi/full-stack-fastapi-template-uv/uv.lock',
  'py/pdm/pdm.lock': 'pypi/edge/pdm/pdm.lock',
  'go/go.mod': 'go/gitleaks/go.mod',
  'go/go.sum': 'go/gitleaks/go.sum',
  'rust/Cargo.lock': 'crates.io/ripgrep/Cargo.lock',
  'rust/Cargo.toml': 'crates.io/ripgrep/Cargo.toml',
  'ruby/Gemfile.lock': 'rubygems/devise/Gemfile.lock',
  'php/composer.lock': 'packagist/bookstack/composer.lock',
  'java/pom.xml': 'maven/pom-service/pom.xml',
  'java/gradle.lockfile': 'maven/vulnerable-java-application/gradle.lockfile',
  'dotnet/packages.lock.json': 'nuget/bitwarden-server-api/packages.lock.json',
  'dart/pubspec.lock': 'pub/flutter-app/pubspec.lock',
  'elixir/mix.lock': 'hex/phoenix-app/mix.lock'
}

const BAD: Record<string, string> = {
  'bad/requirements.txt':
    'flask==2.0\n<<<<<<< HEAD\nrequests==2.0\n=======\nrequests==2.1\n>>>>>>> main\n',
  'bad/poetry.lock': '[[package]]\nname = "a"\nversion = "1.0\n',
  'bad/Pipfile.lock': '{"_meta": {}, "default": {"a": {"version": 1}}}',
  'bad/uv.lock': 'version = 1\n[[package]]\nname = "a"\nsource = "pypi"\n',
  'bad/pdm.lock': '[[package]\nname = "a"\n',
  'bad/go.mod': 'module x\n\nrequire (\n\tgithub.com/a/b v1.0.0\n',
  'bad/Cargo.lock':
    'version = 3\n\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = ["missing"]\n',
  'bad/Gemfile.lock': 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack 2.2.3\n',
  'bad/composer.lock': '{"packages": [{"name": "a/b"}]}',
  'bad/pom.xml': '<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n',
  'bad/gradle.lockfile': '# comment\ncom.example:a=compileClasspath\n',
  'bad/packages.lock.json':
    '{"version": 1, "dependencies": {"net8.0": {"A": {"type": "Direct", "resolved": 1}}}}',
  'bad/pubspec.lock': 'packages:\n  a:\n    dependency: transitive\n',
  'bad/mix.lock': '%{\n  "a": {:hex, :a, "1.0.0",\n'
}

/** A pip include the orchestrator must let the extractor read (`-r` of a file it would not match). */
const INCLUDES: Record<string, string> = {
  'py/inc/requirements.txt': 'flask==3.0.0\n-r ../common/base.in\n-r ../../outside.in\n',
  'py/common/base.in': '# shared pins\nsix==1.16.0\n'
}

describe('extractInventory over a polyglot monorepo', () => {
  let dir: string
  let result: InventoryResult

  beforeAll(async () => {
    const files: Record<string, string> = {...BAD, ...INCLUDES}
    for (const [to, from] of Object.entries(GOOD)) files[to] = fixture(from)
    dir = makeWorkspace(files)
    const workspace = await Workspace.open(dir)
    result = await extractInventory(
      workspace,
      workspace.files.filter(f => inventoryFileRequired(f.path))
    )
  })
  afterAll(() => removeWorkspace(dir))

  it('extracts every good file, each package located in its own file', () => {
    const files = new Set(result.packages.map(p => p.location.path))
    expect([...files].sort()).toEqual(
      [...Object.keys(GOOD), ...Object.keys(INCLUDES)]
        .filter(path => !/(pyproject\.toml|Pipfile|go\.sum|Cargo\.toml)$/.test(path))
        .sort()
    )
    const ecosystems = new Set(result.packages.map(p => p.ecosystem))
    expect([...ecosystems].sort()).toEqual([
      'Go',
      'Hex',
      'Maven',
      'NuGet',
      'Packagist',
      'Pub',
      'PyPI',
      'RubyGems',
      'crates.io'
    ])
  })

  it('follows requirement includes inside the root, locating packages in the included file', () => {
    const included = result.packages.filter(p => p.location.path.startsWith('py/'))
    expect(
      included
        .filter(
          p => p.location.path.startsWith('py/inc') || p.location.path.startsWith('py/common')
        )
        .map(p => `${p.purl}@${p.location.path}:${p.location.startLine}`)
    ).toEqual([
      'pkg:pypi/flask@3.0.0@py/inc/requirements.txt:1',
      'pkg:pypi/six@1.16.0@py/common/base.in:2'
    ])
    expect(result.warnings).toContainEqual({
      path: 'py/inc/requirements.txt',
      message: 'py/inc/requirements.txt:3: included file ../../outside.in not found'
    })
  })

  it('reports each bad file once, with its path, line and what was expected', () => {
    const messages = Object.fromEntries(result.errors.map(e => [e.path, e.message]))
    expect(Object.keys(messages).sort()).toEqual(Object.keys(BAD).sort())
    expect(messages).toEqual({
      'bad/requirements.txt':
        'bad/requirements.txt:2: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile',
      'bad/poetry.lock':
        'bad/poetry.lock:3: invalid TOML (column 15): control characters are not allowed in strings',
      'bad/Pipfile.lock':
        "bad/Pipfile.lock:1: unexpected content at key 'default.a.version': Invalid input: expected string, received number",
      'bad/uv.lock':
        "bad/uv.lock:2: unexpected content at key 'package.0.source': Invalid input: expected record, received string",
      'bad/pdm.lock': expect.stringMatching(/^bad\/pdm\.lock:1: invalid TOML \(column \d+\): /),
      'bad/go.mod': "bad/go.mod:3: require block is not closed: the file ends before its ')'",
      'bad/Cargo.lock':
        "bad/Cargo.lock:3: package a 1.0.0: dependency 'missing' is not in the lockfile",
      'bad/Gemfile.lock':
        "bad/Gemfile.lock:4: expected a spec '    NAME (VERSION)' or its dependency, got 'rack 2.2.3'",
      'bad/composer.lock':
        "bad/composer.lock:1: unexpected content at key 'packages.0.version': Invalid input: expected string, received undefined",
      'bad/pom.xml': 'bad/pom.xml:3: <dependency> without <groupId> or <artifactId>',
      'bad/gradle.lockfile':
        "bad/gradle.lockfile:2: expected 'group:artifact:version=configurations', got 'com.example:a=compileClasspath'",
      'bad/packages.lock.json':
        "bad/packages.lock.json:1: unexpected content at key 'dependencies.net8.0.A.resolved': Invalid input: expected string, received number",
      'bad/pubspec.lock': expect.stringMatching(
        /^bad\/pubspec\.lock:2: unexpected content at key 'packages\.a\.description'/
      ),
      'bad/mix.lock':
        'bad/mix.lock:3: expected a value (map, tuple, list, string, atom or number), found the end of the file (truncated?)'
    })
  })
})
