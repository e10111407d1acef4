import type {Check, CheckResult} from '../../../check'
import type {TerraformDocument} from '../../../parsers/terraform-module'
import {MODULE_INPUT_RULES} from './registry-module-inputs'
import {registryCalls} from './registry-module-source'

/** Findings of one check caused by inputs of registry module calls, at the caller's line. */
export function moduleInputFindings(doc: TerraformDocument, checkId: string): CheckResult[] {
  const out: CheckResult[] = []
  for (const {call, module} of registryCalls(doc)) {
    for (const rule of MODULE_INPUT_RULES) {
      if (rule.check !== checkId || rule.module !== module.name) continue
      if ((rule.namespace ?? 'terraform-aws-modules') !== module.namespace) continue
      if (rule.submodule !== module.submodule) continue
      const a = call.attr(rule.input)
      if (!a || !rule.bad(a.value, call)) continue
      out.push({
        line: a.line,
        resource: call.address,
        message: `${rule.input} ${rule.why} in ${call.address} (${module.namespace}/${module.name})`,
        // An input someone wrote, never a default left alone: shown on its own, not rolled up.
        hygiene: false
      })
    }
  }
  return out
}

/** The check, also reporting what the registry module inputs in the table make fail it. */
export function withModuleInputs(check: Check<TerraformDocument>): Check<TerraformDocument> {
  if (!MODULE_INPUT_RULES.some(r => r.check === check.id)) return check
  return {...check, run: doc => [...check.run(doc), ...moduleInputFindings(doc, check.id)]}
}
