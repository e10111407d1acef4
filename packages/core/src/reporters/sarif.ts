import {advisoryUrl} from '../advisory-url'
import {escapeMarkdown, markdownWithCode} from '../escape'
import type {Finding} from '../finding'
import type {ScanReport} from '../report'
import type {Severity} from '../severity'
import {INFORMATION_URI} from '../version'
import {safeLink} from './markdown-cells'

/** GitHub code scanning keeps at most this many results per run. */
export const SARIF_MAX_RESULTS_PER_RUN = 25000

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0'
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

export interface SarifOptions {
  /**
   * A finding's path (relative to the scanned root) as the URI code scanning resolves against the
   * checkout (`%SRCROOT%`): the actions pass the repository path; the CLI keeps the scanned root's.
   */
  repoFile?: (path: string) => string
}

/** SARIF 2.1.0, one run per scanner so code scanning can tell the categories apart. */
export function buildSarif(
  report: ScanReport,
  {repoFile = path => path}: SarifOptions = {}
): Record<string, unknown> {
  const uri = (path: string): string => encodeUri(repoFile(path))
  const byScanner = new Map<string, Finding[]>()
  for (const run of report.scanners) byScanner.set(run.id, [])
  // Findings outside a PR's diff stay in SARIF (code scanning does its own diff view); they only do not block.
  for (const f of report.findings) {
    byScanner.set(f.scanner, [...(byScanner.get(f.scanner) ?? []), f])
  }
  const runs = [...byScanner].map(([scanner, findings]) => buildRun(report, scanner, findings, uri))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs
  }
}

export function renderSarif(report: ScanReport, options: SarifOptions = {}): string {
  return JSON.stringify(buildSarif(report, options), null, 2) + '\n'
}

function buildRun(
  report: ScanReport,
  scanner: string,
  all: Finding[],
  uri: (path: string) => string
): Record<string, unknown> {
  const findings = all.slice(0, SARIF_MAX_RESULTS_PER_RUN)
  const ruleIndex = new Map<string, number>()
  const rules: Record<string, unknown>[] = []
  for (const f of findings) {
    if (ruleIndex.has(f.ruleId)) continue
    ruleIndex.set(f.ruleId, rules.length)
    rules.push(buildRule(f))
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules
      }
    },
    automationDetails: {id: `pipeguard/${scanner}/`},
    columnKind: 'utf16CodeUnits',
    invocations: [buildInvocation(report, scanner, uri)],
    results: findings.map(f => buildResult(f, ruleIndex.get(f.ruleId)!, uri))
  }
  if (all.length > findings.length) {
    run.properties = {truncated: true, omittedResults: all.length - findings.length}
  }
  return run
}

/** SARIF's way to say a run did not see everything: executionSuccessful and one notification a problem. */
function buildInvocation(
  report: ScanReport,
  scanner: string,
  uri: (path: string) => string
): Record<string, unknown> {
  const run = report.scanners.find(r => r.id === scanner)
  // A skipped file that should have been scanned belongs to no one scanner: every run says it.
  const errors = [
    ...report.errors.filter(e => e.scanner === scanner),
    ...report.skipped.filter(s => s.error).map(s => ({path: s.path, message: s.reason}))
  ]
  const notifications = [
    ...(run?.status === 'failed' ? run.reasons.map(reason => ({message: {text: reason}})) : []),
    ...errors.map(e => ({
      message: {text: e.message},
      locations: e.path
        ? [{physicalLocation: {artifactLocation: {uri: uri(e.path), uriBaseId: '%SRCROOT%'}}}]
        : []
    }))
  ].map(n => ({...n, level: 'error'}))
  return {
    executionSuccessful: (run?.status ?? 'ok') === 'ok' && errors.length === 0,
    ...(notifications.length > 0 ? {toolExecutionNotifications: notifications} : {})
  }
}

function buildRule(f: Finding): Record<string, unknown> {
  const help = f.remediation ?? f.title
  const helpUri = f.helpUri ?? (f.vulnerability ? advisoryUrl(f.vulnerability.id) : undefined)
  const more = helpUri
    ? `\n\n${safeLink(f.vulnerability ? escapeMarkdown(f.ruleId) : 'Documentation', helpUri)}`
    : ''
  const rule: Record<string, unknown> = {
    id: f.ruleId,
    name: ruleName(f.ruleId),
    shortDescription: {text: f.title},
    fullDescription: {text: f.title},
    help: {text: help, markdown: markdownWithCode(help) + more},
    defaultConfiguration: {level: LEVEL[f.severity]},
    properties: {
      'security-severity': SECURITY_SEVERITY[f.severity],
      tags: ['security', f.scanner],
      precision: 'high'
    }
  }
  if (helpUri) rule.helpUri = helpUri
  return rule
}

function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(part => part[0]!.toUpperCase() + part.slice(1))
    .join('')
}

function buildResult(
  f: Finding,
  ruleIndex: number,
  uri: (path: string) => string
): Record<string, unknown> {
  const region: Record<string, number> = {
    startLine: f.location.startLine,
    endLine: f.location.endLine
  }
  if (f.location.startColumn) region.startColumn = f.location.startColumn
  if (f.location.endColumn) region.endColumn = f.location.endColumn
  const result: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: {text: f.remediation ? `${f.message}\nFix: ${f.remediation}` : f.message},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: uri(f.location.path), uriBaseId: '%SRCROOT%'},
          region
        }
      }
    ],
    partialFingerprints: {primaryLocationLineHash: f.fingerprint, 'pipeguard/v1': f.fingerprint},
    properties: {
      severity: f.severity,
      ...(f.properties ?? {}),
      ...(f.context ? {context: f.context} : {}),
      ...(f.count ? {count: f.count} : {})
    }
  }
  if (f.relatedLocations?.length) {
    result.relatedLocations = f.relatedLocations.map((l, id) => ({
      id,
      physicalLocation: {
        artifactLocation: {uri: encodeUri(l.path), uriBaseId: '%SRCROOT%'},
        region: {startLine: l.startLine, endLine: l.endLine}
      },
      message: {text: 'the same problem in identical content'}
    }))
  }
  if (f.status === 'ignored' || f.status === 'existing') {
    result.suppressions = [
      {kind: 'external', status: 'accepted', justification: f.suppression ?? f.status}
    ]
  }
  return result
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
