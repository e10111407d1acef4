/**
 * `.gitleaksignore`: one gitleaks fingerprint per line, `file:rule:line` for a working-tree
 * finding or `commit:file:rule:line` for one in history, or the fingerprint pipeguard reports
 * (the one its own outputs and baseline use); `#` starts a comment.
 */
export function parseGitleaksIgnore(text: string): Set<string> {
  const entries = new Set<string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    entries.add(line)
    // gitleaks on Windows writes `dir\file`; on Linux a backslash may also be part of a name.
    if (line.includes('\\')) entries.add(line.replace(/\\/g, '/'))
  }
  return entries
}

/** The gitleaks fingerprint of a finding. */
export function gitleaksFingerprint(
  path: string,
  ruleId: string,
  line: number,
  commit?: string
): string {
  return commit ? `${commit}:${path}:${ruleId}:${line}` : `${path}:${ruleId}:${line}`
}

/** Exact match, or an entry written with a prefix to the path (gitleaks run from another folder). */
export function isIgnoredByGitleaks(
  entries: Set<string>,
  path: string,
  ruleId: string,
  line: number,
  commit?: string
): boolean {
  const wanted = gitleaksFingerprint(path, ruleId, line, commit)
  if (entries.has(wanted)) return true
  const tail = `/${path}:${ruleId}:${line}`
  for (const entry of entries) {
    if (!entry.endsWith(tail)) continue
    if (!commit || entry.startsWith(`${commit}:`)) return true
  }
  return false
}

/**
 * Ignored by `.gitleaksignore`: pipeguard's own fingerprint of the finding (stable when lines
 * move, the one its reports show), or the gitleaks form.
 */
export function isIgnoredFinding(
  entries: Set<string>,
  finding: {
    fingerprint: string
    ruleId: string
    location: {path: string; startLine: number}
    commit?: {sha: string}
  }
): boolean {
  if (entries.has(finding.fingerprint)) return true
  return isIgnoredByGitleaks(
    entries,
    finding.location.path,
    finding.ruleId,
    finding.location.startLine,
    finding.commit?.sha
  )
}
