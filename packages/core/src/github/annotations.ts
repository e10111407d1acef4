import type {AnnotationProperties} from '@actions/core'
import {compareFindings, contextLabel, type Finding} from '../finding'
import type {Severity} from '../severity'

/** GitHub keeps 10 error, 10 warning and 10 notice workflow-command annotations per step. */
export const ANNOTATIONS_PER_TYPE = 10

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export const ANNOTATION_LEVEL: Record<Severity, AnnotationLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice'
}

export interface Annotation {
  level: AnnotationLevel
  message: string
  properties: AnnotationProperties & {file: string}
}

export interface AnnotationPlan {
  shown: Annotation[]
  /** Findings past the per-type budget, most severe first. */
  overflow: Finding[]
}

/** One annotation per finding; the file path is relative to the repository root. */
export function toAnnotation(finding: Finding, repoPath: string): Annotation {
  const {startLine, endLine, startColumn, endColumn} = finding.location
  const properties: Annotation['properties'] = {
    title: `${finding.title} (${[finding.ruleId, contextLabel(finding)].filter(Boolean).join('; ')})`,
    file: repoPath,
    startLine,
    endLine
  }
  // Columns are only valid on a single line.
  if (startLine === endLine && startColumn !== undefined) {
    properties.startColumn = startColumn
    if (endColumn !== undefined) properties.endColumn = endColumn
  }
  return {
    level: ANNOTATION_LEVEL[finding.severity],
    message: finding.remediation
      ? `${finding.message}\nFix: ${finding.remediation}`
      : finding.message,
    properties
  }
}

/** An error annotation on a file that could not be scanned: it must never read as clean. */
export function unscannedAnnotation(repoPath: string, message: string): Annotation {
  return {
    level: 'error',
    message,
    properties: {title: 'pipeguard could not scan this file', file: repoPath}
  }
}

/**
 * Files that could not be scanned first (they take from the error budget), then findings, most
 * severe first, at most ANNOTATIONS_PER_TYPE of each level; the findings past it overflow.
 */
export function planAnnotations(
  findings: Finding[],
  repoPathOf: (f: Finding) => string,
  unscanned: Annotation[] = []
): AnnotationPlan {
  const used: Record<AnnotationLevel, number> = {error: 0, warning: 0, notice: 0}
  const shown: Annotation[] = []
  for (const a of unscanned) {
    if (used[a.level] >= ANNOTATIONS_PER_TYPE) break
    used[a.level]++
    shown.push(a)
  }
  const overflow: Finding[] = []
  for (const finding of [...findings].sort(compareFindings)) {
    const level = ANNOTATION_LEVEL[finding.severity]
    if (used[level] < ANNOTATIONS_PER_TYPE) {
      used[level]++
      shown.push(toAnnotation(finding, repoPathOf(finding)))
    } else {
      overflow.push(finding)
    }
  }
  return {shown, overflow}
}

export type AnnotationSink = Record<
  AnnotationLevel,
  (message: string, properties: AnnotationProperties) => void
>

/** Writes workflow commands through @actions/core, which escapes `%`, CR, LF, `:` and `,` in properties. */
export function emitAnnotations(sink: AnnotationSink, annotations: Annotation[]): void {
  for (const a of annotations) sink[a.level](a.message, a.properties)
}
