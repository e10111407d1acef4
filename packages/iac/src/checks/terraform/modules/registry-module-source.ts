import type {TerraformDocument} from '../../../parsers/terraform-module'
import type {BlockView} from '../../../parsers/terraform-model'

/** A terraform-aws-modules (or terraform-google-modules) module named by a `module` block's `source`. */
export interface RegistryModule {
  namespace: 'terraform-aws-modules' | 'terraform-google-modules'
  /** `s3-bucket`, `security-group`, ... */
  name: string
  /** `ssh` for `.../aws//modules/ssh`; undefined for the root module. */
  submodule?: string
}

const REGISTRY =
  /^(?:registry\.terraform\.io\/)?terraform-(aws|google)-modules\/([a-z0-9-]+)\/\1(?:\/\/(.+))?$/
const GITHUB =
  /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]terraform-(aws|google)-modules\/terraform-\1-([a-z0-9-]+?)(?:\.git)?(?:\/\/([^?]+))?(?:\?.*)?$/

/** The module a registry or GitHub source address names; undefined for any other source. */
export function registryModule(source: string): RegistryModule | undefined {
  const m = REGISTRY.exec(source.trim()) ?? GITHUB.exec(source.trim())
  if (!m) return undefined
  const sub = m[3]?.replace(/\/+$/, '').match(/^modules\/([a-z0-9-]+)$/)?.[1]
  if (m[3] && !sub) return undefined
  const namespace = m[1] === 'aws' ? 'terraform-aws-modules' : 'terraform-google-modules'
  return {namespace, name: m[2]!, ...(sub ? {submodule: sub} : {})}
}

const callsCache = new WeakMap<
  TerraformDocument,
  Array<{call: BlockView; module: RegistryModule}>
>()

/** The file's `module` blocks that call a terraform-aws-modules module. */
export function registryCalls(
  doc: TerraformDocument
): Array<{call: BlockView; module: RegistryModule}> {
  let calls = callsCache.get(doc)
  if (!calls) {
    calls = []
    for (const call of doc.module.calls) {
      if (call.path !== doc.path) continue
      const source = call.value('source')
      const module = typeof source === 'string' ? registryModule(source) : undefined
      if (module) calls.push({call, module})
    }
    callsCache.set(doc, calls)
  }
  return calls
}
