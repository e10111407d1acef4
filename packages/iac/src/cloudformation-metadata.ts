import type {CloudFormationDoc} from './parsers/cloudformation'
import {get, items, text, type YamlNode} from './parsers/yaml-document'

/** A resource's `Metadata` suppression of peer rules, over the resource's lines. */
export interface MetadataSuppression {
  startLine: number
  endLine: number
  /** Lower-cased peer rule ids. */
  ids: string[]
  reason: string
}

/**
 * The suppressions a template declares in each resource's `Metadata`, as the peers read them:
 * cfn_nag `cfn_nag.rules_to_suppress[].id`, checkov `checkov.skip[].id`, cfn-guard
 * `guard.SuppressedRules[]`. They are matched through each check's peer aliases, so a resource whose
 * W35 or S3_BUCKET_LOGGING_ENABLED is already suppressed is not reported for access logging again.
 */
export function metadataSuppressions(doc: CloudFormationDoc): MetadataSuppression[] {
  const out: MetadataSuppression[] = []
  for (const resource of doc.resources) {
    const metadata = get(resource.node, 'Metadata')
    if (!metadata) continue
    const add = (ids: string[], reason: string) => {
      if (ids.length)
        out.push({
          startLine: resource.line,
          endLine: resource.node.endLine,
          ids: ids.map(id => id.toLowerCase()),
          reason
        })
    }
    for (const entry of items(get(metadata, 'cfn_nag.rules_to_suppress'))) {
      add(
        idOf(entry),
        `cfn_nag rules_to_suppress: ${text(get(entry, 'reason')) ?? 'no reason given'}`
      )
    }
    for (const entry of items(get(metadata, 'checkov.skip'))) {
      add(idOf(entry), `checkov skip: ${text(get(entry, 'comment')) ?? 'no comment given'}`)
    }
    const guard = items(get(metadata, 'guard.SuppressedRules')).flatMap(n => text(n) ?? [])
    add(guard, 'cfn-guard SuppressedRules')
  }
  return out
}

/** `{id: W35, reason: ...}`, or a bare id as some templates write it. */
function idOf(entry: YamlNode): string[] {
  const id = entry.kind === 'map' ? text(get(entry, 'id')) : text(entry)
  return id ? [id] : []
}

/** The suppression that covers a finding on `line` of a check with these ids and aliases. */
export function matchMetadata(
  suppressions: MetadataSuppression[],
  line: number,
  ids: string[]
): MetadataSuppression | undefined {
  const wanted = ids.map(id => id.toLowerCase())
  return suppressions.find(
    s => line >= s.startLine && line <= s.endLine && s.ids.some(id => wanted.includes(id))
  )
}
