import {posix} from 'node:path'
import type {HclValue} from './hcl-expr'
import type {HclFile} from './hcl-syntax'
import {
  type Tool,
  compareTfvars,
  filesFor,
  isTfvars,
  parseTerraformFile,
  toolsFor
} from './terraform-files'
import {type TerraformDocument, evaluateModule} from './terraform-module'
import type {BlockView} from './terraform-model'

/** How deep local module calls are followed (a module calling a module calling ...). */
const MAX_MODULE_DEPTH = 5
/** Arguments of a `module` block that are Terraform's own, not the module's inputs. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on'])

export interface TerraformScan {
  documents: TerraformDocument[]
  errors: Array<{path: string; message: string}>
  /** Top-level block ranges per file, for block-scoped suppression comments. */
  blocks: Map<string, Array<{startLine: number; endLine: number}>>
  /** Local module sources that are not in the scanned tree (so not evaluated with their inputs). */
  notes: string[]
}

/**
 * Terraform is evaluated per folder (module): every .tf file of a folder shares variables and locals,
 * terraform.tfvars / *.auto.tfvars override defaults, and a `module` block with a local source
 * evaluates that folder again with the caller's inputs bound. A folder with `.tofu` files is
 * evaluated as Terraform and as OpenTofu read it (each file's findings are the union).
 * Needs `initHcl()` first.
 */
export function scanTerraform(files: Array<{path: string; text: string}>): TerraformScan {
  const errors: TerraformScan['errors'] = []
  const blocks: TerraformScan['blocks'] = new Map()
  const folders = new Map<string, {tf: HclFile[]; tfvars: HclFile[]}>()
  for (const {path, text} of files) {
    const parsed = parseTerraformFile(text, path)
    if (!parsed.ok) {
      errors.push({path, message: parsed.error})
      continue
    }
    const dir = posix.dirname(path)
    const folder = folders.get(dir) ?? {tf: [], tfvars: []}
    folders.set(dir, folder)
    if (isTfvars(path)) {
      folder.tfvars.push(parsed.file)
    } else {
      folder.tf.push(parsed.file)
      blocks.set(
        path,
        parsed.file.blocks.map(b => ({startLine: b.line, endLine: b.endLine}))
      )
    }
  }

  const documents: TerraformDocument[] = []
  const notes: string[] = []
  const visit = (
    dir: string,
    tool: Tool,
    inputs: Record<string, HclValue> | undefined,
    caller: BlockView | undefined,
    depth: number,
    chain: string[]
  ) => {
    const folder = folders.get(dir)
    const files = folder && filesFor(folder.tf, tool)
    if (!files?.length) return
    const {module, documents: docs} = evaluateModule({
      dir,
      files,
      tfvars: inputs ? [] : [...folder!.tfvars].sort((a, b) => compareTfvars(a.path, b.path)),
      ...(inputs ? {inputs} : {}),
      ...(caller ? {caller} : {})
    })
    documents.push(...docs)
    if (depth >= MAX_MODULE_DEPTH) return
    for (const call of module.calls) {
      const source = call.value('source')
      if (typeof source !== 'string' || !/^\.\.?\//.test(source)) continue
      const child = posix.normalize(posix.join(dir, source))
      if (chain.includes(child)) continue
      if (!folders.has(child)) {
        notes.push(
          `${call.address} in ${dir}: module source ${source} is outside the scanned files`
        )
        continue
      }
      const values: Record<string, HclValue> = {}
      for (const name of call.node.attributes.keys()) {
        if (!MODULE_META.has(name)) values[name] = call.value(name)!
      }
      visit(child, tool, values, call, depth + 1, [...chain, child])
    }
  }
  for (const dir of [...folders.keys()].sort()) {
    try {
      for (const tool of toolsFor(folders.get(dir)!.tf))
        visit(dir, tool, undefined, undefined, 0, [dir])
    } catch (error) {
      // The evaluation budget bounds recursion; should the stack still run out, every file of the
      // folder is reported and the other folders go on.
      if (!(error instanceof RangeError)) throw error
      for (const {path} of folders.get(dir)!.tf)
        errors.push({
          path,
          message: `${path}: Terraform module ${dir} could not be evaluated: ${error.message}`
        })
    }
  }
  return {documents, errors, blocks, notes: [...new Set(notes)]}
}
