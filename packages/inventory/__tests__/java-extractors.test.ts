import {describe, expect, it} from '@jest/globals'
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
