// IaC lint benchmark: 1,000 generated Terraform files (100 modules of 10 files, with variables,
// locals and dynamic blocks) and 1,000 Kubernetes manifests through the bundled CLI
// (`node dist/cli.js iac DIR --format json`) as a subprocess. Prints nothing; returns rows.
import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'

const ROOT = new URL('../..', import.meta.url).pathname
const CLI = join(ROOT, 'dist', 'cli.js')
const MODULES = 100
const FILES_PER_MODULE = 10
const MANIFESTS = 1000
const BUDGET_MS = 5000

function terraformFile(m, f) {
  const vars =
    f === 0
      ? `variable "acl" {\n  default = "${m % 2 ? 'private' : 'public-read'}"\n}\n\nlocals {\n  prefix = "bench-${m}"\n}\n\n`
      : ''
  return `${vars}resource "aws_s3_bucket" "b${f}" {
  bucket = "\${local.prefix}-${f}"
  acl    = var.acl
}

resource "aws_security_group" "sg${f}" {
  name = "sg-${m}-${f}"
  dynamic "ingress" {
    for_each = [22, 443, ${8000 + f}]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_db_instance" "db${f}" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  publicly_accessible = ${f % 3 === 0}
  storage_encrypted   = true
}

resource "aws_iam_policy" "p${f}" {
  name = "p-${m}-${f}"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
  })
}
`
}

function manifest(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  namespace: team-${i % 20}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web-${i}}
  template:
    metadata:
      labels: {app: web-${i}}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:${i % 2 ? 'latest' : '1.2.3'}
          securityContext:
            privileged: ${i % 5 === 0}
            runAsNonRoot: true
          resources:
            limits: {cpu: 500m, memory: 256Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: web-${i}
  namespace: team-${i % 20}
spec:
  selector: {app: web-${i}}
  ports: [{port: 80, targetPort: 8080}]
`
}

function runCli(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'iac', dir, '--format', 'json', '--fail-on', 'none'],
      {stdio: ['ignore', 'pipe', 'pipe']}
    )
    let out = ''
    let err = ''
    child.stdout.on('data', c => (out += c))
    child.stderr.on('data', c => (err += c))
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err.slice(0, 500)}`))
    )
  })
}

/** Writes the benchmark tree (terraform/ and k8s/) into `dir`. */
export function generate(dir) {
  for (let m = 0; m < MODULES; m++) {
    const moduleDir = join(dir, 'terraform', `m${m}`)
    mkdirSync(moduleDir, {recursive: true})
    for (let f = 0; f < FILES_PER_MODULE; f++)
      writeFileSync(join(moduleDir, `f${f}.tf`), terraformFile(m, f))
  }
  mkdirSync(join(dir, 'k8s'))
  for (let i = 0; i < MANIFESTS; i++) writeFileSync(join(dir, 'k8s', `app-${i}.yaml`), manifest(i))
}

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-iac-'))
  try {
    generate(dir)

    const started = performance.now()
    const report = JSON.parse(await runCli(dir))
    const ms = performance.now() - started
    const byPlatform = {}
    for (const f of report.findings)
      byPlatform[f.ruleId.split('-')[1]] = (byPlatform[f.ruleId.split('-')[1]] ?? 0) + 1
    const files = MODULES * FILES_PER_MODULE + MANIFESTS
    return [
      {
        name: 'iac: 1,000 Terraform files + 1,000 Kubernetes manifests',
        value: Math.round(ms),
        unit: 'ms',
        note: `${ms < BUDGET_MS ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget; ${files} files, ${report.findings.length} findings (${Object.entries(
          byPlatform
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}), ${report.errors.length} errors`
      }
    ]
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
