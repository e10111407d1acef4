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
    // Added inside the try: a stack overflow right after it must not leave a false cycle behind.
    try {
      inProgress.add(frame.what)
      const value = budget.within(frame, compute)
      memo.set(frame.what, {value, tainted: budget.epoch !== epoch})
      return value
    } finally {
      inProgress.delete(frame.what)
    }
  }
  const ctx: EvalContext = {
    variable(name) {
      if (source.inputs && Object.hasOwn(source.inputs, name)) return source.inputs[name]!
      const from = tfvars.get(name) ?? defaults.get(name)
      if (!from) return UNKNOWN
      return once({path: from.path, what: `var.${name}`}, () => evaluate(from.attr.expr, constants))
    },
    local(name) {
      const local = localExprs.get(name)
      if (!local) return UNKNOWN
      return once({path: local.path, what: `local.${name}`}, () => evaluate(local.attr.expr, ctx))
    },
    binding: () => undefined,
    budget
  }

  const module: TerraformModule = {dir: source.dir, ctx, budget, resources: [], data: [], calls: []}
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
