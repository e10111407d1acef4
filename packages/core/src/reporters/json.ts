import type {Finding} from '../finding'
import {packageKey, reportRows} from '../package-rows'
import {visibleFindings, type ScanReport} from '../report'

/** The JSON contract of DESIGN.md; keys after `errors` are additive. */
export function renderJson(report: ScanReport): string {
  const doc = {
    tool: report.tool,
    findings: report.findings.map(toContract),
    errors: report.errors,
    summary: {
      failOn: report.config.failOn,
      mode: report.config.mode,
      total: visibleFindings(report).length,
      blocking: report.blocking.length,
      errors: report.errors.length,
      incomplete: report.incomplete,
      exitCode: report.exitCode
    },
    scanners: report.scanners.map(run => ({
      id: run.id,
      name: run.name,
      status: run.status,
      reasons: run.reasons,
      files: run.files,
      findings: run.findings,
      ...(run.rulesRun !== undefined ? {rulesRun: run.rulesRun} : {}),
      notes: run.notes
    })),
    skipped: report.skipped,
    expiredIgnores: report.expiredIgnores.map(e => e.message),
    remediations: remediations(report.findings)
  }
  return JSON.stringify(doc, null, 2) + '\n'
}

/**
 * One entry per vulnerable package version per file: the upgrade that fixes all its advisories,
 * with the fingerprints of the findings (one per advisory) it resolves. Ignored ones included:
 * the entry says what an upgrade would fix.
 */
function remediations(findings: Finding[]): Record<string, unknown>[] {
  return reportRows(findings)
    .filter(row => packageKey(row) !== undefined && row.upgrade)
    .map(row => {
      const members = row.members ?? [row]
      return {
        package: row.package,
        path: row.location.path,
        startLine: row.location.startLine,
        advisories: members.map(m => m.ruleId),
        severity: row.severity,
        upgrade: row.upgrade,
        ...(row.properties?.path ? {dependencyPath: row.properties.path} : {}),
        fingerprints: members.map(m => m.fingerprint)
      }
    })
}

function toContract(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    scanner: f.scanner,
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    message: f.message,
    location: f.location,
    fingerprint: f.fingerprint
  }
  if (f.package) out.package = f.package
  if (f.vulnerability) out.vulnerability = f.vulnerability
  if (f.upgrade) out.upgrade = f.upgrade
  if (f.remediation) out.remediation = f.remediation
  if (f.helpUri) out.helpUri = f.helpUri
  if (f.snippet) out.snippet = f.snippet
  if (f.commit) out.commit = f.commit
  if (f.properties) out.properties = f.properties
  if (f.status) out.status = f.status
  if (f.context) out.context = f.context
  if (f.count) out.count = f.count
  if (f.suppression) out.suppression = f.suppression
  if (f.relatedLocations?.length) out.relatedLocations = f.relatedLocations
  return out
}
