import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import type {Check} from '../src/check'
import {kubernetesChecks} from '../src/checks/kubernetes/index'
import {dockerfileChecks} from '../src/checks/dockerfile/index'
import {githubActionsChecks} from '../src/checks/github-actions/index'
import type {PlatformParser} from '../src/parser'
import {kubernetesParser} from '../src/parsers/kubernetes'
import {dockerfileParser} from '../src/parsers/dockerfile'
import {githubActionsParser} from '../src/parsers/github-actions'
import {PARSERS} from '../src/parsers/index'
import {brief, scanDir} from './scan-helper'

const FIXTURES = 'test/fixtures/iac'
/** Every item on its own line: what each check reports, not the default profile's roll-up. */
const STRICT = {iac: {profile: 'strict' as const}}
const PLATFORMS = ['kubernetes', 'dockerfile', 'compose', 'cloudformation', 'github-actions']

/** What the checks report on a file before any suppression comment is applied. */
function unsuppressed(parser: PlatformParser, checks: Check[], path: string): string[] {
  const outcome = parser.parse(readFileSync(`${FIXTURES}/${path}`, 'utf8'), path)
  if (!outcome.ok) throw new Error(outcome.error)
  return checks.flatMap(c => c.run(outcome.doc).map(r => `${r.line} ${c.id}`)).sort()
}

describe('hardened example files', () => {
  it.each(PLATFORMS)('%s: zero findings and zero errors', async platform => {
    const report = await scanDir(`${FIXTURES}/clean/${platform}`)
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual([])
  })

  it.each([
    ['kubernetes', 'web.yaml'],
    ['kubernetes', 'rbac-list.yaml'],
    ['dockerfile', 'Dockerfile'],
    ['dockerfile', 'api.Dockerfile'],
    ['compose', 'docker-compose.yml'],
    ['cloudformation', 'storage.yaml'],
    ['cloudformation', 'network.json'],
    ['github-actions', '.github/workflows/ci.yml'],
    ['github-actions', '.github/actions/report/action.yml']
  ])(
    '%s/%s is claimed and parsed by its platform parser (so "clean" is not "skipped")',
    (platform, file) => {
      const text = readFileSync(`${FIXTURES}/clean/${platform}/${file}`, 'utf8')
      const parser = PARSERS.find(p => p.fileRequired(file) && (!p.detect || p.detect(text, file)))
      expect(parser?.platform).toBe(platform)
      expect(parser!.parse(text, file).ok).toBe(true)
    }
  )
})

describe('insecure example files: every finding, one by one', () => {
  it('kubernetes', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/kubernetes`, STRICT)
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(
      [
        'rbac.yaml:6 PG-K8S-020', // apiGroups: ["*"]
        'rbac.yaml:7 PG-K8S-020', // resources: ["*"]
        'rbac.yaml:8 PG-K8S-020', // verbs: ["*"]
        'rbac.yaml:17 PG-K8S-021', // roleRef cluster-admin
        'rbac.yaml:29 PG-K8S-026', // type: NodePort
        'workloads.yaml:8 PG-K8S-019', // namespace: default
        'workloads.yaml:17 PG-K8S-022', // pod spec without automountServiceAccountToken: false
        'workloads.yaml:18 PG-K8S-006', // hostNetwork
        'workloads.yaml:19 PG-K8S-007', // hostPID
        'workloads.yaml:21 PG-K8S-002', // container lacks allowPrivilegeEscalation: false
        'workloads.yaml:21 PG-K8S-003', // ...runAsNonRoot
        'workloads.yaml:21 PG-K8S-010', // ...drop ALL
        'workloads.yaml:21 PG-K8S-011', // ...readOnlyRootFilesystem
        'workloads.yaml:21 PG-K8S-012', // ...CPU limit
        'workloads.yaml:21 PG-K8S-013', // ...memory limit
        'workloads.yaml:21 PG-K8S-014', // ...CPU request
        'workloads.yaml:21 PG-K8S-015', // ...memory request
        'workloads.yaml:21 PG-K8S-024', // ...seccomp profile
        'workloads.yaml:21 PG-K8S-030', // ...liveness probe
        'workloads.yaml:21 PG-K8S-031', // ...readiness probe
        'workloads.yaml:22 PG-K8S-016', // image: example/agent:latest
        'workloads.yaml:22 PG-K8S-017', // ...without digest
        'workloads.yaml:24 PG-K8S-001', // privileged: true
        'workloads.yaml:26 PG-K8S-009', // add SYS_ADMIN
        'workloads.yaml:29 PG-K8S-018', // API_TOKEN literal
        'workloads.yaml:32 PG-K8S-025', // hostPort
        'workloads.yaml:35 PG-K8S-005', // hostPath
        'workloads.yaml:36 PG-K8S-029' // docker.sock
      ].sort()
    )
  })

  it('dockerfile', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/dockerfile`, STRICT)
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(
      [
        'Dockerfile:1 PG-DOCKER-004', // FROM ubuntu
        'Dockerfile:1 PG-DOCKER-014', // no HEALTHCHECK in the final stage
        'Dockerfile:2 PG-DOCKER-017', // MAINTAINER
        'Dockerfile:3 PG-DOCKER-013', // ARG GITHUB_TOKEN=ghp_...
        'Dockerfile:4 PG-DOCKER-013', // ENV DB_PASSWORD=...
        'Dockerfile:5 PG-DOCKER-020', // apt-get update alone
        'Dockerfile:6 PG-DOCKER-008', // unpinned apt packages
        'Dockerfile:6 PG-DOCKER-009', // apt lists kept
        'Dockerfile:6 PG-DOCKER-010', // no --no-install-recommends
        'Dockerfile:7 PG-DOCKER-007', // curl | sudo bash
        'Dockerfile:7 PG-DOCKER-015', // sudo
        'Dockerfile:8 PG-DOCKER-005', // ADD of a local folder
        'Dockerfile:9 PG-DOCKER-006', // ADD of a URL
        'Dockerfile:10 PG-DOCKER-016', // cd in RUN
        'Dockerfile:10 PG-DOCKER-019', // chmod 777
        'Dockerfile:11 PG-DOCKER-011', // apk add without --no-cache
        'Dockerfile:11 PG-DOCKER-012', // pip install without --no-cache-dir
        'Dockerfile:12 PG-DOCKER-018', // EXPOSE 22
        'Dockerfile:13 PG-DOCKER-002' // USER root
      ].sort()
    )
    // The secret values never reach the report in clear text.
    const text = JSON.stringify(report)
    expect(text).not.toContain('fixture-token-not-real-7f3a9c')
    expect(text).not.toContain('Pr0d-Passw0rd!')
  })

  it('compose', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/compose`, STRICT)
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(
      [
        'docker-compose.yml:3 PG-COMPOSE-009', // image without tag
        'docker-compose.yml:4 PG-COMPOSE-001', // privileged
        'docker-compose.yml:5 PG-COMPOSE-002', // network_mode: host
        'docker-compose.yml:6 PG-COMPOSE-004', // pid: host
        'docker-compose.yml:8 PG-COMPOSE-005', // SYS_ADMIN
        'docker-compose.yml:10 PG-COMPOSE-006', // apparmor:unconfined
        'docker-compose.yml:12 PG-COMPOSE-003', // docker.sock
        'docker-compose.yml:14 PG-COMPOSE-008', // SECRET_KEY=...
        'docker-compose.yml:16 PG-COMPOSE-009', // mysql:latest
        'docker-compose.yml:18 PG-COMPOSE-007', // 3306 on all interfaces
        'docker-compose.yml:20 PG-COMPOSE-008' // MYSQL_ROOT_PASSWORD
      ].sort()
    )
    expect(JSON.stringify(report)).not.toContain('r00t-Passw0rd')
  })

  it('cloudformation', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/cloudformation`, STRICT)
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(
      [
        'template.yaml:7 PG-CFN-003', // ...no encryption configuration
        'template.yaml:7 PG-CFN-004', // ...no versioning
        'template.yaml:7 PG-CFN-005', // ...no access logging
        'template.yaml:10 PG-CFN-002', // AccessControl: PublicReadWrite
        'template.yaml:17 PG-CFN-008', // -1 from 0.0.0.0/0: everything (SSH and RDP named in it)
        'template.yaml:25 PG-CFN-009', // Action '*' on Resource '*'
        'template.yaml:28 PG-CFN-011', // Db: not encrypted
        'template.yaml:28 PG-CFN-012', // Db: no deletion protection
        'template.yaml:32 PG-CFN-010', // PubliclyAccessible: !Ref PublicDb (default 'true')
        'template.yaml:33 PG-CFN-013', // BackupRetentionPeriod: 0
        'template.yaml:34 PG-CFN-014', // Disk not encrypted
        'template.yaml:39 PG-CFN-016', // Trail: single region
        'template.yaml:39 PG-CFN-017', // ...no log file validation
        'template.yaml:39 PG-CFN-018', // ...no KMS key
        'template.yaml:44 PG-CFN-019', // Key without rotation
        'template.yaml:50 PG-CFN-020', // EKS endpoint public by default
        'template.yaml:52 PG-CFN-021', // launch template without IMDSv2
        'template.yaml:61 PG-CFN-022', // AuthType: NONE
        'template.yaml:62 PG-CFN-023', // ECR: no scan on push
        'template.yaml:62 PG-CFN-024', // ECR: mutable tags
        'template.yaml:64 PG-CFN-025', // SNS without KMS
        'template.yaml:69 PG-CFN-026', // SqsManagedSseEnabled: false
        'template.yaml:70 PG-CFN-015', // EFS not encrypted
        'template.yaml:77 PG-CFN-027' // HTTP listener without redirect
      ].sort()
    )
  })

  it('github-actions', async () => {
    const report = await scanDir(`${FIXTURES}/insecure/github-actions`, STRICT)
    expect(report.errors).toEqual([])
    const w = '.github/workflows/pr-target.yml'
    expect(brief(report)).toEqual(
      [
        `${w}:1 PG-GHA-006`, // job "reuse" runs with default permissions
        `${w}:6 PG-GHA-012`, // ACTIONS_ALLOW_UNSECURE_COMMANDS
        `${w}:9 PG-GHA-010`, // self-hosted on pull_request_target
        `${w}:10 PG-GHA-005`, // permissions: write-all
        `${w}:12 PG-GHA-004`, // actions/checkout@v4
        `${w}:12 PG-GHA-007`, // checkout persists credentials in a privileged trigger
        `${w}:14 PG-GHA-001`, // ref: head.sha
        `${w}:15 PG-GHA-004`, // actions/cache@v4
        `${w}:15 PG-GHA-013`, // cache in pull_request_target
        `${w}:22 PG-GHA-002`, // PR title and github.head_ref in one run step: one finding
        `${w}:23 PG-GHA-011`, // ...written to GITHUB_ENV
        `${w}:24 PG-GHA-003`, // some-org/deploy-action@v1
        `${w}:26 PG-GHA-009`, // secret passed to it
        `${w}:28 PG-GHA-003`, // reusable workflow @main
        `${w}:29 PG-GHA-008` // secrets: inherit
      ].sort()
    )
  })
})

describe('bad input: a per-file error, the rest of the scan continues', () => {
  it('kubernetes: invalid YAML and a YAML bomb', async () => {
    const started = Date.now()
    const report = await scanDir(`${FIXTURES}/kubernetes/bad-input`)
    expect(report.errors).toEqual([
      {
        scanner: 'iac',
        path: 'bomb.yaml',
        message: expect.stringMatching(
          /^bomb\.yaml: YAML alias expansion exceeds \d+ nodes at line \d+/
        )
      },
      {
        scanner: 'iac',
        path: 'broken.yaml',
        message: expect.stringMatching(/^broken\.yaml: invalid YAML at line 7, column \d+: /)
      }
    ])
    expect(brief(report)).toEqual(['pod.yaml:15 PG-K8S-001'])
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('dockerfile: an empty Dockerfile', async () => {
    const report = await scanDir(`${FIXTURES}/dockerfile/bad-input`)
    expect(report.errors).toEqual([
      {
        scanner: 'iac',
        path: 'Dockerfile',
        message: 'Dockerfile: empty Dockerfile at line 1: expected a FROM instruction'
      }
    ])
    // No USER is shown; no HEALTHCHECK and MAINTAINER are rolled into one hardening finding.
    expect(brief(report)).toEqual([
      'Containerfile:1 PG-DOCKER-001',
      'Containerfile:1 PG-IAC-HARDENING'
    ])
  })

  it('compose, cloudformation (JSON) and workflows: invalid syntax', async () => {
    const compose = await scanDir(`${FIXTURES}/compose/bad-input`)
    expect(compose.errors).toEqual([
      {
        scanner: 'iac',
        path: 'docker-compose.yml',
        message: expect.stringMatching(
          /^docker-compose\.yml: invalid YAML at line \d+, column \d+: /
        )
      }
    ])
    expect(brief(compose)).toEqual(['compose.override.yml:4 PG-COMPOSE-001'])

    const cfn = await scanDir(`${FIXTURES}/cloudformation/bad-input`)
    expect(cfn.errors).toEqual([
      {
        scanner: 'iac',
        path: 'broken.json',
        message: expect.stringMatching(/^broken\.json: invalid YAML at line 5, column \d+: /)
      }
    ])
    expect(brief(cfn)).toEqual(['volume.yaml:8 PG-CFN-014'])

    const gha = await scanDir(`${FIXTURES}/github-actions/bad-input`)
    expect(gha.errors).toEqual([
      {
        scanner: 'iac',
        path: '.github/workflows/broken.yml',
        message: expect.stringMatching(
          /^\.github\/workflows\/broken\.yml: invalid YAML at line 4, column \d+: /
        )
      }
    ])
    expect(brief(gha)).toEqual(['.github/workflows/ok.yml:2 PG-GHA-005'])
  })
})

describe('peer suppression comments silence exactly the findings they name', () => {
  it('checkov, pipeguard and kics comments in a manifest', async () => {
    expect(
      unsuppressed(kubernetesParser, kubernetesChecks, 'kubernetes/suppressed/pod.yaml')
    ).toEqual(['16 PG-K8S-001', '18 PG-K8S-009', '23 PG-K8S-025'])
    expect(brief(await scanDir(`${FIXTURES}/kubernetes/suppressed`))).toEqual([])
  })

  it('hadolint comments in a Dockerfile', async () => {
    expect(
      unsuppressed(dockerfileParser, dockerfileChecks, 'dockerfile/suppressed/Dockerfile')
    ).toEqual(['2 PG-DOCKER-003', '4 PG-DOCKER-011', '7 PG-DOCKER-018'])
    expect(brief(await scanDir(`${FIXTURES}/dockerfile/suppressed`))).toEqual([
      'Dockerfile:7 PG-DOCKER-018'
    ])
  })

  it('zizmor comments in a workflow', async () => {
    expect(
      unsuppressed(
        githubActionsParser,
        githubActionsChecks,
        'github-actions/suppressed/.github/workflows/ci.yml'
      )
    ).toEqual(['11 PG-GHA-003', '12 PG-GHA-003'])
    expect(brief(await scanDir(`${FIXTURES}/github-actions/suppressed`))).toEqual([
      '.github/workflows/ci.yml:12 PG-GHA-003'
    ])
  })
})
