import {beforeAll, describe, expect, it} from '@jest/globals'
import {CHECKS} from '../src/checks/index'
import {registryModule} from '../src/checks/terraform/modules/registry-module-source'
import {PARSERS} from '../src/parsers/index'

beforeAll(async () => {
  for (const parser of PARSERS) await parser.init?.()
})

/** Every Terraform check's findings on a main.tf, as `line id resource`. */
function findings(text: string): string[] {
  const parser = PARSERS.find(p => p.platform === 'terraform' && p.fileRequired('main.tf'))!
  const parsed = parser.parse(text, 'main.tf')
  if (!parsed.ok) throw new Error(parsed.error)
  return CHECKS.filter(c => c.platform === 'terraform')
    .flatMap(c => c.run(parsed.doc).map(r => `${r.line} ${c.id} ${r.resource}`))
    .sort()
}

const call = (source: string, body: string) => `module "m" {
  source = "${source}"
${body}
}
`

/** [what, source, failing inputs (line 3 is the first), finding, passing inputs] */
const CASES: Array<[string, string, string, string, string]> = [
  [
    'public ACL',
    'terraform-aws-modules/s3-bucket/aws',
    '  acl = "public-read"',
    'PG-TF-001',
    '  acl = "private"'
  ],
  [
    'versioning disabled',
    'terraform-aws-modules/s3-bucket/aws',
    '  versioning = { enabled = false }',
    'PG-TF-004',
    '  versioning = { enabled = true }'
  ],
  [
    'versioning suspended',
    'terraform-aws-modules/s3-bucket/aws',
    '  versioning = { status = "Suspended" }',
    'PG-TF-004',
    '  versioning = { status = "Enabled" }'
  ],
  [
    'a public access block turned off',
    'terraform-aws-modules/s3-bucket/aws',
    '  restrict_public_buckets = false',
    'PG-TF-002',
    '  restrict_public_buckets = true'
  ],
  [
    'a public database',
    'terraform-aws-modules/rds/aws',
    '  publicly_accessible = true',
    'PG-TF-012',
    '  publicly_accessible = false'
  ],
  [
    'unencrypted storage',
    'terraform-aws-modules/rds/aws',
    '  storage_encrypted = false',
    'PG-TF-013',
    '  replicate_source_db = module.master.db_instance_identifier\n  storage_encrypted   = false'
  ],
  [
    'an unencrypted Aurora cluster',
    'terraform-aws-modules/rds-aurora/aws',
    '  storage_encrypted = false',
    'PG-TF-013',
    '  storage_encrypted = true'
  ],
  [
    'no backups',
    'terraform-aws-modules/rds/aws',
    '  backup_retention_period = 0',
    'PG-TF-014',
    '  backup_retention_period = 7'
  ],
  [
    'a public instance IP',
    'terraform-aws-modules/ec2-instance/aws',
    '  associate_public_ip_address = true',
    'PG-TF-027',
    '  associate_public_ip_address = false'
  ],
  [
    'IMDSv1',
    'terraform-aws-modules/ec2-instance/aws',
    '  metadata_options = { http_tokens = "optional" }',
    'PG-TF-026',
    '  metadata_options = { http_tokens = "required" }'
  ],
  [
    'an unencrypted queue',
    'terraform-aws-modules/sqs/aws',
    '  sqs_managed_sse_enabled = false',
    'PG-TF-040',
    '  sqs_managed_sse_enabled = false\n  kms_master_key_id       = aws_kms_key.sqs.arn'
  ],
  [
    'a public EKS endpoint (module default CIDRs)',
    'terraform-aws-modules/eks/aws',
    '  endpoint_public_access = true',
    'PG-TF-023',
    '  endpoint_public_access       = true\n  endpoint_public_access_cidrs = ["203.0.113.0/24"]'
  ],
  [
    'a public EKS endpoint (v20 input name)',
    'terraform-aws-modules/eks/aws',
    '  cluster_endpoint_public_access = true',
    'PG-TF-023',
    '  cluster_endpoint_public_access = false'
  ],
  [
    'SSH from anywhere by named rule',
    'terraform-aws-modules/security-group/aws',
    '  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]',
    'PG-TF-007',
    '  ingress_cidr_blocks = ["10.0.0.0/8"]\n  ingress_rules       = ["ssh-tcp"]'
  ],
  [
    'RDP from anywhere through ingress_with_cidr_blocks',
    'terraform-aws-modules/security-group/aws',
    '  ingress_with_cidr_blocks = [{ from_port = 3389, to_port = 3389, protocol = "tcp", cidr_blocks = "10.0.0.0/8,0.0.0.0/0" }]',
    'PG-TF-008',
    '  ingress_with_cidr_blocks = [{ from_port = 443, to_port = 443, protocol = "tcp", cidr_blocks = "0.0.0.0/0" }]'
  ],
  [
    'all traffic from anywhere',
    'terraform-aws-modules/security-group/aws',
    '  ingress_with_cidr_blocks = [{ rule = "all-all", cidr_blocks = "0.0.0.0/0" }]',
    'PG-TF-009',
    '  ingress_with_cidr_blocks = [{ rule = "all-all", cidr_blocks = "10.0.0.0/8" }]'
  ],
  [
    'the ssh submodule open to the internet',
    'terraform-aws-modules/security-group/aws//modules/ssh',
    '  ingress_cidr_blocks = ["0.0.0.0/0"]',
    'PG-TF-007',
    '  ingress_cidr_blocks = ["192.0.2.0/24"]'
  ],
  [
    'GKE nodes with public IPs (private-cluster submodule)',
    'terraform-google-modules/kubernetes-engine/google//modules/private-cluster',
    '  enable_private_nodes = false',
    'PG-TF-069',
    '  enable_private_nodes = true'
  ],
  [
    'a git source of the module',
    'git::https://github.com/terraform-aws-modules/terraform-aws-s3-bucket.git?ref=v4.1.0',
    '  acl = "public-read-write"',
    'PG-TF-001',
    '  acl = "log-delivery-write"'
  ]
]

describe('terraform-aws-modules inputs are checked at the caller', () => {
  describe.each(CASES)('%s', (_what, source, fail, id, pass) => {
    it('reports the bad input at its line, naming the module call', () => {
      expect(findings(call(source, fail))).toEqual([`3 ${id} module.m`])
    })
    it('reports nothing for the safe input', () => {
      expect(findings(call(source, pass))).toEqual([])
    })
  })

  it('does not read inputs of modules outside the table', () => {
    expect(findings(call('cloudposse/s3-bucket/aws', '  acl = "public-read"'))).toEqual([])
    expect(
      findings(call('terraform-aws-modules/s3-bucket/aws//wrappers', '  acl = "public-read"'))
    ).toEqual([])
    // The root GKE module has no enable_private_nodes of that meaning in the table.
    expect(
      findings(
        call('terraform-google-modules/kubernetes-engine/google', '  enable_private_nodes = false')
      )
    ).toEqual([])
  })

  it('names the input and the module in the message', () => {
    const parser = PARSERS.find(p => p.platform === 'terraform' && p.fileRequired('main.tf'))!
    const parsed = parser.parse(
      call('terraform-aws-modules/rds/aws', '  storage_encrypted = false'),
      'main.tf'
    )
    if (!parsed.ok) throw new Error(parsed.error)
    expect(CHECKS.find(c => c.id === 'PG-TF-013')!.run(parsed.doc)[0]?.message).toBe(
      'storage_encrypted leaves storage unencrypted in module.m (terraform-aws-modules/rds)'
    )
  })
})

describe('registryModule', () => {
  it.each([
    ['terraform-aws-modules/vpc/aws', {namespace: 'terraform-aws-modules', name: 'vpc'}],
    [
      'registry.terraform.io/terraform-aws-modules/eks/aws',
      {namespace: 'terraform-aws-modules', name: 'eks'}
    ],
    [
      'terraform-aws-modules/security-group/aws//modules/ssh',
      {namespace: 'terraform-aws-modules', name: 'security-group', submodule: 'ssh'}
    ],
    [
      'github.com/terraform-aws-modules/terraform-aws-rds',
      {namespace: 'terraform-aws-modules', name: 'rds'}
    ],
    [
      'git::ssh://git@github.com/terraform-aws-modules/terraform-aws-sqs.git?ref=v4.0.0',
      {namespace: 'terraform-aws-modules', name: 'sqs'}
    ],
    [
      'github.com/terraform-google-modules/terraform-google-kubernetes-engine//modules/private-cluster',
      {
        namespace: 'terraform-google-modules',
        name: 'kubernetes-engine',
        submodule: 'private-cluster'
      }
    ]
  ])('reads %s', (source, expected) => {
    expect(registryModule(source)).toEqual(expected)
  })

  it.each([
    './modules/s3',
    'hashicorp/consul/aws',
    'terraform-aws-modules/s3-bucket/azurerm',
    'terraform-google-modules/network/aws',
    ''
  ])('leaves %j alone', source => {
    expect(registryModule(source)).toBeUndefined()
  })
})
