import {posix} from 'node:path'
import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package, Scope} from '../package'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {normalizePythonName, pypiPurl} from './python-name'
import {excerpt} from '../excerpt'

const FILE_NAME = /^(?:.*[-_.])?requirements(?:[-_.].*)?\.txt$/i
const IN_REQUIREMENTS_DIR = /(?:^|\/)requirements\/[^/]+\.txt$/i
/** PEP 508 name, optional extras, the rest (specifiers, then `; markers`). */
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/
const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+)/i
const INCLUDE_OPTIONS = new Set(['-r', '--requirement'])
/** pip options that take a value and add no package (indexes, constraints, links...). */
const VALUE_OPTIONS = new Set([
  '-c',
  '--constraint',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--trusted-host',
  '--no-binary',
  '--only-binary',
  '--use-feature',
  '--config-settings',
  '--global-option',
  '--hash'
])
const FLAG_OPTIONS = new Set(['--no-index', '--pre', '--prefer-binary', '--require-hashes'])

/** One requirement after joining continuations and dropping comments, at the line it starts on. */
interface LogicalLine {
  text: string
  line: number
}

/**
 * pip requirements files: every line is a direct dependency. Only `==`/`===` pins are versions; any
 * other line (ranges, bare names, URLs, `-e`) is reported with `pinned: false`, never guessed. `-r`
 * includes are followed through `readRelative` unless the included file is itself a requirements file
 * (then it is extracted on its own, located at its own lines). Scope is dev when the file name says
 * dev or test (`requirements-dev.txt`, `requirements/test.txt`).
 */
export const pythonRequirements: Extractor = {
  name: 'python/requirements',
  ecosystem: 'PyPI',
  matches: path => FILE_NAME.test(baseName(path)) || IN_REQUIREMENTS_DIR.test(path),
  // pip picks UTF-16 by a byte order mark (pip/_internal/utils/encoding.py auto_decode).
  encodings: {utf16: true},
  extract(input: ExtractInput): ExtractResult {
    const packages: Package[] = []
    const warnings: string[] = []
    const visited = new Set<string>()
    const visit = (path: string, text: string, scope: Scope) => {
      visited.add(path)
      assertNoConflictMarkers(text)
      for (const logical of logicalLines(text)) {
        const include = parseLine(logical, path, scope, packages, warnings)
        if (include === undefined) continue
        const target = posix.normalize(posix.join(posix.dirname(path), include))
        if (pythonRequirements.matches(target) || visited.has(target)) continue
        let included: string | undefined
        try {
          included = target.startsWith('../') ? undefined : input.readRelative?.(target)
          if (included !== undefined) visit(target, included, scope)
        } catch (error) {
          // An include that cannot be read would drop its packages: the whole file fails.
          if (!(error instanceof ExtractError)) throw error
          const where = `${target}${error.line ? `:${error.line}` : ''}`
          throw new ExtractError(`included file ${where}: ${error.message}`, logical.line)
        }
        if (included === undefined)
          warnings.push(`${path}:${logical.line}: included file ${include} not found`)
      }
    }
    visit(input.path, input.text, /(?:dev|test)/i.test(baseName(input.path)) ? 'dev' : 'prod')
    return {packages, warnings}
  }
}

function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = []
  let pending: LogicalLine | undefined
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.replace(/(?:^|\s)#.*$/, '')
    const continued = /\\$/.test(content)
    const piece = continued ? content.slice(0, -1) : content
    pending = pending
      ? {text: `${pending.text} ${piece}`, line: pending.line}
      : {text: piece, line: i + 1}
    if (!continued) {
      if (pending.text.trim() !== '') result.push({text: pending.text.trim(), line: pending.line})
      pending = undefined
    }
  })
  if (pending && pending.text.trim() !== '')
    result.push({text: pending.text.trim(), line: pending.line})
  return result
}

/** Adds the line's package, or returns the path of a `-r` include. */
function parseLine(
  logical: LogicalLine,
  path: string,
  scope: Scope,
  packages: Package[],
  warnings: string[]
): string | undefined {
  const tokens = logical.text.split(/\s+/)
  const first = tokens[0] ?? ''
  const where = `${path}:${logical.line}`
  const add = (name: string, version: string, integrity?: string) =>
    packages.push({
      ecosystem: 'PyPI',
      name: normalizePythonName(name),
      version,
      purl: pypiPurl(name, version),
      direct: true,
      scope,
      ...(integrity ? {integrity} : {}),
      pinned: version !== '',
      location: {path, startLine: logical.line},
      dependencies: []
    })
  if (first.startsWith('-')) {
    const [option, inlineValue] = first.includes('=')
      ? [first.slice(0, first.indexOf('=')), first.slice(first.indexOf('=') + 1)]
      : [first, undefined]
    const value = inlineValue ?? tokens[1]
    if (INCLUDE_OPTIONS.has(option) || (option.startsWith('-r') && option.length > 2)) {
      const target = option.startsWith('-r') && option.length > 2 ? option.slice(2) : value
      if (target) return target
      warnings.push(`${where}: ${option} without a file name`)
    } else if (option === '-e' || option === '--editable') {
      const egg = value ? eggName(value) : undefined
      if (egg) add(egg, '')
      else
        warnings.push(
          `${where}: editable requirement ${excerpt(value ?? '')} has no package name (local code is not a package)`
        )
    } else if (!VALUE_OPTIONS.has(option) && !FLAG_OPTIONS.has(option))
      warnings.push(`${where}: unknown option ${excerpt(option)}`)
    return undefined
  }
  // pip's own split: the requirement is everything before the first option token.
  const optionAt = tokens.findIndex(token => token.startsWith('--'))
  const requirement = (optionAt === -1 ? tokens : tokens.slice(0, optionAt)).join(' ')
  const options = optionAt === -1 ? [] : tokens.slice(optionAt)
  const hashIndex = options.findIndex(token => token.startsWith('--hash'))
  const hashToken = options[hashIndex]
  const integrity =
    hashIndex === -1
      ? undefined
      : hashToken?.includes('=')
        ? hashToken.slice(hashToken.indexOf('=') + 1)
        : options[hashIndex + 1]
  if (URL.test(requirement)) {
    const egg = eggName(requirement)
    if (egg) add(egg, '')
    else warnings.push(`${where}: URL requirement without #egg= name`)
    return undefined
  }
  const match = REQUIREMENT.exec(requirement)
  if (!match) {
    warnings.push(`${where}: not a requirement: ${excerpt(requirement)}`)
    return undefined
  }
  const name = match[1] as string
  const specifier = (match[3] ?? '').split(';')[0]?.trim() ?? ''
  if (specifier.startsWith('@')) {
    add(name, '')
    return undefined
  }
  const pin = /^===?\s*([^\s,*;]+)$/.exec(specifier)
  if (specifier !== '' && !pin && !/^(?:[<>=!~]=?|===)/.test(specifier)) {
    warnings.push(`${where}: cannot read the version specifier '${excerpt(specifier)}'`)
    return undefined
  }
  add(name, pin?.[1] ?? '', integrity)
  return undefined
}

function eggName(url: string): string | undefined {
  const match = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)
  return match?.[1]
}
