import {randomBytes} from 'node:crypto'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {scanDir} from './scan-helper'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const random = (n: number) => [...randomBytes(n)].map(b => ALNUM[b % ALNUM.length]).join('')

/** One file per platform whose secret check reports the line that holds the literal. */
const CASES: Array<[string, string, (secret: string) => string]> = [
  [
    'PG-TF-028',
    'main.tf',
    s =>
      `resource "aws_lambda_function" "api" {\n  function_name = "api"\n  environment {\n    variables = { DB_PASSWORD = "${s}" }\n  }\n}\n`
  ],
  [
    'PG-COMPOSE-008',
    'compose.yaml',
    s => `services:\n  web:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: ${s}\n`
  ],
  [
    'PG-K8S-018',
    'pod.yaml',
    s =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: nginx:1.27\n      env:\n        - {name: DB_PASSWORD, value: ${s}}\n`
  ],
  ['PG-DOCKER-013', 'Dockerfile', s => `FROM alpine:3.20\nENV DB_PASSWORD=${s}\n`]
]

async function finding(ruleId: string, file: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
  writeFileSync(join(dir, file), text)
  const report = await scanDir(dir)
  const found = report.findings.filter(f => f.ruleId === ruleId)
  expect(found).toHaveLength(1)
  return {finding: found[0]!, line: text.split('\n')[found[0]!.location.startLine - 1]!}
}

describe('IaC fingerprints', () => {
  it.each(CASES)(
    '%s: a literal secret on the line is not part of the fingerprint',
    async (ruleId, file, text) => {
      // Same redacted prefix, different secret: the report shows the same, so must the fingerprint.
      const prefix = random(8)
      const first = await finding(ruleId, file, text(prefix + random(24)))
      const second = await finding(ruleId, file, text(prefix + random(24)))
      expect(first.line).toContain(prefix)
      expect(second.finding.fingerprint).toBe(first.finding.fingerprint)
      expect(JSON.stringify(first.finding)).not.toContain(first.line.match(/[A-Za-z0-9]{32}/)![0])
    }
  )

  it('still tells apart two findings of one check on one resource', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    writeFileSync(
      join(dir, 'main.tf'),
      `resource "aws_lambda_function" "api" {\n  function_name = "api"\n  environment {\n    variables = {\n      DB_PASSWORD = "${random(20)}"\n    }\n  }\n}\nresource "aws_lambda_function" "web" {\n  function_name = "web"\n  environment {\n    variables = {\n      API_TOKEN = "${random(20)}"\n    }\n  }\n}\n`
    )
    const prints = (await scanDir(dir)).findings
      .filter(f => f.ruleId === 'PG-TF-028')
      .map(f => f.fingerprint)
    expect(prints).toHaveLength(2)
    expect(new Set(prints).size).toBe(2)
  })
})
