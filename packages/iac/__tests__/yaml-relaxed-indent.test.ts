import {describe, expect, it} from '@jest/globals'
import {cloudformationParser} from '../src/parsers/cloudformation'
import {parseYaml} from '../src/parsers/yaml-document'
import {relaxFlowIndentation} from '../src/parsers/yaml-relaxed-indent'

/** What PyYAML and the SAM CLI accept: continuation lines at the parent key's indentation. */
const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: "Orders API:
  one function per route"
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Policies: [
      AWSLambdaBasicExecutionRole
      ]
      Environment:
        Variables: {
        TABLE: orders
        }
      Events:
        Api:
          Type: Api
          Properties:
            Path: "/orders/{id}"
            Method: get
`

describe('YAML that PyYAML accepts', () => {
  it('reads flow collections and quoted scalars at the parent indentation, lines unchanged', () => {
    const parsed = cloudformationParser.parse(SAM, 'template.yaml')
    if (!parsed.ok) throw new Error(parsed.error)
    const fn = parsed.doc.resources.find(r => r.logicalId === 'Orders')!
    expect(fn.line).toBe(6)
    const policies = fn.properties!.pairs.find(p => p.key === 'Policies')!
    expect(policies.keyLine).toBe(11)
    expect(policies.value).toMatchObject({
      kind: 'seq',
      items: [{value: 'AWSLambdaBasicExecutionRole', line: 12}]
    })
    const root = parsed.doc.file.documents[0]!
    expect(
      root.kind === 'map' && root.pairs.find(p => p.key === 'Description')?.value
    ).toMatchObject({value: 'Orders API: one function per route'})
  })

  it('leaves block scalars, comments and well-indented files alone', () => {
    const text = `run: |
  echo "it's [not a flow
  still block
key: value # it's a comment [
`
    expect(relaxFlowIndentation(text)).toBe(text)
  })

  it('still rejects YAML that PyYAML rejects too, with the strict error', () => {
    const outcome = parseYaml('a:\n  b: [1, 2\nc: 3\n')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatch(/^invalid YAML at line \d+/)
  })

  it('a duplicate key names the key and its line', () => {
    const outcome = parseYaml('Resources:\n  Bucket:\n    Type: x\n  Bucket:\n    Type: y\n')
    expect(outcome).toEqual({
      ok: false,
      error: 'invalid YAML at line 4, column 3: duplicate key "Bucket": Map keys must be unique'
    })
  })
})
