import {relative} from 'node:path'
import {escapeInlineCode, escapeMarkdown, type FileError} from '@pipeguard/core/github'
import type {SbomComponent} from '@pipeguard/sbom'

/** Rows of unreadable files the summary lists; the annotations and the log have every one. */
export const SUMMARY_ERROR_ROWS = 100

export interface SbomSummaryFacts {
  format: string
  /** Absolute path of the SBOM written. */
  file: string
  /** The checkout: the SBOM's path is shown relative to it. */
  workspace: string
  components: SbomComponent[]
  /** Files that could not be read, at repository paths. */
  errors: FileError[]
  /** What happened to the artifact, the dependency snapshot and the comment. */
  notes: string[]
  /** On a pull request: the dependency changes, as in the comment. */
  diff?: string
}

/** The job summary of the SBOM action: what was written, per ecosystem, what is missing and why. */
export function renderSbomSummary(facts: SbomSummaryFacts): string {
  const where = relative(facts.workspace, facts.file).split('\\').join('/')
  const lines = ['### 🛡️ pipeguard · SBOM', '']
  lines.push(
    facts.errors.length > 0
      ? `⛔ **The SBOM is incomplete**: ${facts.errors.length} file(s) could not be read. ${facts.components.length} component(s) from the rest.`
      : `${facts.components.length} component(s).`,
    '',
    `${escapeMarkdown(facts.format)} written to ${escapeInlineCode(where.startsWith('..') ? facts.file : where)}.`,
    ''
  )
  const byEcosystem = new Map<string, number>()
  for (const c of facts.components)
    byEcosystem.set(c.ecosystem, (byEcosystem.get(c.ecosystem) ?? 0) + 1)
  if (byEcosystem.size > 0) {
    lines.push('| Ecosystem | Components |', '| --- | ---: |')
    for (const [ecosystem, count] of [...byEcosystem].sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`| ${escapeMarkdown(ecosystem)} | ${count} |`)
    lines.push('')
  }
  if (facts.errors.length > 0) {
    lines.push('#### Files that could not be read', '')
    for (const e of facts.errors.slice(0, SUMMARY_ERROR_ROWS))
      lines.push(`- ${escapeInlineCode(e.path || '(whole scan)')}: ${escapeMarkdown(e.message)}`)
    if (facts.errors.length > SUMMARY_ERROR_ROWS)
      lines.push(`- … and ${facts.errors.length - SUMMARY_ERROR_ROWS} more (see the annotations)`)
    lines.push('')
  }
  if (facts.diff !== undefined)
    lines.push('#### Dependency changes in this pull request', '', facts.diff)
  for (const note of facts.notes) lines.push(note, '')
  return lines.join('\n') + '\n'
}
