import {type EvalContext, evaluate} from './hcl-eval'
import {type HclValue, UNKNOWN} from './hcl-expr'
import type {HclAttribute, HclFile} from './hcl-syntax'
import {BlockView, instancesOf} from './terraform-model'

/** One Terraform module (a folder): its files evaluated together, since names cross files. */
export interface TerraformModule {
  dir: string
  ctx: EvalContext
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
}

export interface ModuleSource {
  dir: string
  files: HclFile[]
  /** terraform.tfvars and *.auto.tfvars of the folder, in Terraform's load order. */
  tfvars?: HclFile[]
  /** Values passed by a calling `module` block (already evaluated in the caller). */
  inputs?: Record<string, HclValue>
}

const EMPTY_CTX: EvalContext = {
  variable: () => UNKNOWN,
  local: () => UNKNOWN,
  binding: () => undefined
}

export function evaluateModule(source: ModuleSource): {
  module: TerraformModule
  documents: TerraformDocument[]
} {
  const defaults = new Map<string, HclAttribute | undefined>()
  const localExprs = new Map<string, HclAttribute>()
  for (const file of source.files) {
    for (const block of file.blocks) {
      if (block.type === 'variable' && block.labels[0])
        defaults.set(block.labels[0], block.attributes.get('default'))
      if (block.type === 'locals')
        for (const [name, attr] of block.attributes) localExprs.set(name, attr)
    }
  }
  const tfvars = new Map<string, HclAttribute>()
  for (const file of source.tfvars ?? [])
    for (const [name, attr] of file.attributes) tfvars.set(name, attr)

  const localValues = new Map<string, HclValue>()
  const inProgress = new Set<string>()
  const ctx: EvalContext = {
    variable(name) {
      if (source.inputs && Object.hasOwn(source.inputs, name)) return source.inputs[name]!
      const fromFile = tfvars.get(name)
      if (fromFile) return evaluate(fromFile.expr, EMPTY_CTX)
      const fallback = defaults.get(name)
      return fallback ? evaluate(fallback.expr, EMPTY_CTX) : UNKNOWN
    },
    local(name) {
      const cached = localValues.get(name)
      if (cached !== undefined) return cached
      const attr = localExprs.get(name)
      if (!attr || inProgress.has(name)) return UNKNOWN
      inProgress.add(name)
      const value = evaluate(attr.expr, ctx)
      inProgress.delete(name)
      localValues.set(name, value)
      return value
    },
    binding: () => undefined
  }

  const module: TerraformModule = {dir: source.dir, ctx, resources: [], data: [], calls: []}
  const documents = source.files.map(file => {
    const doc: TerraformDocument = {path: file.path, resources: [], data: [], module}
    for (const block of file.blocks) {
      const [type, name] = block.labels
      if (block.type === 'resource' && type && name)
        doc.resources.push(...instancesOf(block, ctx, `${type}.${name}`))
      else if (block.type === 'data' && type && name)
        doc.data.push(...instancesOf(block, ctx, `data.${type}.${name}`))
      else if (block.type === 'module' && type)
        module.calls.push(...instancesOf(block, ctx, `module.${type}`))
    }
    module.resources.push(...doc.resources)
    module.data.push(...doc.data)
    return doc
  })
  return {module, documents}
}
