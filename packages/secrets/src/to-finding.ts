import {createFinding, redact, type Finding, type FindingContext} from '@pipeguard/core'
import type {CommitRef} from './commit-ref'
import type {CompiledRule} from './compiled-rule'
import type {Detection} from './detector'

/**
 * A detection as a report finding: the secret only redacted. The fingerprint is computed from the
 * rule, the path and the line with every secret on it masked, never from the secret: a committed
 * baseline must not let anyone test guesses of it (a weak password fell to a dictionary in 0.2 s).
 * The price: a secret replaced by another at the same place keeps its fingerprint.
 */
export function detectionToFinding(
  detection: Detection,
  path: string,
  commit?: CommitRef,
  place: {context?: FindingContext; count?: number} = {}
): Finding {
  const {rule, secret} = detection
  const shown = redact(secret, rule.prefixLength)
  const encoded = detection.encoding ? ` (inside a ${detection.encoding}-encoded string)` : ''
  const where = commit ? ` added in commit ${commit.sha.slice(0, 12)}` : ''
  const finding = createFinding({
    scanner: 'secrets',
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.description,
    message: `${rule.description} (rule ${rule.id}): ${shown}${encoded}${where}`,
    path,
    startLine: detection.startLine,
    endLine: detection.endLine,
    startColumn: detection.startColumn,
    remediation: rule.rotation,
    snippet: detection.snippet,
    fingerprintContent: detection.maskedLine,
    ...(rule.docs ? {helpUri: rule.docs} : {}),
    ...(commit ? {commit} : {}),
    ...(place.context ? {context: place.context} : {}),
    ...(place.count ? {count: place.count} : {}),
    ...(detection.encoding ? {properties: {encoding: detection.encoding}} : {})
  })
  return commit ? {...finding, remediation: historyRemediation(rule.rotation, finding)} : finding
}

/**
 * A secret found in a commit stays in the history after a later commit removes it, so removing
 * it does not unblock: say what does.
 */
function historyRemediation(rotation: string, finding: Finding): string {
  return `${rotation} A later commit that removes it does not take it out of the git history: rotate it first, then either add \`${finding.fingerprint}\` to \`.gitleaksignore\` under a \`#\` comment that says it was rotated, or rewrite the history (\`git filter-repo\`) before merging.`
}

/** A gitleaks `path`-only rule flags the file itself. */
export function pathRuleFinding(rule: CompiledRule, path: string, commit?: CommitRef): Finding {
  return createFinding({
    scanner: 'secrets',
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.description,
    message: `${rule.description} (rule ${rule.id}): this file should not be committed`,
    path,
    startLine: 1,
    remediation: rule.rotation,
    fingerprintContent: `${rule.id}:${path}`,
    ...(commit ? {commit} : {})
  })
}
