import {beforeAll, describe, expect, it} from '@jest/globals'
import {CHECKS} from '../src/checks/index'
import {PARSERS} from '../src/parsers/index'

beforeAll(async () => {
  for (const parser of PARSERS) await parser.init?.()
})

/** Lines one check reports on a main.tf, through the real Terraform parser and evaluator. */
function linesOf(id: string, text: string): number[] {
  const check = CHECKS.find(c => c.id === id)!
  const parser = PARSERS.find(p => p.platform === 'terraform' && p.fileRequired('main.tf'))!
  const parsed = parser.parse(text, 'main.tf')
  if (!parsed.ok) throw new Error(parsed.error)
  return check
    .run(parsed.doc)
    .map(r => r.line)
    .sort((a, b) => a - b)
}

const BUCKET = `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}
`

/** [check id, construct, failing text, its lines, passing text] */
const CASES: Array<[string, string, string, number[], string]> = [
  [
    'PG-TF-006',
    'a bucket policy built by data "aws_iam_policy_document" (.json)',
    `${BUCKET}
data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
`,
    [18],
    `${BUCKET}
data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
`
  ],
  [
    'PG-TF-006',
    'a bucket policy in jsonencode() with references inside',
    `${BUCKET}
resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`,
    [7],
    `${BUCKET}
resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.reader.arn }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`
  ],
  [
    'PG-TF-006',
    'the legacy inline aws_s3_bucket.policy',
    `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  policy = <<POLICY
{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-site/*"}]}
POLICY
}
`,
    [3],
    `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  policy = <<POLICY
{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::example-site/*"}]}
POLICY
}
`
  ],
  [
    'PG-TF-011',
    'jsonencode() with references beside the wildcards',
    `resource "aws_iam_role_policy" "admin" {
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Statement = [{ Sid = aws_iam_role.ci.name, Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
`,
    [3],
    `resource "aws_iam_role_policy" "admin" {
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Statement = [{ Sid = aws_iam_role.ci.name, Effect = "Allow", Action = "*", Resource = aws_s3_bucket.site.arn }]
  })
}
`
  ],
  [
    'PG-TF-011',
    'an aws_iam_role inline_policy block',
    `resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = "{}"
  inline_policy {
    name   = "all"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
  }
}
`,
    [6],
    `resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = "{}"
  inline_policy {
    name   = "read"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
  }
}
`
  ],
  [
    'PG-TF-011',
    'a policy from data "aws_iam_policy_document" (reported once, at the statement)',
    `data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json
}
`,
    [3],
    `data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json
}
`
  ],
  [
    'PG-TF-001',
    'the legacy aws_s3_bucket.acl',
    `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = "public-read"
}
`,
    [3],
    `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = "private"
}
`
  ],
  [
    'PG-TF-004',
    'the legacy versioning {} block',
    `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  versioning {
    enabled = false
  }
}
`,
    [4],
    `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  versioning {
    enabled = true
  }
}
`
  ],
  [
    'PG-TF-036',
    'a listener without protocol (the provider default is HTTP)',
    `resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
`,
    [1],
    `resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`
  ],
  [
    'PG-TF-036',
    'a listener without protocol on an application vs a gateway load balancer',
    `resource "aws_lb" "web" {
  load_balancer_type = "application"
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8080
  default_action {
    type = "forward"
  }
}
`,
    [5],
    `resource "aws_lb" "inspect" {
  load_balancer_type = "gateway"
}

resource "aws_lb_listener" "inspect" {
  load_balancer_arn = aws_lb.inspect.arn
  default_action {
    type = "forward"
  }
}

resource "aws_lb" "tcp" {
  load_balancer_type = "network"
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.tcp.arn
  port              = 443
  default_action {
    type = "forward"
  }
}
`
  ],
  [
    'PG-TF-038',
    'viewer_certificate without minimum_protocol_version (TLSv1)',
    `resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  viewer_certificate {
    acm_certificate_arn = aws_acm_certificate.cdn.arn
    ssl_support_method  = "sni-only"
  }
}
`,
    [3],
    `resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.cdn.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
`
  ],
  [
    'PG-TF-019',
    'include_global_service_events = false',
    `resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "example-trail"
  is_multi_region_trail         = true
  include_global_service_events = false
}
`,
    [5],
    `resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "example-trail"
  is_multi_region_trail         = true
  include_global_service_events = true
}
`
  ],
  [
    'PG-TF-063',
    'project-level metadata (google_compute_project_metadata)',
    `resource "google_compute_project_metadata" "default" {
  metadata = {
    serial-port-enable = "TRUE"
  }
}
`,
    [2],
    `resource "google_compute_project_metadata" "default" {
  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "FALSE"
  }
}
`
  ],
  [
    'PG-TF-063',
    'a project metadata item',
    `resource "google_compute_project_metadata_item" "serial" {
  key   = "serial-port-enable"
  value = "1"
}
`,
    [3],
    `resource "google_compute_project_metadata_item" "oslogin" {
  key   = "enable-oslogin"
  value = "1"
}
`
  ],
  [
    'PG-TF-054',
    'the legacy role_based_access_control block',
    `resource "azurerm_kubernetes_cluster" "main" {
  name = "main"
  role_based_access_control {
    enabled = false
  }
}
`,
    [4],
    `resource "azurerm_kubernetes_cluster" "main" {
  name = "main"
  role_based_access_control {
    enabled = true
  }
}
`
  ],
  [
    'PG-TF-056',
    'the legacy azurerm_function_app',
    `resource "azurerm_function_app" "fn" {
  name = "example-fn"
}
`,
    [1],
    `resource "azurerm_function_app" "fn" {
  name       = "example-fn"
  https_only = true
}
`
  ],
  [
    'PG-TF-053',
    'the legacy azurerm_sql_server',
    `resource "azurerm_sql_server" "db" {
  name    = "example-sql"
  version = "12.0"
}
`,
    [1],
    `resource "azurerm_sql_server" "db" {
  name    = "example-sql"
  version = "12.0"
  extended_auditing_policy {
    storage_endpoint = azurerm_storage_account.audit.primary_blob_endpoint
  }
}
`
  ]
]

describe('policy forms, legacy resources and provider defaults', () => {
  describe.each(CASES)('%s: %s', (id, _construct, fail, lines, pass) => {
    it('reports the failing form', () => {
      expect(linesOf(id, fail)).toEqual(lines)
    })
    it('reports nothing on the passing form', () => {
      expect(linesOf(id, pass)).toEqual([])
    })
  })

  it('names the policy document a bucket policy is built by', () => {
    const [, , text] = CASES[0]!
    const parser = PARSERS.find(p => p.platform === 'terraform' && p.fileRequired('main.tf'))!
    const parsed = parser.parse(text, 'main.tf')
    if (!parsed.ok) throw new Error(parsed.error)
    const results = CHECKS.find(c => c.id === 'PG-TF-006')!.run(parsed.doc)
    expect(results.map(r => r.message)).toEqual([
      'S3 bucket policy allows any principal (aws_s3_bucket_policy.site, through data.aws_iam_policy_document.site)'
    ])
  })
})
