import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {packageUrl} from '../package-url'

const ENTRY = /^([^:\s=]+):([^:\s=]+):([^:\s=]+)=(.*)$/
/** Test suites and development-only tooling (Spring Boot's developmentOnly, testAndDevelopmentOnly). */
const DEV_CONFIGURATION = /test|developmentonly/i
/** `'group:artifact[:version]'` string notation and `group: 'g', name: 'a'` map notation in a build script. */
const STRING_NOTATION = /["']([\w.-]+):([\w.-]+)(?::[^"':]*)?(?::[^"']*)?["']/g
const MAP_NOTATION = /group\s*[:=]\s*["']([\w.-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["']/g

/**
 * gradle.lockfile: one `group:artifact:version=configuration,...` line per module. Scope is dev when
 * every configuration that resolves it is a test or development-only one. Direct when the sibling
 * build script names the module (read as text: a Groovy/Kotlin build script is a program).
 */
export const javaGradleLockfile: Extractor = {
  name: 'java/gradle-lockfile',
  ecosystem: 'Maven',
  siblings: ['build.gradle', 'build.gradle.kts'],
  matches: path =>
    baseName(path) === 'gradle.lockfile' ||
    /(?:^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(path),
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    assertNoConflictMarkers(text)
    const declared = declaredModules(siblings['build.gradle'] ?? siblings['build.gradle.kts'])
    const packages: Package[] = []
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim()
      if (line === '' || line.startsWith('#') || line.startsWith('empty=')) return
      const match = ENTRY.exec(line)
      if (!match)
        throw new ExtractError(
          `expected 'group:artifact:version=configurations', got '${line.slice(0, 120)}'`,
          i + 1
        )
      const [, group, artifact, version, configurations] = match as unknown as [
        string,
        string,
        string,
        string,
        string
      ]
      const names = configurations.split(',').filter(Boolean)
      packages.push({
        ecosystem: 'Maven',
        name: `${group}:${artifact}`,
        version,
        purl: packageUrl('maven', group, artifact, version, i + 1),
        direct: declared?.has(`${group}:${artifact}`) ?? false,
        scope:
          names.length > 0 && names.every(name => DEV_CONFIGURATION.test(name)) ? 'dev' : 'prod',
        pinned: true,
        location: {path, startLine: i + 1},
        dependencies: []
      })
    })
    return {packages}
  }
}

function declaredModules(script: string | undefined): Set<string> | undefined {
  if (script === undefined) return undefined
  const modules = new Set<string>()
  for (const match of script.matchAll(STRING_NOTATION)) modules.add(`${match[1]}:${match[2]}`)
  for (const match of script.matchAll(MAP_NOTATION)) modules.add(`${match[1]}:${match[2]}`)
  return modules
}
