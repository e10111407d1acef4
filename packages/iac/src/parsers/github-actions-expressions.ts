import type {GitHubActionsDoc, WorkflowStep} from './github-actions'
import {get, matchLines, type YamlNode} from './yaml-document'

/**
 * Contexts an outside contributor controls (issue and PR text, branch names, commit messages):
 * GitHub Security Lab's list of untrusted input, which zizmor and actionlint also use.
 */
const UNTRUSTED_CONTEXT =
  /\bgithub\.head_ref\b|\bgithub\.event\.(issue|pull_request|comment|review|review_comment|discussion|discussion_comment|head_commit|commits|pages|workflow_run)\b[\w.*[\]'"-]*?\.(title|body|message|name|email|label|page_name|default_branch|head_branch|ref)\b/

const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g

export function isUntrustedExpression(expression: string): boolean {
  const match = UNTRUSTED_CONTEXT.exec(expression)
  // The base branch is chosen by maintainers, not the contributor.
  return match !== null && !/\.base\./.test(match[0])
}

/** `${{ ... }}` expressions with untrusted input inside a value, each with its own line. */
export function untrustedExpressions(
  doc: GitHubActionsDoc,
  node: YamlNode
): {line: number; match: string}[] {
  return matchLines(doc.file, node, EXPRESSION).filter(m => isUntrustedExpression(m.match))
}

/** The script a step runs: `run:` or the `script:` input of actions/github-script. */
export function stepScript(step: WorkflowStep): YamlNode | undefined {
  if (step.run) return step.run
  if (step.uses && usesRef(step.uses.value).action === 'actions/github-script')
    return get(step.with, 'script')
  return undefined
}

export interface UsesRef {
  kind: 'local' | 'docker' | 'remote'
  /** `owner/repo` for remote actions and reusable workflows. */
  action: string
  owner: string
  ref: string
}

export function usesRef(uses: string): UsesRef {
  if (uses.startsWith('./') || uses.startsWith('../'))
    return {kind: 'local', action: uses, owner: '', ref: ''}
  if (uses.startsWith('docker://')) {
    const image = uses.slice('docker://'.length)
    return {
      kind: 'docker',
      action: image,
      owner: '',
      ref: image.includes('@') ? image.slice(image.indexOf('@') + 1) : ''
    }
  }
  const at = uses.lastIndexOf('@')
  const path = at >= 0 ? uses.slice(0, at) : uses
  const [owner = '', repo = ''] = path.split('/')
  return {
    kind: 'remote',
    action: `${owner}/${repo}`.toLowerCase(),
    owner: owner.toLowerCase(),
    ref: at >= 0 ? uses.slice(at + 1) : ''
  }
}

/** A full commit SHA (or an image digest) cannot be moved; tags and branches can. */
export function isPinned(ref: UsesRef): boolean {
  if (ref.kind === 'local') return true
  if (ref.kind === 'docker') return /^sha256:[0-9a-f]{64}$/.test(ref.ref)
  return /^[0-9a-f]{40}$/.test(ref.ref)
}

/** Actions published by GitHub itself. */
export function isGitHubOwned(ref: UsesRef): boolean {
  return ref.kind === 'remote' && (ref.owner === 'actions' || ref.owner === 'github')
}

/** Events whose runs get a privileged token and secrets while acting on contributor input. */
export const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment']

export function hasTrigger(doc: GitHubActionsDoc, ...names: string[]): boolean {
  return names.some(n => doc.triggers.has(n))
}
