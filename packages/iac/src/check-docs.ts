import type {Check} from './check'
import {PLATFORMS} from './check'

const PLATFORM_NAMES: Record<string, string> = {
  terraform: 'Terraform',
  cloudformation: 'CloudFormation',
  kubernetes: 'Kubernetes',
  dockerfile: 'Dockerfile',
  compose: 'Docker Compose',
  'github-actions': 'GitHub Actions'
}

/** How to silence a finding and add a team's own checks; static text kept next to the list. */
const USAGE = [
  '## Suppressing a finding',
  '',
  "Put a comment on the finding's line, on the line above it, or (Terraform) anywhere in the enclosing block:",
  '',
  '```hcl',
  'resource "aws_s3_bucket_acl" "site" {',
  '  # pipeguard:ignore PG-TF-001 public website assets, reviewed 2026-03',
  '  acl = "public-read"',
  '}',
  '```',
  '',
  '`pipeguard:ignore` takes one or more comma-separated check ids and **requires a reason**; without one the',
  "comment is not honoured and the run notes it. Peer tools' comments are honoured too (a reason is optional),",
  "matched through each check's aliases: `#checkov:skip=CKV_AWS_20:reason` (anywhere in the block),",
  '`#tfsec:ignore:aws-s3-no-public-access-with-acl` / `#trivy:ignore:AVD-AWS-0092` (line, line above or above',
  'the block), `# kics-scan ignore-line` (next line), `# kics-scan ignore-block` (the indented block below),',
  '`# hadolint ignore=DL3007,DL3008` (next instruction) and `# zizmor: ignore[rule]` (same line).',
  'CloudFormation resources are also skipped for the rules their `Metadata` suppresses, as the peers read',
  'it: cfn_nag `cfn_nag: {rules_to_suppress: [{id: W35, reason}]}`, checkov `checkov: {skip: [{id:',
  'CKV_AWS_18, comment}]}` and cfn-guard `guard: {SuppressedRules: [S3_BUCKET_LOGGING_ENABLED]}`, matched',
  "through the aliases below (cfn_nag and cfn-guard rule names are listed among a check's aliases).",
  'Whole checks are turned off in `.pipeguard.yml` with `iac.skip-checks` entries `{id, reason}` (ids or',
  'aliases, a reason required); findings are ignored by rule and path with the top-level `ignore` list.',
  '',
  '## Profiles',
  '',
  'The default profile shows exposures one by one and rolls hardening items (probes, resource limits,',
  'HEALTHCHECK, digests, unpinned GitHub-owned actions, cache flags...) into one `PG-IAC-HARDENING`',
  'finding per container or resource that lists them (`properties.items` has their ids); its severity is',
  'the highest of its items. The tables\' Default profile column says which checks are rolled up; "when',
  'unset" means only a setting left at its default is, while an explicit unsafe value is shown on its own.',
  '`--profile strict` (or `iac.profile: strict`) shows every item with its own id and fix. Per check:',
  '',
  '```yaml',
  'iac:',
  '  profile: default',
  '  hygiene-checks:',
  '    remove: [PG-K8S-030]   # shown on its own in the default profile',
  '    add: [CKV_AWS_18]      # rolled up (ids or peer aliases)',
  '```',
  '',
  'In both profiles, checks that read one construct report it once: an ingress rule open on a port range',
  'is one finding (the most severe: all ports, then SSH/RDP/databases) naming the other checks it matches,',
  'and a workflow check reports a step once whatever the number of expressions in it. The same finding',
  'in identical content (copied manifests, a resource copied between templates) is reported once, at the',
  'first path, with the others in `relatedLocations`.',
  '',
  '## Custom checks',
  '',
  'List YAML policy files in `iac.policies`; each states a resource type (Terraform resource type or',
  'Kubernetes kind), an attribute path (dots; `[*]` walks a list; Terraform nested blocks are walked',
  'automatically), an operator and the expected value. A resource that does not satisfy it is reported on the',
  "attribute's line, or on the block's first line when the attribute is missing. Values Terraform only knows",
  'at apply time never produce a finding.',
  '',
  '```yaml',
  'policies:',
  '  - id: ACME-001',
  '    platform: terraform            # terraform | kubernetes',
  '    resource: aws_s3_bucket',
  '    attribute: tags.owner',
  '    operator: exists               # equals not_equals exists not_exists in not_in matches not_matches',
  '    severity: medium               # contains not_contains greater_than less_than',
  '    title: Buckets carry an owner tag',
  '    remediation: Add tags = { owner = "team-name" }.',
  '```',
  '',
  '`matches` uses linear-time RE2 syntax. A policy file that does not validate stops the run (exit code 2)',
  'with the file and key at fault.'
]

const DEFAULT_PROFILE = {
  shown: 'shown',
  always: 'rolled up',
  'when-unset': 'rolled up when unset'
} as const

/** Markdown table cells: pipes and line breaks would break the row. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
}

/** docs/checks.md, generated from the registry so the list cannot drift from the code. */
export function renderCheckDocs(checks: Check[]): string {
  const lines = [
    '# IaC checks',
    '',
    '<!-- Generated by scripts/generate-check-docs.mjs from the check registry. Do not edit. -->',
    '',
    `pipeguard ships ${checks.length} built-in IaC checks. Peer ids (checkov, tfsec/trivy, hadolint, ...) listed as`,
    'aliases are honoured in inline suppression comments.',
    ''
  ]
  lines.push(...USAGE, '')
  for (const platform of PLATFORMS) {
    const own = checks
      .filter(c => c.platform === platform)
      .sort((a, b) => a.id.localeCompare(b.id, 'en', {numeric: true}))
    if (own.length === 0) continue
    lines.push(`## ${PLATFORM_NAMES[platform]} (${own.length})`, '')
    lines.push(
      '| ID | Platform | Severity | Default profile | Title | Aliases | Reference |',
      '| --- | --- | --- | --- | --- | --- | --- |'
    )
    for (const c of own) {
      const aliases = (c.aliases ?? []).map(a => `\`${cell(a)}\``).join(' ')
      lines.push(
        `| ${c.id} | ${platform} | ${c.severity} | ${DEFAULT_PROFILE[c.hygiene ?? 'shown']} | ${cell(c.title)} | ${aliases} | [docs](${c.docs}) |`
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

export const README_CHECKS_START =
  '<!-- checks:start (generated by scripts/generate-check-docs.mjs) -->'
export const README_CHECKS_END = '<!-- checks:end -->'

/** The per-platform check tables of docs/checks.md, one heading level down, for the README. */
export function renderReadmeCheckList(checks: readonly Check[]): string {
  const sections = renderCheckDocs([...checks])
    .split(/\n(?=## )/)
    .filter(section => /^## .+ \(\d+\)\n/.test(section))
    .map(section => `#${section.trimEnd()}`)
  return [README_CHECKS_START, '', ...sections.flatMap(s => [s, '']), README_CHECKS_END].join('\n')
}

/** README text with its generated check list replaced; the markers must already be there. */
export function withReadmeCheckList(readme: string, checks: readonly Check[]): string {
  const start = readme.indexOf(README_CHECKS_START)
  const end = readme.indexOf(README_CHECKS_END)
  if (start < 0 || end < start) throw new Error('README.md has no generated check list markers')
  return (
    readme.slice(0, start) +
    renderReadmeCheckList(checks) +
    readme.slice(end + README_CHECKS_END.length)
  )
}
