import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {javaGradleLockfile} from '../src/extractors/java-gradle-lockfile'
import {javaPomXml} from '../src/extractors/java-pom-xml'
import {
  byName,
  extractError,
  extractFixture,
  fixture,
  linesMatching,
  withConflict
} from './ecosystem-fixtures'

describe('java/gradle-lockfile', () => {
  const path = 'maven/vulnerable-java-application/gradle.lockfile'

  it('matches gradle.lockfile and legacy per-configuration lockfiles', () => {
    expect(javaGradleLockfile.matches('app/gradle.lockfile')).toBe(true)
    expect(javaGradleLockfile.matches('gradle/dependency-locks/compileClasspath.lockfile')).toBe(
      true
    )
    expect(javaGradleLockfile.matches('build.gradle')).toBe(false)
  })

  it('reads the real DataDog gradle.lockfile with build.gradle', () => {
    const text = fixture(path)
    const {packages} = extractFixture(javaGradleLockfile, path)
    const entries = linesMatching(text, /^[^#].*:.*:.*=/)
    expect(packages.map(p => p.location.startLine)).toEqual(entries)
    expect(byName(packages, 'org.springframework.boot:spring-boot-starter-web')).toMatchObject({
      version: '3.2.5',
      purl: 'pkg:maven/org.springframework.boot/spring-boot-starter-web@3.2.5',
      direct: true,
      scope: 'prod',
      location: {path, startLine: 56}
    })
    expect(byName(packages, 'org.junit.jupiter:junit-jupiter-api')).toMatchObject({
      version: '5.10.2',
      direct: false,
      scope: 'dev',
      location: {startLine: 34}
    })
    expect(byName(packages, 'org.projectlombok:lombok')).toMatchObject({
      direct: true,
      scope: 'prod',
      location: {startLine: 47}
    })
    expect(byName(packages, 'net.logstash.logback:logstash-logback-encoder')).toMatchObject({
      version: '7.2',
      direct: true
    })
    expect(
      packages
        .filter(p => p.direct)
        .map(p => p.name)
        .sort()
    ).toEqual([
      'net.logstash.logback:logstash-logback-encoder',
      'org.junit.platform:junit-platform-launcher',
      'org.projectlombok:lombok',
      'org.springframework.boot:spring-boot-starter-test',
      'org.springframework.boot:spring-boot-starter-web'
    ])
  })

  it('reads Kotlin DSL declarations and development-only configurations', () => {
    const {packages} = extractFixture(javaGradleLockfile, 'maven/gradle-edge/gradle.lockfile')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}:${p.location.startLine}`)
    ).toEqual([
      'com.google.guava:failureaccess@1.0.2:prod:false:4',
      'com.google.guava:guava@33.1.0-jre:prod:true:5',
      'org.junit.jupiter:junit-jupiter@5.10.2:dev:true:6',
      'org.projectlombok:lombok@1.18.32:prod:true:7',
      'org.springframework.boot:spring-boot-devtools@3.2.5:dev:true:8'
    ])
  })

  it('rejects malformed lines and conflicts with the line', () => {
    const text = fixture(path)
    expect(
      extractError(
        javaGradleLockfile,
        text.replace('org.yaml:snakeyaml:2.2=', 'org.yaml:snakeyaml=')
      )
    ).toMatchObject({
      message: expect.stringMatching(
        /^expected 'group:artifact:version=configurations', got 'org.yaml:snakeyaml=/
      ),
      line: 71
    })
    expect(extractError(javaGradleLockfile, withConflict(text, 10)).line).toBe(11)
  })
})

describe('java/pom-xml', () => {
  const path = 'maven/pom-service/pom.xml'

  it('matches pom.xml only', () => {
    expect(javaPomXml.matches('service/pom.xml')).toBe(true)
    expect(javaPomXml.matches('pom.xml.orig')).toBe(false)
  })

  it('reads a service POM: properties, managed versions, scopes, BOM imports skipped', () => {
    const text = fixture(path)
    const {packages, warnings} = extractFixture(javaPomXml, path)
    const declared = linesMatching(text, /<dependency>/).length
    // one BOM import is skipped; log4j-core is declared twice (managed + used) and reported once
    expect(packages).toHaveLength(declared - 2)
    expect(
      packages.map(
        p => `${p.name}@${p.version}:${p.scope}:${p.direct}:${p.pinned}:${p.location.startLine}`
      )
    ).toEqual([
      'org.springframework.boot:spring-boot-starter-web@:prod:true:false:44',
      'com.fasterxml.jackson.core:jackson-databind@2.15.4:prod:true:true:48',
      'org.apache.logging.log4j:log4j-core@2.17.1:prod:true:true:53',
      'org.postgresql:postgresql@42.7.3:prod:true:true:57',
      'jakarta.servlet:jakarta.servlet-api@6.0.0:prod:true:true:63',
      'org.springframework.boot:spring-boot-starter-test@:dev:true:false:69',
      'org.testcontainers:postgresql@1.19.7:dev:true:true:74'
    ])
    expect(byName(packages, 'org.apache.logging.log4j:log4j-core').purl).toBe(
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1'
    )
    expect(byName(packages, 'org.springframework.boot:spring-boot-starter-web').purl).toBe(
      'pkg:maven/org.springframework.boot/spring-boot-starter-web'
    )
    expect(warnings).toEqual([
      `${path}:44: org.springframework.boot:spring-boot-starter-web has no version in this file (parent or BOM)`,
      `${path}:69: org.springframework.boot:spring-boot-starter-test has no version in this file (parent or BOM)`
    ])
  })

  it('resolves chained and project properties, reports ranges and unresolved ones unpinned', () => {
    const {packages, warnings} = extractFixture(javaPomXml, 'maven/pom-edge/pom.xml')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.pinned}:${p.location.startLine}`)
    ).toEqual([
      'com.example:edge-api@2.0.0:prod:true:16',
      'com.example:platform-core@7.1.0:prod:true:21',
      'io.netty:netty-handler@4.1.108.Final:prod:true:26',
      'commons-io:commons-io@:prod:false:31',
      'org.slf4j:slf4j-api@:prod:false:36',
      'com.google.guava:guava@33.1.0-jre:optional:true:41',
      'com.oracle:ojdbc@19.3:prod:true:48',
      'org.awaitility:awaitility@4.2.1:dev:true:60'
    ])
    expect(warnings).toEqual([
      'maven/pom-edge/pom.xml:36: cannot resolve ${slf4j.version} from this file'
    ])
  })

  describe('generated worst cases stay linear and bounded', () => {
    const dependency = (artifact: string, version: string) =>
      `<dependency><groupId>g</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`
    const pom = (properties: string, dependencies: string) =>
      `<project>\n<properties>${properties}</properties>\n<dependencies>${dependencies}</dependencies>\n</project>\n`
    const timed = (text: string) => {
      const started = performance.now()
      let result: ReturnType<typeof javaPomXml.extract> | undefined
      let error: unknown
      try {
        result = javaPomXml.extract({path: 'pom.xml', text, siblings: {}})
      } catch (thrown) {
        error = thrown
      }
      return {result, error, ms: performance.now() - started}
    }

    it('20,000 nesting levels (the old path join was quadratic: about a minute)', () => {
      const deep = `${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}`
      const run = timed(pom(`<v>1.0.0</v><deep>${deep}</deep>`, dependency('a', '${v}') + deep))
      expect(run.error).toBeUndefined()
      expect(run.result!.packages.map(p => p.purl)).toEqual(['pkg:maven/g/a@1.0.0'])
      expect(run.ms).toBeLessThan(5000)
    })

    it('50,000 properties, every tenth used', () => {
      const n = 50_000
      const properties = Array.from({length: n}, (_, i) => `<p${i}>1.${i}</p${i}>`).join('')
      const dependencies = Array.from({length: n / 10}, (_, i) =>
        dependency(`a${i}`, `\${p${i * 10}}`)
      )
      const run = timed(pom(properties, dependencies.join('')))
      expect(run.error).toBeUndefined()
      expect(run.result!.packages).toHaveLength(n / 10)
      expect(run.result!.packages.at(-1)!.version).toBe(`1.${n - 10}`)
      expect(run.ms).toBeLessThan(5000)
    })

    it('an expansion bomb is an error at the line that uses it, found at once', () => {
      const levels = Array.from(
        {length: 12},
        (_, i) => `<b${i}>${`\${b${i + 1}}`.repeat(10)}</b${i}>`
      ).join('')
      const run = timed(pom(`${levels}<b12>1.0.0</b12>`, dependency('a', '${b0}')))
      expect(run.error).toBeInstanceOf(ExtractError)
      expect(run.error).toMatchObject({
        line: 3,
        message: expect.stringMatching(/expands to more than 10000 characters/)
      })
      expect(run.ms).toBeLessThan(1000)
    })

    it('a property cycle or a chain deeper than 64 is an error; names like __proto__ are plain', () => {
      expect(timed(pom('<a>${b}</a><b>${a}</b>', dependency('x', '${a}'))).error).toMatchObject({
        line: 3,
        message: 'property cycle: ${a} -> ${b} -> ${a}'
      })
      const chain = Array.from({length: 100}, (_, i) => `<c${i}>\${c${i + 1}}</c${i}>`).join('')
      expect(timed(pom(`${chain}<c100>1</c100>`, dependency('x', '${c0}'))).error).toMatchObject({
        message: 'property references nest deeper than 64 levels at ${c64}'
      })
      const shallow = timed(
        pom(`${chain.slice(chain.indexOf('<c90>'))}<c100>1</c100>`, dependency('x', '${c90}'))
      )
      expect(shallow.result!.packages[0]!.version).toBe('1')
      const proto = timed(
        pom(
          '<__proto__>2.0</__proto__>',
          dependency('x', '${__proto__}') + dependency('y', '${constructor}')
        )
      )
      expect(proto.result!.packages.map(p => `${p.name}@${p.version}`)).toEqual(['g:x@2.0', 'g:y@'])
    })
  })

  it('rejects malformed XML, other roots, incomplete dependencies and conflicts', () => {
    const text = fixture(path)
    const truncated = extractError(javaPomXml, text.slice(0, text.indexOf('<dependencies>', 1200)))
    expect(truncated).toMatchObject({
      message: 'invalid XML (column 2): unclosed tag: project',
      line: 43
    })
    expect(extractError(javaPomXml, '<settings><x/></settings>')).toMatchObject({
      message: 'expected a <project> root element, found <settings>',
      line: 1
    })
    const mismatched = extractError(
      javaPomXml,
      text.replace('</artifactId>\n      <version>42.7.3', '</artifact>\n      <version>42.7.3')
    )
    expect(mismatched).toMatchObject({
      line: 59,
      message: 'invalid XML (column 39): unexpected close tag.'
    })
    expect(
      extractError(
        javaPomXml,
        text.replace(
          '<artifactId>postgresql</artifactId>\n      <version>42.7.3',
          '<version>42.7.3'
        )
      )
    ).toMatchObject({
      message: '<dependency> without <groupId> or <artifactId>',
      line: 57
    })
    expect(extractError(javaPomXml, withConflict(text, 20)).line).toBe(21)
  })
})
