import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {defaultConfig} from '@pipeguard/core'
import {sbomValidators} from '../../../test/helpers/sbom-schemas'
import {generateSbom} from '../src/generate-sbom'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures')
const inventoryFixtures = join(fixtures, 'inventory')

/** Every folder of real lockfiles (those with a SOURCE.md naming a public repository). */
function realProjects(): string[] {
  const out: string[] = []
  for (const ecosystem of readdirSync(inventoryFixtures)) {
    const dir = join(inventoryFixtures, ecosystem)
    if (!statSync(dir).isDirectory()) continue
    for (const name of readdirSync(dir)) {
      const project = join(dir, name)
      if (!statSync(project).isDirectory()) continue
      const source = join(project, 'SOURCE.md')
      try {
        if (
          /github\.com|commit/i.test(readFileSync(source, 'utf8')) &&
          !/hand-(made|written)/i.test(readFileSync(source, 'utf8'))
        )
          out.push(project)
      } catch {
        // no SOURCE.md: not a real-project folder
      }
    }
  }
  return out.sort()
}

/** name@version pairs from `npm ls --all --json`, workspaces and links excluded like npm's own packages. */
function npmLsSet(file: string): Set<string> {
  const out = new Set<string>()
  const walk = (
    deps:
      | Record<
          string,
          {version?: string; resolved?: string; dependencies?: Record<string, unknown>}
        >
      | undefined
  ): void => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      // An alias (`string-width-cjs` = npm:string-width@4.2.3) is listed under its alias key; the
      // registry URL names the real package.
      const real = /\/((?:@[^/]+\/)?[^/@]+)\/-\//.exec(node.resolved ?? '')?.[1] ?? name
      if (node.version && !node.resolved?.startsWith('file:'))
        out.add(`${decodeURIComponent(real)}@${node.version}`)
      walk(node.dependencies as never)
    }
  }
  walk(JSON.parse(readFileSync(file, 'utf8')).dependencies)
  return out
}

function purlToNameVersion(purl: string): string {
  const m = /^pkg:npm\/(.+)@([^@?#]+)$/.exec(purl)!
  return `${decodeURIComponent(m[1]!)}@${m[2]}`
}

describe('SBOMs of the real lockfiles', () => {
  const validators = sbomValidators()
  const projects = realProjects()

  it('finds the real lockfile folders', () => {
    expect(projects.length).toBeGreaterThanOrEqual(15)
  })

  it.each(projects.map(p => [p.slice(inventoryFixtures.length + 1), p]))(
    '%s: CycloneDX 1.6 and SPDX 2.3 validate against the official schemas',
    async (_name, project) => {
      const cdx = await generateSbom(
        project,
        defaultConfig(),
        {format: 'cyclonedx-json', specVersion: '1.6'},
        {}
      )
      expect(cdx.inventory.errors).toEqual([])
      expect(cdx.components.length).toBeGreaterThan(0)
      const cdxDoc = JSON.parse(cdx.document)
      expect(validators.cyclonedx('1.6', cdxDoc)).toEqual([])
      expect(cdxDoc.components).toHaveLength(cdx.components.length)
      const spdx = await generateSbom(
        project,
        defaultConfig(),
        {format: 'spdx-json', specVersion: '1.6'},
        {}
      )
      const spdxDoc = JSON.parse(spdx.document)
      expect(validators.spdx(spdxDoc)).toEqual([])
      expect(spdxDoc.packages).toHaveLength(cdx.components.length + 1)
      const again = await generateSbom(
        project,
        defaultConfig(),
        {format: 'cyclonedx-json', specVersion: '1.6'},
        {}
      )
      expect(again.document).toBe(cdx.document)
    }
  )

  it.each(['v1', 'v2', 'v3'])(
    'actions-toolkit %s: components equal npm ls and cyclonedx-npm',
    async version => {
      const project = join(inventoryFixtures, 'npm', `actions-toolkit-${version}`)
      const {document} = await generateSbom(
        project,
        defaultConfig(),
        {format: 'cyclonedx-json', specVersion: '1.6'},
        {}
      )
      const components = JSON.parse(document).components as Array<{
        purl: string
        group?: string
        name: string
        version: string
      }>
      const ours = new Set(components.map(c => c.purl))
      // purls lower-case npm names (purl spec); npm ls keeps legacy capitals such as JSONStream.
      expect(
        new Set(components.map(c => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`))
      ).toEqual(npmLsSet(join(project, 'npm-ls.json')))

      // cyclonedx-npm also lists the repository's own workspace packages, which npm ls and pipeguard
      // report as the project rather than as dependencies: those are the only allowed difference.
      const theirs = readFileSync(
        join(fixtures, 'sbom', `cyclonedx-npm-actions-toolkit-${version}.purls.txt`),
        'utf8'
      )
        .trim()
        .split('\n')
      const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'))
      const workspaceNames = new Set(
        Object.entries((lock.packages ?? {}) as Record<string, {name?: string; link?: boolean}>)
          .filter(([key, entry]) => key !== '' && !key.includes('node_modules/') && entry.name)
          .map(([, entry]) => entry.name!)
      )
      const theirsWithoutWorkspaces = theirs.filter(
        p => !workspaceNames.has(purlToNameVersion(p).replace(/@[^@]+$/, '')) || ours.has(p)
      )
      expect([...ours].filter(p => !theirs.includes(p))).toEqual([])
      expect(theirsWithoutWorkspaces.filter(p => !ours.has(p))).toEqual([])
    }
  )
})
