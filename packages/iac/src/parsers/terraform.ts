import type {PlatformParser} from '../parser'
import {initHcl} from './hcl-syntax'
import {isTerraformSource, parseTerraformFile} from './terraform-files'
import {type TerraformDocument, evaluateModule} from './terraform-module'

/**
 * One .tf, .tf.json, .tofu or .tofu.json file as a module of its own. The scanner evaluates a
 * folder's files together instead (see terraform-scan.ts), so variables and locals from sibling
 * files resolve.
 */
export const terraformParser: PlatformParser<TerraformDocument> = {
  platform: 'terraform',
  fileRequired: isTerraformSource,
  init: initHcl,
  parse(text, path) {
    const parsed = parseTerraformFile(text, path)
    if (!parsed.ok) return parsed
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'
    return {ok: true, doc: evaluateModule({dir, files: [parsed.file]}).documents[0]!}
  }
}
