import type {PlatformParser} from '../parser'
import {
  get,
  items,
  pairOf,
  pairs,
  parseYaml,
  text,
  type YamlFile,
  type YamlMap,
  type YamlNode
} from './yaml-document'

export interface WorkflowStep {
  node: YamlMap
  line: number
  /** `uses:` value and the line of its key. */
  uses?: {value: string; line: number}
  /** The `run:` value node (a block scalar keeps the lines of its content). */
  run?: YamlNode
  with?: YamlMap
  /** `jobs.build.steps[2]`, the finding's resource. */
  ref: string
}

export interface WorkflowJob {
  id: string
  node: YamlMap
  /** Line of the job's key. */
  line: number
  steps: WorkflowStep[]
  /** A reusable-workflow call (`uses: org/repo/.github/workflows/x.yml@ref`). */
  uses?: {value: string; line: number}
  ref: string
}

export interface GitHubActionsDoc {
  file: YamlFile
  kind: 'workflow' | 'composite-action' | 'action'
  root: YamlMap
  /** Trigger event names under `on:` with the line where each is named. */
  triggers: Map<string, number>
  /** Workflow jobs; a composite action's `runs.steps` appear as one job named `runs`. */
  jobs: WorkflowJob[]
}

const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/
const ACTION_FILE = /(^|\/)action\.ya?ml$/

export const githubActionsParser: PlatformParser<GitHubActionsDoc> = {
  platform: 'github-actions',
  fileRequired: path => WORKFLOW_FILE.test(path) || ACTION_FILE.test(path),
  detect: (text, path) =>
    WORKFLOW_FILE.test(path) ? /^jobs\s*:/m.test(text) : /^runs\s*:/m.test(text),
  parse(source, path) {
    const parsed = parseYaml(source)
    if (!parsed.ok) return parsed
    const root = parsed.file.documents[0]
    const isWorkflow = WORKFLOW_FILE.test(path)
    const expected = isWorkflow ? 'a workflow mapping with jobs' : 'an action mapping with runs'
    if (!root || root.kind !== 'map')
      return {
        ok: false,
        error: `invalid ${isWorkflow ? 'workflow' : 'action'} at line ${root?.line ?? 1}: expected ${expected}`
      }
    if (isWorkflow) {
      const jobs = pairOf(root, 'jobs')
      if (!jobs || jobs.value.kind !== 'map') {
        return {
          ok: false,
          error: `invalid workflow at line ${jobs?.keyLine ?? root.line}: expected ${expected}`
        }
      }
      return {
        ok: true,
        doc: {
          file: parsed.file,
          kind: 'workflow',
          root,
          triggers: triggersOf(get(root, 'on')),
          jobs: pairs(jobs.value).flatMap(pair =>
            pair.value.kind === 'map'
              ? [toJob(pair.key, pair.value, pair.keyLine, `jobs.${pair.key}`)]
              : []
          )
        }
      }
    }
    const runs = pairOf(root, 'runs')
    const composite = runs?.value.kind === 'map' && text(get(runs.value, 'using')) === 'composite'
    return {
      ok: true,
      doc: {
        file: parsed.file,
        kind: composite ? 'composite-action' : 'action',
        root,
        triggers: new Map(),
        jobs:
          composite && runs.value.kind === 'map'
            ? [toJob('runs', runs.value, runs.keyLine, 'runs')]
            : []
      }
    }
  }
}

/** `on: push`, `on: [push, pull_request]` and `on: {push: ..., pull_request_target: ...}`. */
function triggersOf(on: YamlNode | undefined): Map<string, number> {
  const triggers = new Map<string, number>()
  if (!on) return triggers
  if (on.kind === 'scalar' && text(on)) triggers.set(text(on)!, on.line)
  for (const item of items(on)) if (text(item)) triggers.set(text(item)!, item.line)
  for (const pair of pairs(on)) triggers.set(pair.key, pair.keyLine)
  return triggers
}

function usesOf(node: YamlNode): {value: string; line: number} | undefined {
  const pair = pairOf(node, 'uses')
  const value = text(pair?.value)
  return pair && value ? {value, line: pair.keyLine} : undefined
}

function toJob(id: string, node: YamlMap, line: number, ref: string): WorkflowJob {
  const steps = items(get(node, 'steps')).flatMap((step, index): WorkflowStep[] => {
    if (step.kind !== 'map') return []
    const uses = usesOf(step)
    const run = get(step, 'run')
    const withNode = get(step, 'with')
    return [
      {
        node: step,
        line: step.line,
        ...(uses ? {uses} : {}),
        ...(run ? {run} : {}),
        ...(withNode?.kind === 'map' ? {with: withNode} : {}),
        ref: `${ref}.steps[${index}]`
      }
    ]
  })
  const uses = usesOf(node)
  return {id, node, line, steps, ...(uses ? {uses} : {}), ref}
}
