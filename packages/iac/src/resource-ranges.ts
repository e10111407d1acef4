import type {Platform} from './check'
import type {CloudFormationDoc} from './parsers/cloudformation'
import type {ComposeDoc} from './parsers/compose'
import type {DockerfileDoc} from './parsers/dockerfile'
import type {GitHubActionsDoc} from './parsers/github-actions'
import type {KubernetesDoc} from './parsers/kubernetes'

export interface LineRange {
  startLine: number
  endLine: number
}

/**
 * The line ranges of the resources a platform's checks judge: a Kubernetes object, a
 * CloudFormation resource, a Compose service, a workflow job, a Dockerfile stage (Terraform's
 * top-level blocks come from its own parser). A pull request that removes a setting from one of
 * them changes its findings although no line of theirs was added.
 */
export function resourceRanges(platform: Platform, doc: unknown): LineRange[] {
  switch (platform) {
    case 'kubernetes':
      return (doc as KubernetesDoc).objects.map(o => range(o.line, o.node.endLine))
    case 'cloudformation':
      return (doc as CloudFormationDoc).resources.map(r => range(r.line, r.node.endLine))
    case 'compose':
      return (doc as ComposeDoc).services.map(s => range(s.line, s.node.endLine))
    case 'github-actions':
      return (doc as GitHubActionsDoc).jobs.map(j => range(j.line, j.node.endLine))
    case 'dockerfile':
      return (doc as DockerfileDoc).stages.map(s =>
        range(s.line, Math.max(s.line, ...s.instructions.map(i => i.endLine)))
      )
    case 'terraform':
      return []
  }
}

function range(startLine: number, endLine: number): LineRange {
  return {startLine, endLine: Math.max(startLine, endLine)}
}

/** The smallest range that holds `line` (ranges may nest: a step inside a job). */
export function innermostRange(ranges: LineRange[], line: number): LineRange | undefined {
  let best: LineRange | undefined
  for (const r of ranges) {
    if (line < r.startLine || line > r.endLine) continue
    if (!best || r.endLine - r.startLine < best.endLine - best.startLine) best = r
  }
  return best
}
