/**
 * Inline suppression comments: pipeguard's own plus the forms of checkov, tfsec/trivy, kics, hadolint
 * and zizmor, so repositories that already carry them keep working. Pure functions over file text.
 */

export type SuppressionKind =
  'pipeguard' | 'checkov' | 'tfsec' | 'kics-line' | 'kics-block' | 'hadolint' | 'zizmor'

export interface SuppressionComment {
  kind: SuppressionKind
  /** 1-based line of the comment. */
  line: number
  /** Lower-cased ids it names; empty means every check (kics). */
  ids: string[]
  reason: string
}

export interface SuppressionTarget {
  line: number
  endLine: number
  /** The enclosing top-level block (a Terraform resource), when the platform knows it. */
  block?: {startLine: number; endLine: number}
  /** The check's id and its peer aliases. */
  ids: string[]
}

export type SuppressionMatch =
  | {suppressed: true; reason: string; comment: SuppressionComment}
  | {suppressed: false; missingReason?: SuppressionComment}

const PATTERNS: Array<{kind: SuppressionKind; re: RegExp}> = [
  {
    kind: 'pipeguard',
    re: /(?:#|\/\/|\/\*)\s*pipeguard:ignore\s+([\w.,-]+)[ \t]*([^\r\n]*?)\s*(?:\*\/)?$/gm
  },
  {kind: 'checkov', re: /checkov:skip=([\w.-]+)(?::([^\r\n]*))?/g},
  {kind: 'tfsec', re: /(?:tfsec|trivy):ignore:([\w.-]+?)(?::exp:\S+)?(?=[\s,]|$)/g},
  {kind: 'kics-line', re: /kics-scan\s+ignore-line\b/g},
  {kind: 'kics-block', re: /kics-scan\s+ignore-block\b/g},
  {kind: 'hadolint', re: /#\s*hadolint\s+ignore=([\w,\s]+)/g},
  {kind: 'zizmor', re: /#\s*zizmor:\s*ignore\[([\w,\s-]+)\]/g}
]

/** Every suppression comment in a file. Only text after a comment marker counts. */
export function parseSuppressions(text: string): SuppressionComment[] {
  const out: SuppressionComment[] = []
  const lines = text.split('\n')
  lines.forEach((lineText, i) => {
    if (!/#|\/\/|\/\*/.test(lineText)) return
    for (const {kind, re} of PATTERNS) {
      re.lastIndex = 0
      for (const m of lineText.matchAll(re)) {
        const ids = (m[1] ?? '')
          .split(',')
          .map(s => s.trim().toLowerCase())
          .filter(Boolean)
        const reason = kind === 'pipeguard' || kind === 'checkov' ? (m[2] ?? '').trim() : ''
        out.push({kind, line: i + 1, ids: kind.startsWith('kics') ? [] : ids, reason})
      }
    }
  })
  return out
}

/**
 * A file's suppression comments, indexed so that matching one finding reads only the comments
 * that can apply to it (near its lines or its block), not every comment of the file: a file with
 * tens of thousands of findings and comments stays linear.
 */
export class SuppressionIndex {
  /** In line order (parseSuppressions' order), for range lookups. */
  private readonly byLine: SuppressionComment[]
  /** hadolint comments by the instruction line they apply to. */
  private readonly hadolint = new Map<number, SuppressionComment[]>()
  /** kics ignore-block comments with the block each covers. */
  private readonly kicsBlocks = new Map<SuppressionComment, {startLine: number; endLine: number}>()

  constructor(comments: SuppressionComment[], lines: string[]) {
    this.byLine = [...comments].sort((a, b) => a.line - b.line)
    for (const c of this.byLine) {
      if (c.kind === 'hadolint') {
        const next = nextCodeLine(lines, c.line)
        if (next === undefined) continue
        const list = this.hadolint.get(next)
        if (list) list.push(c)
        else this.hadolint.set(next, [c])
      } else if (c.kind === 'kics-block') {
        const range = indentedBlockBelow(lines, c.line)
        if (range) this.kicsBlocks.set(c, range)
      }
    }
  }

  /**
   * Whether a finding is suppressed. Placement follows each tool's own rule:
   * pipeguard and checkov — the finding's line, the line above, anywhere in the enclosing block or the
   * line above the block; tfsec/trivy — the line, the line above, or above the block;
   * kics ignore-line — the next line; kics ignore-block — the indented block below the comment;
   * hadolint — the next instruction; zizmor — the finding's own lines.
   * A `pipeguard:ignore` without a reason is not honoured (reported as `missingReason`).
   */
  match(target: SuppressionTarget): SuppressionMatch {
    const ids = target.ids.map(id => id.toLowerCase())
    const names = (c: SuppressionComment) =>
      c.ids.length === 0 || c.ids.some(id => ids.includes(id))
    const {line, endLine, block} = target
    const near = (l: number) =>
      l === line ||
      l === line - 1 ||
      (block !== undefined && (l === block.startLine || l === block.startLine - 1))
    const inBlock = (l: number) =>
      block ? l >= block.startLine && l <= block.endLine : l === line || l === line - 1
    let missingReason: SuppressionComment | undefined
    for (const c of this.candidates(target)) {
      if (!names(c)) continue
      let applies = false
      switch (c.kind) {
        case 'tfsec':
          applies = near(c.line)
          break
        case 'pipeguard':
        case 'checkov':
          applies = inBlock(c.line) || near(c.line)
          break
        case 'kics-line':
          applies = c.line === line - 1 || c.line === line
          break
        case 'kics-block': {
          const range = this.kicsBlocks.get(c)
          applies = range !== undefined && line >= range.startLine && line <= range.endLine
          break
        }
        case 'hadolint':
          applies = this.hadolint.get(line)?.includes(c) ?? false
          break
        case 'zizmor':
          applies = c.line >= line && c.line <= endLine
          break
      }
      if (!applies) continue
      if (c.kind === 'pipeguard' && c.reason === '') {
        missingReason = c
        continue
      }
      return {suppressed: true, reason: c.reason || `${c.kind} inline suppression`, comment: c}
    }
    return missingReason ? {suppressed: false, missingReason} : {suppressed: false}
  }

  /**
   * The comments that can apply: those from the line above the block (or the finding) to the end
   * of the block (or the finding), hadolint comments aimed at the line and kics blocks around it;
   * in line order, as the rules are tried.
   */
  private candidates(target: SuppressionTarget): SuppressionComment[] {
    const {line, endLine, block} = target
    const from = Math.min(line, block?.startLine ?? line) - 1
    const to = Math.max(endLine, block?.endLine ?? endLine)
    const out: SuppressionComment[] = []
    for (let i = this.firstAtOrAfter(from); i < this.byLine.length; i++) {
      const c = this.byLine[i]!
      if (c.line > to) break
      out.push(c)
    }
    // kics blocks are few (YAML comments before a mapping); they are tried one by one.
    const around = [...this.kicsBlocks].filter(([, r]) => line >= r.startLine && line <= r.endLine)
    const extra = [...(this.hadolint.get(line) ?? []), ...around.map(([c]) => c)].filter(
      c => !out.includes(c)
    )
    return extra.length ? [...out, ...extra].sort((a, b) => a.line - b.line) : out
  }

  private firstAtOrAfter(line: number): number {
    let lo = 0
    let hi = this.byLine.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.byLine[mid]!.line < line) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** The first non-blank, non-comment line after `line` (1-based). */
function nextCodeLine(lines: string[], line: number): number | undefined {
  for (let i = line; i < lines.length; i++) {
    const t = lines[i]!.trim()
    if (t !== '' && !t.startsWith('#')) return i + 1
  }
  return undefined
}

/** The block that starts on the next code line and runs while lines are indented deeper than it. */
function indentedBlockBelow(
  lines: string[],
  line: number
): {startLine: number; endLine: number} | undefined {
  const start = nextCodeLine(lines, line)
  if (start === undefined) return undefined
  const indent = indentOf(lines[start - 1]!)
  let end = start
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!
    if (t.trim() === '') continue
    if (indentOf(t) <= indent) {
      // A closing brace at the header's indentation still belongs to the block.
      if (/^\s*[}\]]/.test(t)) end = i + 1
      break
    }
    end = i + 1
  }
  return {startLine: start, endLine: end}
}

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].length
}
