import {describe, expect, it} from '@jest/globals'
import {parseSuppressions, SuppressionIndex, type SuppressionTarget} from '../src/suppression'

function suppressed(
  text: string,
  target: Omit<SuppressionTarget, 'endLine'> & {endLine?: number}
): boolean {
  return new SuppressionIndex(parseSuppressions(text), text.split('\n')).match({
    endLine: target.line,
    ...target
  }).suppressed
}

describe('parseSuppressions', () => {
  it('reads every supported form with its ids and reason', () => {
    const text = [
      '# pipeguard:ignore PG-TF-001,PG-TF-002 shared bucket for the website',
      '#checkov:skip=CKV_AWS_20:website',
      '// tfsec:ignore:aws-s3-enable-bucket-logging:exp:2030-01-01',
      '# trivy:ignore:AVD-AWS-0089',
      '# kics-scan ignore-line',
      '# kics-scan ignore-block',
      '# hadolint ignore=DL3007,DL3008',
      'run: echo hi # zizmor: ignore[template-injection]',
      'acl = "private" # not a suppression'
    ].join('\n')
    expect(parseSuppressions(text)).toEqual([
      {
        kind: 'pipeguard',
        line: 1,
        ids: ['pg-tf-001', 'pg-tf-002'],
        reason: 'shared bucket for the website'
      },
      {kind: 'checkov', line: 2, ids: ['ckv_aws_20'], reason: 'website'},
      {kind: 'tfsec', line: 3, ids: ['aws-s3-enable-bucket-logging'], reason: ''},
      {kind: 'tfsec', line: 4, ids: ['avd-aws-0089'], reason: ''},
      {kind: 'kics-line', line: 5, ids: [], reason: ''},
      {kind: 'kics-block', line: 6, ids: [], reason: ''},
      {kind: 'hadolint', line: 7, ids: ['dl3007', 'dl3008'], reason: ''},
      {kind: 'zizmor', line: 8, ids: ['template-injection'], reason: ''}
    ])
  })
})

describe('SuppressionIndex.match', () => {
  const ids = ['PG-TF-001', 'CKV_AWS_20', 'aws-s3-no-public-access-with-acl']

  it('pipeguard: same line, line above or inside the block, only for the named check', () => {
    expect(
      suppressed('acl = "public-read" # pipeguard:ignore PG-TF-001 website', {line: 1, ids})
    ).toBe(true)
    expect(
      suppressed('# pipeguard:ignore pg-tf-001 website\nacl = "public-read"', {line: 2, ids})
    ).toBe(true)
    const block =
      'resource "x" "y" {\n  # pipeguard:ignore PG-TF-001 website\n  a = 1\n  acl = "public-read"\n}'
    expect(suppressed(block, {line: 4, ids, block: {startLine: 1, endLine: 5}})).toBe(true)
    expect(suppressed(block, {line: 4, ids})).toBe(false)
    expect(
      suppressed('# pipeguard:ignore PG-TF-002 other\nacl = "public-read"', {line: 2, ids})
    ).toBe(false)
    expect(
      suppressed('# pipeguard:ignore PG-TF-001 website\n\nacl = "public-read"', {line: 3, ids})
    ).toBe(false)
  })

  it('pipeguard without a reason is reported, not honoured', () => {
    const text = '# pipeguard:ignore PG-TF-001\nacl = "public-read"'
    const match = new SuppressionIndex(parseSuppressions(text), text.split('\n')).match({
      line: 2,
      endLine: 2,
      ids
    })
    expect(match).toEqual({suppressed: false, missingReason: expect.objectContaining({line: 1})})
  })

  it('checkov: anywhere in the enclosing block, by alias', () => {
    const text = 'resource "x" "y" {\n  acl = "public-read"\n  #checkov:skip=CKV_AWS_20\n}'
    expect(suppressed(text, {line: 2, ids, block: {startLine: 1, endLine: 4}})).toBe(true)
    expect(
      suppressed(text, {
        line: 2,
        ids: ['PG-TF-002', 'CKV_AWS_21'],
        block: {startLine: 1, endLine: 4}
      })
    ).toBe(false)
  })

  it('tfsec/trivy: the line, the line above, or above the block', () => {
    const text =
      '#tfsec:ignore:aws-s3-no-public-access-with-acl\nresource "x" "y" {\n  a = 1\n  acl = "public-read"\n}'
    expect(suppressed(text, {line: 4, ids, block: {startLine: 2, endLine: 5}})).toBe(true)
    expect(suppressed(text, {line: 4, ids})).toBe(false)
  })

  it('kics ignore-line: the next line only; ignore-block: the indented block below', () => {
    expect(suppressed('# kics-scan ignore-line\nprivileged: true\nx: 1', {line: 2, ids})).toBe(true)
    expect(suppressed('# kics-scan ignore-line\nprivileged: true\nx: 1', {line: 3, ids})).toBe(
      false
    )
    const yaml =
      'spec:\n  # kics-scan ignore-block\n  securityContext:\n    privileged: true\n  hostNetwork: true'
    expect(suppressed(yaml, {line: 4, ids})).toBe(true)
    expect(suppressed(yaml, {line: 5, ids})).toBe(false)
  })

  it('hadolint: the next instruction only', () => {
    const docker = '# hadolint ignore=DL3007\n\nFROM node:latest\nFROM alpine:latest'
    expect(suppressed(docker, {line: 3, ids: ['PG-DOCKER-001', 'DL3007']})).toBe(true)
    expect(suppressed(docker, {line: 4, ids: ['PG-DOCKER-001', 'DL3007']})).toBe(false)
    expect(suppressed(docker, {line: 3, ids: ['PG-DOCKER-002', 'DL3008']})).toBe(false)
  })

  it("zizmor: a comment on the finding's own lines", () => {
    const wf =
      'steps:\n  - run: echo ${{ github.event.issue.title }} # zizmor: ignore[template-injection]'
    expect(suppressed(wf, {line: 2, ids: ['PG-GHA-001', 'template-injection']})).toBe(true)
    expect(suppressed(wf, {line: 1, ids: ['PG-GHA-001', 'template-injection']})).toBe(false)
  })
})
