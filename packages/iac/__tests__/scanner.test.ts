import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {brief, scanDir} from './scan-helper'

const FIXTURES = 'test/fixtures/iac'

describe('iac scanner on Terraform', () => {
  it('finds nothing in the hardened examples', async () => {
    const report = await scanDir(`${FIXTURES}/clean/terraform`)
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual([])
  })

  it('reports every problem of the insecure examples on its line', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/terraform`, {iac: {profile: 'strict'}})
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(
      [
        'azure.tf:7 PG-TF-043', // min_tls_version = "TLS1_0"
        'azure.tf:8 PG-TF-044', // https_traffic_only_enabled = false
        'azure.tf:10 PG-TF-045', // network_rules default_action = "Allow"
        'gcp.tf:7 PG-TF-060', // tcp on every port from 0.0.0.0/0 includes SSH (and RDP, named in it)
        'gcp.tf:13 PG-TF-058', // members = ["allUsers"]
        'main.tf:5 PG-TF-003', // bucket without encryption configuration
        'main.tf:5 PG-TF-004', // ... versioning
        'main.tf:5 PG-TF-005', // ... logging
        'main.tf:7 PG-TF-001', // acl from a variable default "public-read"
        'main.tf:18 PG-TF-007', // dynamic ingress expanded: port 22 from the world (and 3389)
        'main.tf:26 PG-TF-011', // jsonencode policy with Action "*" on Resource "*"
        'main.tf:32 PG-TF-013', // storage_encrypted missing
        'main.tf:32 PG-TF-015', // deletion_protection missing
        'main.tf:35 PG-TF-012', // publicly_accessible = true
        'main.tf:44 PG-TF-026' // count = 1 through a conditional; no metadata_options (count = 0 one is skipped)
      ].sort()
    )
  })

  it('fills in the finding from the check', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/terraform`)
    const acl = report.findings.find(f => f.ruleId === 'PG-TF-001')!
    expect(acl).toMatchObject({
      scanner: 'iac',
      severity: 'high',
      title: 'S3 bucket ACL grants public access',
      message: 'S3 ACL "public-read" is public (aws_s3_bucket.public)',
      helpUri: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//),
      remediation: expect.stringContaining('private'),
      properties: {platform: 'terraform', resource: 'aws_s3_bucket.public'},
      location: {path: 'main.tf', startLine: 7, endLine: 7}
    })
  })

  it('keeps fingerprints when lines move', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    cpSync(`${FIXTURES}/insecure/terraform`, dir, {recursive: true})
    const before = await scanDir(dir)
    writeFileSync(
      join(dir, 'main.tf'),
      '\n\n# moved down\n' + readFileSync(join(dir, 'main.tf'), 'utf8')
    )
    const after = await scanDir(dir)
    const prints = (r: typeof before) => r.findings.map(f => f.fingerprint).sort()
    expect(prints(after)).toEqual(prints(before))
    expect(after.findings.find(f => f.ruleId === 'PG-TF-001')!.location.startLine).toBe(10)
  })

  it('finds a bucket made public through a variable default and a local', async () => {
    const report = await scanDir(`${FIXTURES}/terraform/variable-default`)
    expect(brief(report)).toEqual(['main.tf:3 PG-TF-001'])
  })

  it('lets terraform.tfvars override a safe default', async () => {
    const report = await scanDir(`${FIXTURES}/terraform/tfvars`)
    expect(brief(report)).toEqual(['main.tf:9 PG-TF-012'])
  })

  it('scans a local module with the values its caller passes', async () => {
    const report = await scanDir(`${FIXTURES}/terraform/module`)
    // Only the call with acl = "public-read" makes the module's ACL public; scanned alone its
    // variables are unknown, so it reports nothing of its own and the finding is the caller's.
    expect(brief(report)).toEqual(['main.tf:4 PG-TF-001'])
    expect(report.findings[0]!.message).toContain('public-read')
    expect(report.findings[0]!.message).toContain(
      'aws_s3_bucket_acl.this in modules/bucket/main.tf'
    )
  })

  it('reports a broken file as an error and still scans the others', async () => {
    const report = await scanDir(`${FIXTURES}/terraform/broken`)
    expect(report.errors).toEqual([
      {
        path: 'broken.tf',
        message: expect.stringMatching(/^broken\.tf:3: syntax error/),
        scanner: 'iac'
      }
    ])
    expect(brief(report)).toEqual(['good.tf:1 PG-TF-016'])
  })

  it("honours inline suppressions, ours with a reason and the peers' forms", async () => {
    const report = await scanDir(`${FIXTURES}/terraform/suppressed`)
    // reasoned, checkov and tfsec are suppressed; no_reason and other_rule are not.
    expect(brief(report)).toEqual(['main.tf:25 PG-TF-016', 'main.tf:8 PG-TF-016'])
    const notes = report.scanners.flatMap(r => r.notes)
    expect(notes).toContain(
      'main.tf:7: pipeguard:ignore PG-TF-016 has no reason, so it is not honoured'
    )
    expect(notes).toContain('3 findings suppressed by inline comments or CloudFormation Metadata')
  })

  it('skips checks named in config.iac.skipChecks, by id or peer alias', async () => {
    const byId = await scanDir(`${FIXTURES}/terraform/broken`, {
      iac: {skipChecks: [{id: 'PG-TF-016', reason: 'test'}]}
    })
    expect(brief(byId)).toEqual([])
    const byAlias = await scanDir(`${FIXTURES}/terraform/broken`, {
      iac: {skipChecks: [{id: 'ckv_aws_3', reason: 'test'}]}
    })
    expect(brief(byAlias)).toEqual([])
  })

  it('runs custom policies from config.iac.policies and rejects a broken policy file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    cpSync(`${FIXTURES}/terraform/broken/good.tf`, join(dir, 'main.tf'))
    cpSync(`${FIXTURES}/policies/acme.yml`, join(dir, 'acme.yml'))
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "aws_s3_bucket" "untagged" {\n  bucket = "x"\n}\n',
      {flag: 'a'}
    )
    const report = await scanDir(dir, {
      iac: {
        policies: ['acme.yml'],
        skipChecks: ['PG-TF-003', 'PG-TF-004', 'PG-TF-005'].map(id => ({id, reason: 'test'}))
      }
    })
    expect(brief(report)).toEqual(['main.tf:1 PG-TF-016', 'main.tf:5 ACME-001'])
    writeFileSync(join(dir, 'bad.yml'), 'policies:\n  - id: X\n')
    const reasons = async (policies: string[]) =>
      (await scanDir(dir, {iac: {policies}})).scanners[0]!.reasons
    expect(await reasons(['bad.yml'])).toEqual([expect.stringContaining('bad.yml: policies.0')])
    expect(await reasons(['missing.yml'])).toEqual([
      expect.stringMatching(/missing\.yml: cannot read/)
    ])
    writeFileSync(
      join(dir, 'clash.yml'),
      readFileSync(join(dir, 'acme.yml'), 'utf8').replace('ACME-001', 'PG-TF-001')
    )
    expect(await reasons(['clash.yml'])).toEqual([
      expect.stringContaining('custom policy id PG-TF-001 is used twice or by a built-in check')
    ])
  })
})
