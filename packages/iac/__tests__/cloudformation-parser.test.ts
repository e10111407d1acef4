import {describe, expect, it} from '@jest/globals'
import {cloudformationParser, type CloudFormationDoc} from '../src/parsers/cloudformation'
import {intrinsic, propertyText} from '../src/parsers/cloudformation-values'

function parse(source: string, path = 'template.yaml'): CloudFormationDoc {
  const outcome = cloudformationParser.parse(source, path)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.doc
}

describe('cloudformationParser', () => {
  it('detects templates by AWSTemplateFormatVersion or AWS:: resource types', () => {
    expect(cloudformationParser.fileRequired('infra/stack.template')).toBe(true)
    expect(cloudformationParser.fileRequired('infra/stack.json')).toBe(true)
    expect(cloudformationParser.detect!("AWSTemplateFormatVersion: '2010-09-09'\n", 'a.yaml')).toBe(
      true
    )
    expect(
      cloudformationParser.detect!('Resources:\n  B:\n    Type: AWS::S3::Bucket\n', 'a.yaml')
    ).toBe(true)
    expect(
      cloudformationParser.detect!('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', 'a.json')
    ).toBe(true)
    expect(
      cloudformationParser.detect!('{"name": "pkg", "version": "1.0.0"}', 'package.json')
    ).toBe(false)
  })

  it('resolves !Ref and {"Ref"} to parameter defaults, leaves other intrinsics undecided', () => {
    const yaml = parse(`Parameters:
  Public:
    Type: String
    Default: 'true'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !Ref Public
      StorageEncrypted: !If [IsProd, true, false]
      Engine: postgres
`)
    const db = yaml.resources[0]!
    expect([db.logicalId, db.type, db.line]).toEqual(['Db', 'AWS::RDS::DBInstance', 6])
    expect(propertyText(yaml, db, 'PubliclyAccessible')).toBe('true')
    expect(propertyText(yaml, db, 'StorageEncrypted')).toBeUndefined()
    expect(propertyText(yaml, db, 'Engine')).toBe('postgres')

    const json = parse(
      '{"Parameters": {"Public": {"Type": "String", "Default": "false"}},\n "Resources": {\n  "Db": {"Type": "AWS::RDS::DBInstance",\n   "Properties": {"PubliclyAccessible": {"Ref": "Public"}, "KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}}}}',
      'template.json'
    )
    expect(json.resources[0]!.line).toBe(3)
    expect(propertyText(json, json.resources[0]!, 'PubliclyAccessible')).toBe('false')
    expect(intrinsic(json.resources[0]!.properties!.pairs[1]!.value)?.fn).toBe('Fn::GetAtt')
  })

  it('returns per-file errors naming the line', () => {
    const outcome = cloudformationParser.parse(
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: !Ref [\n",
      'template.yaml'
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatch(/^invalid YAML at line \d+/)
    expect(cloudformationParser.parse('"AWS::S3::Bucket"\n', 'template.yaml')).toEqual({
      ok: false,
      error: 'invalid CloudFormation template at line 1: expected a mapping with Resources'
    })
  })
})
