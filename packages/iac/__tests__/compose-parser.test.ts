import {describe, expect, it} from '@jest/globals'
import {composeParser} from '../src/parsers/compose'

describe('composeParser', () => {
  it('claims docker-compose*.yml and compose*.yml with a services key', () => {
    for (const path of [
      'docker-compose.yml',
      'deploy/docker-compose.prod.yaml',
      'compose.yaml',
      'compose.override.yml'
    ]) {
      expect(composeParser.fileRequired(path)).toBe(true)
    }
    expect(composeParser.fileRequired('k8s/deployment.yaml')).toBe(false)
    expect(composeParser.detect!('version: "3.8"\nservices:\n  web: {}\n', 'compose.yml')).toBe(
      true
    )
    expect(
      composeParser.detect!('jobs:\n  build:\n    services:\n      db: {}\n', 'compose.yml')
    ).toBe(false)
  })

  it('lists services with the line of their key, merge keys applied', () => {
    const outcome = composeParser.parse(
      `x-base: &base
  privileged: true
services:
  web:
    <<: *base
    image: nginx:1.27
  db:
    image: postgres:16.4
`,
      'compose.yml'
    )
    if (!outcome.ok) throw new Error(outcome.error)
    expect(outcome.doc.services.map(s => [s.ref, s.line, s.node.pairs.map(p => p.key)])).toEqual([
      ['services.web', 4, ['image', 'privileged']],
      ['services.db', 7, ['image']]
    ])
  })

  it('returns per-file errors for invalid YAML and a non-mapping document', () => {
    const invalid = composeParser.parse('services:\n  web:\n    image: "nginx\n', 'compose.yml')
    expect(invalid.ok).toBe(false)
    if (!invalid.ok) expect(invalid.error).toMatch(/^invalid YAML at line \d+/)
    expect(composeParser.parse('- services\n', 'compose.yml')).toEqual({
      ok: false,
      error: 'invalid Compose file at line 1: expected a mapping with a services key'
    })
  })
})
