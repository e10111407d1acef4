import {posix} from 'node:path'
import {type HclParseOutcome, parseHcl} from './hcl-syntax'
import {parseTerraformJson, parseTfvarsJson} from './terraform-json'

/** Configuration files, native and JSON syntax; OpenTofu adds `.tofu` / `.tofu.json`. */
const SOURCE = /\.(tf|tofu)(\.json)?$/
/** Variable files Terraform loads by itself, in the order it loads them. */
const TFVARS = [/^terraform\.tfvars$/, /^terraform\.tfvars\.json$/, /\.auto\.tfvars(\.json)?$/]

export function isTerraformSource(path: string): boolean {
  return SOURCE.test(path)
}

export function isTfvars(path: string): boolean {
  const name = posix.basename(path)
  return TFVARS.some(re => re.test(name))
}

/** Every file the Terraform scan reads. */
export function isTerraformFile(path: string): boolean {
  return isTerraformSource(path) || isTfvars(path)
}

export function isOpenTofuOnly(path: string): boolean {
  return /\.tofu(\.json)?$/.test(path)
}

/** Parses a source or variable file by its syntax (JSON or native). Needs `initHcl()` first. */
export function parseTerraformFile(text: string, path: string): HclParseOutcome {
  if (isTfvars(path))
    return path.endsWith('.json') ? parseTfvarsJson(text, path) : parseHcl(text, path)
  return path.endsWith('.json') ? parseTerraformJson(text, path) : parseHcl(text, path)
}

/** Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name. */
export function compareTfvars(a: string, b: string): number {
  const rank = (p: string) => TFVARS.findIndex(re => re.test(posix.basename(p)))
  return rank(a) - rank(b) || posix.basename(a).localeCompare(posix.basename(b))
}

export type Tool = 'terraform' | 'opentofu'

/** The tools whose view of a folder differs: OpenTofu's only when it has a `.tofu` file. */
export function toolsFor(files: Array<{path: string}>): Tool[] {
  return files.some(f => isOpenTofuOnly(f.path)) ? ['terraform', 'opentofu'] : ['terraform']
}

/**
 * The files a tool reads from one folder. Terraform ignores `.tofu` files; OpenTofu reads them
 * and then ignores the `.tf` file of the same name (`main.tofu` replaces `main.tf`, `x.tofu.json`
 * replaces `x.tf.json`).
 */
export function filesFor<F extends {path: string}>(files: F[], tool: Tool): F[] {
  if (tool === 'terraform') return files.filter(f => !isOpenTofuOnly(f.path))
  const replaced = new Set(
    files.filter(f => isOpenTofuOnly(f.path)).map(f => f.path.replace(/\.tofu(\.json)?$/, '.tf$1'))
  )
  return files.filter(f => !replaced.has(f.path))
}
