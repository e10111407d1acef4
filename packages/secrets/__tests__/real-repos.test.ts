import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {scan} from './helpers/scan'

// Files from public repositories of different kinds (SOURCE.md), with every finding judged by hand
// in expected.json: a change that adds a finding there (noise) or loses a wanted one fails here.
const ROOT = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'real-repos',
  'secrets'
)

interface Expected {
  repo: string
  path: string
  line: number
  rule: string
  /** Would the repository's maintainers want it reported (rotate, or move out of the file)? */
  wanted: boolean
  why: string
}

const expected: Expected[] = JSON.parse(readFileSync(join(ROOT, 'expected.json'), 'utf8'))
const repos = readdirSync(ROOT, {withFileTypes: true})
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
const key = (repo: string, path: string, line: number, rule: string) =>
  `${repo} ${path}:${line} ${rule}`

describe('real repositories, findings judged by hand', () => {
  it('holds at least 8 repositories', () => {
    expect(repos.length).toBeGreaterThanOrEqual(8)
  })

  it('finds exactly the judged findings', async () => {
    const found: string[] = []
    for (const repo of repos) {
      const report = await scan(join(ROOT, repo), {}, {}, {})
      expect(report.errors).toEqual([])
      for (const f of report.findings)
        found.push(key(repo, f.location.path, f.location.startLine, f.ruleId))
    }
    expect(found.sort()).toEqual(expected.map(e => key(e.repo, e.path, e.line, e.rule)).sort())
  })
})
