import type {Platform} from './check'

export interface LineRange {
  startLine: number
  endLine: number
}

/**
 * The resources of a file as line ranges, so that findings in copied manifests can be compared by
 * what they are about: Terraform top-level blocks, Kubernetes YAML documents, CloudFormation
 * resources under `Resources`; a line outside them (and any line of a Dockerfile, Compose file or
 * workflow) belongs to the whole file.
 */
export class ResourceSpans {
  private readonly lines: string[]
  /** Sorted and disjoint, found once per file: each lookup is a binary search. */
  private readonly ranges: LineRange[]
  /** Normalised text by range: a file with thousands of findings is normalised once per resource. */
  private readonly texts = new Map<string, string>()

  constructor(text: string, platform: Platform, blocks: LineRange[] = []) {
    this.lines = text.split('\n')
    this.ranges =
      platform === 'terraform'
        ? [...blocks].sort((a, b) => a.startLine - b.startLine)
        : platform === 'kubernetes'
          ? yamlDocuments(this.lines)
          : platform === 'cloudformation'
            ? cloudFormationResources(this.lines)
            : []
  }

  /**
   * What a line is in its resource: its offset in it and the resource's text (whitespace
   * normalised). Equal for the same line of a copy; different for two places of one resource.
   */
  identityAt(line: number): string {
    const range = this.rangeAt(line)
    const key = `${range.startLine}:${range.endLine}`
    let text = this.texts.get(key)
    if (text === undefined) {
      text = this.lines
        .slice(range.startLine - 1, range.endLine)
        .join('\n')
        .replace(/\s+/g, ' ')
        .trim()
      this.texts.set(key, text)
    }
    return `${line - range.startLine}\0${text}`
  }

  rangeAt(line: number): LineRange {
    let lo = 0
    let hi = this.ranges.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const r = this.ranges[mid]!
      if (line < r.startLine) hi = mid - 1
      else if (line > r.endLine) lo = mid + 1
      else return r
    }
    return {startLine: 1, endLine: this.lines.length}
  }
}

/** The documents of a YAML stream, between `---` lines (which belong to none). */
function yamlDocuments(lines: string[]): LineRange[] {
  const out: LineRange[] = []
  let start = 1
  lines.forEach((l, i) => {
    if (!/^---/.test(l)) return
    if (i + 1 > start) out.push({startLine: start, endLine: i})
    start = i + 2
  })
  out.push({startLine: start, endLine: lines.length})
  return out
}

/**
 * Each key at the indentation of the first key under `Resources` (YAML or pretty-printed JSON),
 * running to the line before the next one at or left of that indentation.
 */
function cloudFormationResources(lines: string[]): LineRange[] {
  const at = lines.findIndex(l => /^\s*"?Resources"?\s*:/.test(l))
  if (at < 0) return []
  const code = (i: number) => lines[i]!.trim() !== '' && !lines[i]!.trim().startsWith('#')
  let indent = -1
  const out: LineRange[] = []
  let current: LineRange | undefined
  for (let i = at + 1; i < lines.length; i++) {
    if (!code(i)) continue
    const own = indentOf(lines[i]!)
    if (indent < 0) indent = own
    if (own < indent || (own === indent && /^\s*[}\]]/.test(lines[i]!))) break
    if (own === indent) {
      current = {startLine: i + 1, endLine: i + 1}
      out.push(current)
    } else if (current) current.endLine = i + 1
  }
  return out
}

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].length
}
