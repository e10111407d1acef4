import {describe, expect, it} from '@jest/globals'
import type {Check, CheckExample} from '../src/check'
import type {PlatformParser} from '../src/parser'
import {kubernetesChecks} from '../src/checks/kubernetes/index'
import {kubernetesParser} from '../src/parsers/kubernetes'
import {dockerfileChecks} from '../src/checks/dockerfile/index'
import {dockerfileParser} from '../src/parsers/dockerfile'
import {composeChecks} from '../src/checks/compose/index'
import {composeParser} from '../src/parsers/compose'
import {cloudformationChecks} from '../src/checks/cloudformation/index'
import {cloudformationParser} from '../src/parsers/cloudformation'
import {githubActionsChecks} from '../src/checks/github-actions/index'
import {githubActionsParser} from '../src/parsers/github-actions'

const PARSERS: Record<string, PlatformParser> = {
  kubernetes: kubernetesParser,
  dockerfile: dockerfileParser,
  compose: composeParser,
  cloudformation: cloudformationParser,
  'github-actions': githubActionsParser
}

const CHECKS: Check[] = [
  ...kubernetesChecks,
  ...dockerfileChecks,
  ...composeChecks,
  ...cloudformationChecks,
  ...githubActionsChecks
]

function runExample(check: Check, example: CheckExample): number[] {
  const parser = PARSERS[check.platform]!
  expect(parser.fileRequired(example.fileName)).toBe(true)
  if (parser.detect) expect(parser.detect(example.text, example.fileName)).toBe(true)
  const parsed = parser.parse(example.text, example.fileName)
  if (!parsed.ok) throw new Error(`${check.id} example does not parse: ${parsed.error}`)
  return check
    .run(parsed.doc)
    .map(r => r.line)
    .sort((a, b) => a - b)
}

describe('check examples (kubernetes, dockerfile, compose, cloudformation, github-actions)', () => {
  it('has unique ids', () => {
    expect(new Set(CHECKS.map(c => c.id)).size).toBe(CHECKS.length)
  })

  describe.each(CHECKS.map(c => [c.id, c] as const))('%s', (_id, check) => {
    it('reports exactly the fail example lines', () => {
      expect(runExample(check, check.fail)).toEqual([...check.fail.lines].sort((a, b) => a - b))
    })
    it('reports nothing on the pass example', () => {
      expect(runExample(check, check.pass)).toEqual([])
    })
    it('has complete metadata', () => {
      expect(check.id).toMatch(/^PG-(K8S|DOCKER|COMPOSE|CFN|GHA)-\d{3}$/)
      expect(check.title.length).toBeGreaterThan(5)
      expect(check.description.length).toBeGreaterThan(20)
      expect(check.remediation.length).toBeGreaterThan(10)
      expect(check.docs).toMatch(/^https:\/\//)
      expect(check.fail.lines.length).toBeGreaterThan(0)
    })
  })
})
