import type {Platform} from './check'
import type {LineRange} from './resource-ranges'

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

  /** `resources`: the file's resources as the parser found them (see resourceRanges). */
  constructor(text: string, platform: Platform, resources: LineRange[]) {
    this.lines = text.split('\n')
    this.ranges =
      platform === 'terraform' || platform === 'cloudformation'
        ? [...resources].sort((a, b) => a.startLine - b.startLine)
        : platform === 'kubernetes'
          ? yamlDocuments(this.lines)
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
