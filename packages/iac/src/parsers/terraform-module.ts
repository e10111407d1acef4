import {EvalBudget, type EvalFrame, type EvalLimits} from './eval-budget'
import {type EvalContext, evaluate} from './hcl-eval'
import {type HclValue, UNKNOWN} from './hcl-expr'
import type {HclAttribute, HclFile} from './hcl-syntax'
import {BlockView, instancesOf} from './terraform-model'

/** One Terraform module (a folder): its files evaluated together, since names cross files. */
export interface TerraformModule {
  dir: string
  ctx: EvalContext
  /** Shared by every evaluation in the module; its hits are the files' bound errors. */
  budget: EvalBudget
  resources: BlockView[]
  data: BlockView[]
  /** `module "x" {...}` calls, for the scanner to follow local sources. */
  calls: BlockView[]
  /**
   * The variable defaults, tfvars values and locals a resource's values read so far came from, so
   * that a change there (`cidr = "0.0.0.0/0"` in a tfvars) changes its findings.
   */
  originsOf(address: string): SourceLines[]
}

/** Lines of a file, relative to the scanned root as the workspace names it. */
export interface SourceLines {
  path: string
  startLine: number
  endLine: number
}

/** What a Terraform check reads: one file's resources, with the whole module for cross-references. */
export interface TerraformDocument {
  path: string
  resources: BlockView[]
  data: BlockView[]
  module: TerraformModule
  /** The `module` block whose inputs this evaluation is bound to (a local module's caller). */
  caller?: BlockView
}

export interface ModuleSource {
  dir: string
  files: HclFile[]
  /** terraform.tfvars and *.auto.tfvars of the folder, in Terraform's load order. */
  tfvars?: HclFile[]
  /** Values passed by a calling `module` block (already evaluated in the caller). */
  inputs?: Record<string, HclValue>
  /** That `module` block. */
  caller?: BlockView
  /** Evaluation bounds; EVAL_LIMITS unless a test needs small ones. */
  limits?: EvalLimits
}

/** An attribute and the file it is written in. */
interface Located {
  attr: HclAttribute
  path: string
}

export function evaluateModule(source: ModuleSource): {
  module: TerraformModule
  documents: TerraformDocument[]
} {
  const files = [...source.files, ...(source.tfvars ?? [])]
  const budget = new EvalBudget(
    files.reduce((n, f) => n + f.size, 0),
    {path: source.files[0]?.path ?? source.dir, what: 'module evaluation'},
    source.limits
  )
  const defaults = new Map<string, Located | undefined>()
  const localExprs = new Map<string, Located>()
  for (const file of source.files) {
    for (const block of file.blocks) {
      if (block.type === 'variable' && block.labels[0]) {
        const attr = block.attributes.get('default')
        defaults.set(block.labels[0], attr && {attr, path: file.path})
      }
      if (block.type === 'locals')
        for (const [name, attr] of block.attributes) localExprs.set(name, {attr, path: file.path})
    }
  }
  const tfvars = new Map<string, Located>()
  for (const file of source.tfvars ?? [])
    for (const [name, attr] of file.attributes) tfvars.set(name, {attr, path: file.path})

  // Variable values cannot refer to anything: they are evaluated with nothing in scope.
  const constants: EvalContext = {
    variable: () => UNKNOWN,
    local: () => UNKNOWN,
    binding: () => undefined,
    budget
  }
  /** Values by name, and whether a bound cut them short (so every later reader is incomplete too). */
  const memo = new Map<string, {value: HclValue; tainted: boolean}>()
  const inProgress = new Set<string>()
  // Where values come from, as a graph: the names each name read while it was computed, and the
  // names each resource's attributes read. Origins are its closure, walked when asked for: a
  // chain of locals keeps one edge per read, not every ancestor per name.
  const reads = new Map<string, Set<string>>()
  const declaredAt = new Map<string, SourceLines>()
  const collecting: Set<string>[] = []
  const subjectReads = new Map<string, Set<string>>()
  const once = (frame: EvalFrame, compute: () => HclValue): HclValue => {
    const cached = memo.get(frame.what)
    if (cached) {
      if (cached.tainted) budget.taint(frame)
      return cached.value
    }
    if (inProgress.has(frame.what)) {
      budget.hit(`refers to itself through ${frame.what}, a cycle Terraform rejects`)
      return UNKNOWN
    }
    const epoch = budget.epoch
    const read = new Set<string>()
    // Added inside the try: a stack overflow right after it must not leave a false cycle behind.
    try {
      inProgress.add(frame.what)
      collecting.push(read)
      const value = budget.within(frame, compute)
      memo.set(frame.what, {value, tainted: budget.epoch !== epoch})
      reads.set(frame.what, read)
      return value
    } finally {
      collecting.pop()
      inProgress.delete(frame.what)
    }
  }
  const named = (what: string, from: Located, compute: () => HclValue): HclValue => {
    const value = once({path: from.path, what}, compute)
    declaredAt.set(what, {path: from.path, startLine: from.attr.line, endLine: from.attr.endLine})
    collecting.at(-1)?.add(what)
    const subject = budget.subject
    if (subject !== undefined) {
      const names = subjectReads.get(subject) ?? new Set<string>()
      subjectReads.set(subject, names.add(what))
    }
    return value
  }
  const originsOf = (address: string): SourceLines[] => {
    const seen = new Set<string>()
    const stack = [...(subjectReads.get(address) ?? [])]
    const out: SourceLines[] = []
    while (stack.length) {
      const what = stack.pop()!
      if (seen.has(what)) continue
      seen.add(what)
      const at = declaredAt.get(what)
      if (at) out.push(at)
      stack.push(...(reads.get(what) ?? []))
    }
    return out
  }
  const ctx: EvalContext = {
    variable(name) {
      if (source.inputs && Object.hasOwn(source.inputs, name)) return source.inputs[name]!
      const from = tfvars.get(name) ?? defaults.get(name)
      if (!from) return UNKNOWN
      return named(`var.${name}`, from, () => evaluate(from.attr.expr, constants))
    },
    local(name) {
      const local = localExprs.get(name)
      if (!local) return UNKNOWN
      return named(`local.${name}`, local, () => evaluate(local.attr.expr, ctx))
    },
    binding: () => undefined,
    budget
  }

  const module: TerraformModule = {
    dir: source.dir,
    ctx,
    budget,
    resources: [],
    data: [],
    calls: [],
    originsOf
  }
  const documents = source.files.map(file => {
    const doc: TerraformDocument = {
      path: file.path,
      resources: [],
      data: [],
      module,
      ...(source.caller ? {caller: source.caller} : {})
    }
    for (const block of file.blocks) {
      const [type, name] = block.labels
      if (block.type === 'resource' && type && name)
        doc.resources.push(...instancesOf(block, ctx, `${type}.${name}`, file.path))
      else if (block.type === 'data' && type && name)
        doc.data.push(...instancesOf(block, ctx, `data.${type}.${name}`, file.path))
      else if (block.type === 'module' && type)
        module.calls.push(...instancesOf(block, ctx, `module.${type}`, file.path))
    }
    module.resources.push(...doc.resources)
    module.data.push(...doc.data)
    return doc
  })
  return {module, documents}
}
