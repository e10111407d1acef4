import {readFileSync, readdirSync, statSync} from 'node:fs'
import {basename, join} from 'node:path'
import {z} from 'zod'
import {FindingSchema} from '../finding'
import {countBySeverity, SEVERITIES, type Severity} from '../severity'
import type {OrgPlan} from './org-plan'

/** One repository's outcome in an organization scan. */
export interface RepositoryResult {
  repository: string
  status: 'scanned' | 'failed'
  /** Why a repository has no report (clone failed, scan crashed, its shard died). */
  error?: string
  counts: Record<Severity, number>
  byScanner: Record<string, number>
  blocking: number
  findings: z.infer<typeof FindingSchema>[]
}

export interface OrgReport {
  repositories: RepositoryResult[]
  totals: Record<Severity, number>
  byScanner: Record<string, number>
  failed: number
  /** Report files that could not be read, by path. */
  errors: Array<{path: string; message: string}>
}

const ReportFileSchema = z.looseObject({
  findings: z.array(z.looseObject(FindingSchema.shape)),
  summary: z.looseObject({blocking: z.number()}).optional()
})
const FailureFileSchema = z.object({repository: z.string(), error: z.string()})

/** `owner__repo.json`: owners cannot contain `_`, so the first `__` separates them. */
export function repositoryFromFileName(file: string): string | undefined {
  const name = basename(file).replace(/\.json$/, '')
  const at = name.indexOf('__')
  return at > 0 ? `${name.slice(0, at)}/${name.slice(at + 2)}` : undefined
}

function listJson(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) out.push(...listJson(path))
    else if (entry.endsWith('.json')) out.push(path)
  }
  return out
}

/**
 * Merges per-repository JSON reports (artifacts of the matrix jobs) into one organization report.
 * Failure files and repositories of the plan without any report are listed as failed, never dropped.
 */
export function aggregateReports(dir: string, plan?: OrgPlan): OrgReport {
  const results = new Map<string, RepositoryResult>()
  const errors: OrgReport['errors'] = []
  for (const file of listJson(dir)) {
    const shown = file.slice(dir.length + 1)
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      errors.push({path: shown, message: `not valid JSON (${(error as Error).message})`})
      continue
    }
    const failure = FailureFileSchema.safeParse(raw)
    if (failure.success) {
      results.set(failure.data.repository, failed(failure.data.repository, failure.data.error))
      continue
    }
    const repository = repositoryFromFileName(file)
    const report = ReportFileSchema.safeParse(raw)
    if (!repository || !report.success) {
      errors.push({
        path: shown,
        message: repository
          ? 'not a pipeguard JSON report'
          : 'file name is not <owner>__<repo>.json'
      })
      continue
    }
    const findings = report.data.findings.filter(f => f.status !== 'ignored')
    const counts = countBySeverity(findings)
    const byScanner: Record<string, number> = {}
    for (const f of findings) byScanner[f.scanner] = (byScanner[f.scanner] ?? 0) + 1
    results.set(repository, {
      repository,
      status: 'scanned',
      counts,
      byScanner,
      blocking: report.data.summary?.blocking ?? 0,
      findings: findings as RepositoryResult['findings']
    })
  }
  for (const shard of plan?.include ?? []) {
    for (const repository of shard.repositories.split(/\s+/).filter(Boolean)) {
      if (!results.has(repository)) {
        results.set(
          repository,
          failed(repository, `no report: shard ${shard.shard} did not finish or did not upload it`)
        )
      }
    }
  }
  const repositories = [...results.values()].sort(compareWorstFirst)
  const totals = countBySeverity([])
  const byScanner: Record<string, number> = {}
  for (const r of repositories) {
    for (const s of SEVERITIES) totals[s] += r.counts[s]
    for (const [k, v] of Object.entries(r.byScanner)) byScanner[k] = (byScanner[k] ?? 0) + v
  }
  return {
    repositories,
    totals,
    byScanner,
    failed: repositories.filter(r => r.status === 'failed').length,
    errors
  }
}

function failed(repository: string, error: string): RepositoryResult {
  return {
    repository,
    status: 'failed',
    error,
    counts: countBySeverity([]),
    byScanner: {},
    blocking: 0,
    findings: []
  }
}

/** Failed first (they need a look), then by severity counts, most severe first. */
function compareWorstFirst(a: RepositoryResult, b: RepositoryResult): number {
  if (a.status !== b.status) return a.status === 'failed' ? -1 : 1
  for (const s of SEVERITIES) if (a.counts[s] !== b.counts[s]) return b.counts[s] - a.counts[s]
  return a.repository.localeCompare(b.repository)
}
