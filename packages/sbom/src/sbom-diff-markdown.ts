import {escapeInlineCode, escapeMarkdown} from '@pipeguard/core'
import type {SbomComponent} from './components'
import type {SbomDiff} from './sbom-diff'

/** Rows per table before the rest is summarised: a comment must stay far below 65,536 chars. */
export const SBOM_DIFF_MAX_ROWS = 200

/** The pull request view of an SBOM change: what the PR adds, removes and upgrades. */
export function renderSbomDiff(diff: SbomDiff): string {
  const total =
    diff.added.length + diff.removed.length + diff.changed.length + diff.licenseChanged.length
  if (total === 0) return 'No dependency changes in this pull request.\n'
  const lines = [
    `**${diff.added.length}** added, **${diff.removed.length}** removed, **${diff.changed.length}** changed version, **${diff.licenseChanged.length}** changed license.`,
    ''
  ]
  const table = (title: string, header: string, rows: string[]): void => {
    if (rows.length === 0) return
    lines.push(`### ${title}`, '', header, header.replace(/[^|]+/g, ' --- '))
    lines.push(...rows.slice(0, SBOM_DIFF_MAX_ROWS))
    if (rows.length > SBOM_DIFF_MAX_ROWS)
      lines.push('', `…and ${rows.length - SBOM_DIFF_MAX_ROWS} more (see the SBOM artifact).`)
    lines.push('')
  }
  const name = (c: SbomComponent): string =>
    `${escapeInlineCode(c.name)} (${escapeMarkdown(c.ecosystem)})`
  const license = (c: SbomComponent): string =>
    c.license ? escapeInlineCode(c.license) : 'unknown'
  table(
    'Added',
    '| Package | Version | License | Scope |',
    diff.added.map(
      c => `| ${name(c)} | ${escapeInlineCode(c.version)} | ${license(c)} | ${c.scope} |`
    )
  )
  table(
    'Removed',
    '| Package | Version |',
    diff.removed.map(c => `| ${name(c)} | ${escapeInlineCode(c.version)} |`)
  )
  table(
    'Changed version',
    '| Package | From | To |',
    diff.changed.map(
      d =>
        `| ${name(d.after)} | ${escapeInlineCode(d.before.version)} | ${escapeInlineCode(d.after.version)} |`
    )
  )
  table(
    'Changed license',
    '| Package | Version | From | To |',
    diff.licenseChanged.map(
      d =>
        `| ${name(d.after)} | ${escapeInlineCode(d.after.version)} | ${license(d.before)} | ${license(d.after)} |`
    )
  )
  return lines.join('\n')
}
