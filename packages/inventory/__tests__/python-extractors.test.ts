import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {pythonPdmLock} from '../src/extractors/python-pdm-lock'
import {pythonPipfileLock} from '../src/extractors/python-pipfile-lock'
import {pythonPoetryLock} from '../src/extractors/python-poetry-lock'
import {pythonRequirements} from '../src/extractors/python-requirements'
import {pythonUvLock} from '../src/extractors/python-uv-lock'
import {normalizePythonName} from '../src/extractors/python-name'
import {
  byName,
  extractError,
  extractFixture,
  fixture,
  linesMatching,
  withConflict
} from './ecosystem-fixtures'

describe('normalizePythonName', () => {
  it('lower-cases and collapses runs of -_. (PEP 503)', () => {
    expect(normalizePythonName('Zope.Interface')).toBe('zope-interface')
    expect(normalizePythonName('typing__Extensions')).toBe('typing-extensions')
    expect(normalizePythonName('a-_.b')).toBe('a-b')
  })
})

describe('python/requirements', () => {
  it('matches requirements file names only', () => {
    for (const path of [
      'requirements.txt',
      'a/requirements-dev.txt',
      'dev-requirements.txt',
      'requirements/test.txt'
    ])
      expect(pythonRequirements.matches(path)).toBe(true)
    for (const path of [
      'requirements.in',
      'a/notes.txt',
      'myrequirementsfile.txt',
      'requirements.txt.bak'
    ])
      expect(pythonRequirements.matches(path)).toBe(false)
  })

  it('reads the real healthchecks requirements.txt', () => {
    const path = 'pypi/healthchecks/requirements.txt'
    const text = fixture(path)
    const {packages, warnings} = extractFixture(pythonRequirements, path)
    expect(packages).toHaveLength(linesMatching(text, /==/).length)
    expect(warnings).toEqual([])
    expect(byName(packages, 'django')).toMatchObject({
      version: '3.2.2',
      purl: 'pkg:pypi/django@3.2.2',
      direct: true,
      scope: 'prod',
      pinned: true,
      location: {path, startLine: 3}
    })
    expect(byName(packages, 'cron-descriptor').location.startLine).toBe(1)
    expect(byName(packages, 'statsd')).toMatchObject({version: '3.3.0', location: {startLine: 9}})
  })

  it('handles pins, extras, markers, hashes, unpinned lines and includes', () => {
    const path = 'pypi/edge/requirements/requirements.txt'
    const read: string[] = []
    const {packages, warnings} = extractFixture(pythonRequirements, path, {
      readRelative: file => {
        read.push(file)
        try {
          return fixture(file)
        } catch {
          return undefined
        }
      }
    })
    const summary = packages.map(
      p => `${p.name}@${p.version}:${p.location.path.split('/').pop()}:${p.location.startLine}`
    )
    expect(summary).toEqual([
      'django@3.2.25:requirements.txt:4',
      'requests@2.31.0:requirements.txt:5',
      'zope-interface@5.4.0:requirements.txt:6',
      'typing-extensions@4.7.1:requirements.txt:7',
      'cryptography@41.0.7:requirements.txt:8',
      'flask@:requirements.txt:11',
      'gunicorn@:requirements.txt:12',
      'numpy@:requirements.txt:13',
      'my-lib@:requirements.txt:14',
      'black@:requirements.txt:15',
      'click@:requirements.txt:16',
      'six@1.16.0:base.in:2'
    ])
    expect(byName(packages, 'cryptography').integrity).toBe(
      'sha256:3c78451b78313fa81607fa1b3f1ae0a5ddd8014c38a02d9db0616133987b9cdf'
    )
    expect(byName(packages, 'flask')).toMatchObject({
      pinned: false,
      version: '',
      purl: 'pkg:pypi/flask'
    })
    expect(byName(packages, 'zope-interface').purl).toBe('pkg:pypi/zope-interface@5.4.0')
    // requirements-test.txt is a requirements file: extracted on its own, not through the include.
    expect(read).toEqual(['pypi/edge/requirements/base.in', 'pypi/edge/requirements/missing.in'])
    expect(warnings).toEqual([
      'pypi/edge/requirements/requirements.txt:17: editable requirement ./local-package has no package name (local code is not a package)',
      'pypi/edge/requirements/requirements.txt:20: included file missing.in not found'
    ])
  })

  it('fails on a broken include rather than dropping its packages', () => {
    const files: Record<string, string> = {'app/base.in': 'six==1.16.0\n<<<<<<< HEAD\n'}
    const extract = () =>
      pythonRequirements.extract({
        path: 'app/requirements.txt',
        text: 'flask==3.0.0\n-r base.in\n',
        siblings: {},
        readRelative: path => files[path]
      })
    let error: unknown
    try {
      extract()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(ExtractError)
    expect(error).toMatchObject({
      line: 2,
      message:
        'included file app/base.in:2: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile'
    })
  })

  it('gives dev scope to dev and test requirement files', () => {
    expect(
      extractFixture(pythonRequirements, 'pypi/edge/requirements/requirements-test.txt').packages[0]
        ?.scope
    ).toBe('dev')
    expect(
      extractFixture(pythonRequirements, 'pypi/edge/requirements/requirements/dev.txt').packages[0]
        ?.scope
    ).toBe('dev')
  })

  it('warns about unparsable lines and rejects merge conflicts', () => {
    const {packages, warnings} = pythonRequirements.extract({
      path: 'requirements.txt',
      text: 'ok==1\n!!bad\n--bogus x\n',
      siblings: {}
    })
    expect(packages.map(p => p.name)).toEqual(['ok'])
    expect(warnings).toEqual([
      'requirements.txt:2: not a requirement: !!bad',
      'requirements.txt:3: unknown option --bogus'
    ])
    const error = extractError(
      pythonRequirements,
      withConflict(fixture('pypi/healthchecks/requirements.txt'), 2)
    )
    expect(error.line).toBe(3)
    expect(error.message).toMatch(/^unresolved git merge conflict marker/)
  })
})

describe('python/poetry-lock', () => {
  const path = 'pypi/full-stack-fastapi-template-poetry/poetry.lock'

  it('reads the real fastapi template poetry.lock with pyproject groups', () => {
    const text = fixture(path)
    const {packages} = extractFixture(pythonPoetryLock, path)
    const headers = linesMatching(text, /^\[\[package\]\]$/)
    expect(packages).toHaveLength(headers.length)
    expect(packages.map(p => p.location.startLine)).toEqual(headers)
    const fastapi = byName(packages, 'fastapi')
    expect(fastapi).toMatchObject({
      version: '0.109.2',
      purl: 'pkg:pypi/fastapi@0.109.2',
      direct: true,
      scope: 'prod',
      location: {path, startLine: 429}
    })
    expect(fastapi.dependencies).toEqual([
      `pkg:pypi/pydantic@${byName(packages, 'pydantic').version}`,
      `pkg:pypi/starlette@${byName(packages, 'starlette').version}`,
      `pkg:pypi/typing-extensions@${byName(packages, 'typing-extensions').version}`
    ])
    expect(byName(packages, 'pytest')).toMatchObject({
      direct: true,
      scope: 'dev',
      location: {startLine: 1387}
    })
    expect(byName(packages, 'mypy-extensions')).toMatchObject({direct: false, scope: 'dev'})
    expect(byName(packages, 'anyio')).toMatchObject({
      direct: false,
      scope: 'prod',
      version: '4.4.0'
    })
    expect(byName(packages, 'alembic').integrity).toBe(
      'sha256:1ff0ae32975f4fd96028c39ed9bb3c867fe3af956bd7bb37343b54c9fe7445ef'
    )
  })

  it('reads a legacy lock: category, metadata.files, git source, skips directory sources', () => {
    const {packages} = extractFixture(pythonPoetryLock, 'pypi/edge/poetry-legacy/poetry.lock')
    expect(packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}`)).toEqual([
      'click@8.1.3:prod:false',
      'flask@2.2.2:prod:true',
      'gitdep@0.3.0:prod:true',
      'pytest@7.2.0:dev:true',
      'pyyaml@6.0:optional:true',
      'werkzeug@2.2.2:prod:false'
    ])
    expect(byName(packages, 'click').integrity).toBe(
      'sha256:7682dc8afb30297001674575ea00d1814d808d6a36af415a82bd481d37ba7b8e'
    )
    expect(byName(packages, 'flask').dependencies).toEqual([
      'pkg:pypi/click@8.1.3',
      'pkg:pypi/werkzeug@2.2.2'
    ])
  })

  it('reads Poetry 2 `groups` and `optional` per package', () => {
    const text = [
      '[[package]]',
      'name = "Requests"',
      'version = "2.32.3"',
      'groups = ["main"]',
      'optional = false',
      '',
      '[[package]]',
      'name = "pytest"',
      'version = "8.3.4"',
      'groups = ["dev"]',
      '',
      '[[package]]',
      'name = "pyyaml"',
      'version = "6.0.2"',
      'groups = ["main", "dev"]',
      'optional = true',
      '',
      '[metadata]',
      'lock-version = "2.1"'
    ].join('\n')
    const {packages} = pythonPoetryLock.extract({path: 'poetry.lock', text, siblings: {}})
    expect(packages.map(p => `${p.name}:${p.scope}:${p.location.startLine}:${p.purl}`)).toEqual([
      'requests:prod:1:pkg:pypi/requests@2.32.3',
      'pytest:dev:7:pkg:pypi/pytest@8.3.4',
      'pyyaml:optional:12:pkg:pypi/pyyaml@6.0.2'
    ])
  })

  it('without pyproject.toml nothing is direct and scope falls back to prod', () => {
    const text = fixture(path)
    const {packages} = pythonPoetryLock.extract({path, text, siblings: {}})
    expect(packages.every(p => !p.direct && p.scope === 'prod')).toBe(true)
  })

  it('rejects truncated, mistyped and conflicted files with the place', () => {
    const text = fixture(path)
    const truncated = text.slice(0, text.indexOf('[[package]]\nname = "anyio"') + 25)
    expect(extractError(pythonPoetryLock, truncated)).toMatchObject({
      message: 'invalid TOML (column 8): unfinished string',
      line: 34
    })
    expect(
      extractError(pythonPoetryLock, '# header\n[[package]]\nname = "a"\nversion = 3\n')
    ).toMatchObject({
      message:
        "unexpected content at key 'package.0.version': Invalid input: expected string, received number",
      line: 2
    })
    expect(extractError(pythonPoetryLock, withConflict(text, 100)).line).toBe(101)
  })
})

describe('python/pipfile-lock', () => {
  it('reads the real pipenv example (default + develop) with the Pipfile', () => {
    const path = 'pypi/pipenv-example/Pipfile.lock'
    const {packages} = extractFixture(pythonPipfileLock, path)
    expect(packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}`)).toEqual([
      'certifi@2022.12.7:prod:false',
      'chardet@3.0.4:prod:false',
      'idna@2.6:prod:false',
      'requests@2.18.4:prod:true',
      'urllib3@1.22:prod:false',
      'py@1.11.0:dev:false',
      'pytest@3.2.2:dev:true',
      'setuptools@65.6.3:dev:false'
    ])
    expect(byName(packages, 'requests')).toMatchObject({
      purl: 'pkg:pypi/requests@2.18.4',
      integrity: 'sha256:6a1b267aa90cac58ac3a765d067950e7dbbf75b1da07e895d1f594193a40a38b',
      location: {path, startLine: 39}
    })
    expect(byName(packages, 'pytest').location.startLine).toBe(64)
  })

  it('reads the real pipenv Pipfile.lock, skipping the local editable entries', () => {
    const path = 'pypi/pipenv/Pipfile.lock'
    const text = fixture(path)
    const {packages} = extractFixture(pythonPipfileLock, path)
    const develop = JSON.parse(text).develop as Record<string, {path?: string}>
    expect(packages).toHaveLength(Object.values(develop).filter(e => e.path === undefined).length)
    expect(packages.every(p => p.scope === 'dev')).toBe(true)
    expect(byName(packages, 'pytest')).toMatchObject({location: {startLine: 509}, direct: false})
    expect(byName(packages, 'click')).toMatchObject({version: '8.0.3', direct: true})
  })

  it('reports VCS entries unpinned and normalizes names', () => {
    const {packages} = extractFixture(pythonPipfileLock, 'pypi/edge/pipfile/Pipfile.lock')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.pinned}:${p.direct}:${p.location.startLine}`)
    ).toEqual([
      'mytool@:false:true:13',
      'requests@2.31.0:true:true:17',
      'typing-extensions@4.7.1:true:false:24',
      'pytest@7.4.4:true:true:31'
    ])
  })

  it('rejects truncated, mistyped and conflicted files', () => {
    const text = fixture('pypi/pipenv-example/Pipfile.lock')
    expect(extractError(pythonPipfileLock, text.slice(0, 400))).toMatchObject({
      message: 'invalid JSON: unexpected end of file (truncated?); expected a string',
      line: 17
    })
    const mistyped = text.replace('"version": "==2.18.4"', '"version": 2')
    const error = extractError(pythonPipfileLock, mistyped)
    expect(error).toMatchObject({
      message:
        "unexpected content at key 'default.requests.version': Invalid input: expected string, received number",
      line: 39
    })
    expect(extractError(pythonPipfileLock, '[]').message).toMatch(/key '\(top level\)'/)
    expect(extractError(pythonPipfileLock, withConflict(text, 30)).line).toBe(31)
  })
})

describe('python/uv-lock', () => {
  const path = 'pypi/full-stack-fastapi-template-uv/uv.lock'

  it('reads the real fastapi template uv.lock, skipping the editable project', () => {
    const text = fixture(path)
    const {packages} = extractFixture(pythonUvLock, path)
    const headers = linesMatching(text, /^\[\[package\]\]$/)
    expect(packages).toHaveLength(
      headers.length - linesMatching(text, /^source = \{ editable/).length
    )
    expect(packages.some(p => p.name === 'app')).toBe(false)
    expect(byName(packages, 'sqlmodel')).toMatchObject({
      version: '0.0.22',
      purl: 'pkg:pypi/sqlmodel@0.0.22',
      direct: true,
      scope: 'prod',
      location: {path, startLine: 1273}
    })
    expect(byName(packages, 'pytest')).toMatchObject({
      version: '7.4.4',
      direct: true,
      scope: 'dev',
      location: {startLine: 1047}
    })
    expect(byName(packages, 'mypy-extensions')).toMatchObject({
      direct: false,
      scope: 'dev',
      location: {startLine: 775}
    })
    expect(byName(packages, 'anyio')).toMatchObject({direct: false, scope: 'prod'})
    expect(byName(packages, 'alembic').integrity).toBe(
      'sha256:1ff0ae32975f4fd96028c39ed9bb3c867fe3af956bd7bb37343b54c9fe7445ef'
    )
    expect(byName(packages, 'alembic').dependencies).toEqual([
      `pkg:pypi/mako@${byName(packages, 'mako').version}`,
      `pkg:pypi/sqlalchemy@${byName(packages, 'sqlalchemy').version}`,
      `pkg:pypi/typing-extensions@${byName(packages, 'typing-extensions').version}`
    ])
  })

  it('handles workspaces, optional and dev groups, multiple versions and git sources', () => {
    const {packages} = extractFixture(pythonUvLock, 'pypi/edge/uv-workspace/uv.lock')
    expect(packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}`)).toEqual([
      'certifi@2024.8.30:prod:false',
      'httpx@0.27.2:prod:true',
      'numpy@2.0.2:prod:false',
      'numpy@2.1.3:prod:false',
      'pytest@8.3.3:dev:true',
      'rich@13.9.4:optional:true',
      'toolbox@1.0.0:prod:true'
    ])
    expect(byName(packages, 'httpx').dependencies).toEqual([
      'pkg:pypi/certifi@2024.8.30',
      'pkg:pypi/numpy@2.0.2',
      'pkg:pypi/numpy@2.1.3'
    ])
    expect(byName(packages, 'httpx').integrity).toBe(
      'sha256:7bb2708e112d8fdd7829cd4243970f0c223274051cb35ee80c03301ee29a3df0'
    )
  })

  it('rejects bad files', () => {
    const text = fixture(path)
    expect(extractError(pythonUvLock, withConflict(text, 10)).line).toBe(11)
    expect(
      extractError(pythonUvLock, 'version = 1\n[[package]]\nname = "x"\ndependencies = "y"\n')
        .message
    ).toMatch(/^unexpected content at key 'package.0.dependencies'/)
    expect(extractError(pythonUvLock, text.slice(0, 300)).message).toMatch(
      /^invalid TOML \(column \d+\): /
    )
  })
})

describe('python/pdm-lock', () => {
  const path = 'pypi/edge/pdm/pdm.lock'

  it('reads a pdm.lock: groups, extras duplicates merged, editable project skipped', () => {
    const text = fixture(path)
    const {packages} = extractFixture(pythonPdmLock, path)
    const names = new Set(
      [...text.matchAll(/^name = "([^"]+)"/gm)]
        .map(m => normalizePythonName(m[1] as string))
        .filter(n => n !== 'pdm-app')
    )
    expect(packages).toHaveLength(names.size)
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}:${p.location.startLine}`)
    ).toEqual([
      'certifi@2024.2.2:prod:false:10',
      'jinja2@3.1.3:prod:true:21',
      'markupsafe@2.1.5:prod:false:31',
      'pysocks@1.7.1:prod:false:47',
      'pytest@8.0.2:dev:true:53',
      'requests@2.31.0:prod:true:60'
    ])
    expect(byName(packages, 'requests').dependencies).toEqual([
      'pkg:pypi/certifi@2024.2.2',
      'pkg:pypi/pysocks@1.7.1'
    ])
    expect(byName(packages, 'jinja2')).toMatchObject({
      purl: 'pkg:pypi/jinja2@3.1.3',
      dependencies: ['pkg:pypi/markupsafe@2.1.5']
    })
    expect(byName(packages, 'certifi').integrity).toBe(
      'sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1'
    )
  })

  it('reads the PDM 2.0-2.7 layout: metadata.files hashes, no groups, git packages', () => {
    const {packages} = extractFixture(pythonPdmLock, 'pypi/edge/pdm-legacy/pdm.lock')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}:${p.location.startLine}`)
    ).toEqual([
      'click@8.1.3:prod:false:4',
      'colorama@0.4.6:prod:false:13',
      'tool-from-git@0.2.0:prod:false:19'
    ])
    expect(byName(packages, 'click')).toMatchObject({
      integrity: 'sha256:bb4d8133cb15a609f44e8213d9b391b0809795062913b383c62be0ee95b1db48',
      dependencies: ['pkg:pypi/colorama@0.4.6']
    })
    expect(byName(packages, 'tool-from-git').integrity).toBeUndefined()
  })

  it('rejects bad files', () => {
    const text = fixture(path)
    expect(extractError(pythonPdmLock, withConflict(text, 12)).line).toBe(13)
    expect(
      extractError(pythonPdmLock, '[[package]]\nname = "x"\ngroups = "default"\n').message
    ).toMatch(/^unexpected content at key 'package.0.groups'/)
    expect(extractError(pythonPdmLock, text.slice(0, 500))).toMatchObject({
      message: 'invalid TOML (column 50): incomplete key-value: cannot find end of key',
      line: 17
    })
  })
})
