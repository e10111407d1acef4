import type {CheckResult} from '../check'
import type {HclBlock} from './hcl-syntax'
import type {TerraformDocument} from './terraform-module'
import type {BlockView} from './terraform-model'

/**
 * Places a finding of a local module evaluated with a caller's inputs at the caller, when the module
 * evaluated on its own (with its defaults) does not have it: the caller's values caused it. The
 * caller's line is the input the offending attribute reads (`var.<input>`), else an input the
 * resource reads, else the `module` block.
 */
export function placeAtCaller(
  doc: TerraformDocument,
  caller: BlockView,
  result: CheckResult
): {path: string; result: CheckResult} {
  const resource = doc.resources.find(
    r => r.address === result.resource && r.line <= result.line && result.line <= r.endLine
  )
  const input =
    inputsRead(caller, resource && attributeAt(resource.node, result.line)) ??
    inputsRead(caller, resource && blockText(resource.node))
  // No line number: the message feeds the fingerprint, which must survive edits of the module.
  const inModule = `${result.resource ?? 'a resource'} in ${doc.path}`
  const cause = input ? `${input.name} = ${input.text} in ${caller.address}` : caller.address
  return {
    path: caller.path,
    result: {
      line: input?.line ?? caller.line,
      resource: caller.address,
      message: `${result.message ? `${result.message}; ` : ''}${cause} sets ${inModule}`
    }
  }
}

/** The first caller input that `text` reads as `var.<name>`. */
function inputsRead(caller: BlockView, text: string | undefined) {
  for (const [, name] of text?.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g) ?? []) {
    const input = caller.attr(name!)
    if (input) return input
  }
  return undefined
}

function blockText(block: HclBlock): string {
  return [...[...block.attributes.values()].map(a => a.text), ...block.blocks.map(blockText)].join(
    '\n'
  )
}

/** The source text of the attribute written on `line` in the block or its nested blocks. */
function attributeAt(block: HclBlock, line: number): string | undefined {
  if (line < block.line || line > block.endLine) return undefined
  for (const a of block.attributes.values()) if (a.line === line) return a.text
  for (const child of block.blocks) {
    const found = attributeAt(child, line)
    if (found !== undefined) return found
  }
  return undefined
}
