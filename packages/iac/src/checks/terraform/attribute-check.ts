import type {Check, CheckResult} from '../../check'
import {type BlockView, type TerraformDocument, requireTrue, resources, result} from './helpers'

export interface AttributeCheck extends Omit<Check<TerraformDocument>, 'run'> {
  resourceTypes: string[]
  attribute: string
  /**
   * How the attribute decides: `requireTrue`, `forbidTrue`, `forbidFalse` or `requirePresent` from
   * ./helpers, which also say where an absent or unknown value is reported.
   */
  rule: (resource: BlockView, attribute: string) => CheckResult[]
}

/** A check decided by one top-level attribute of every resource of the given types. */
export function attributeCheck({
  resourceTypes,
  attribute,
  rule,
  ...check
}: AttributeCheck): Check<TerraformDocument> {
  return {
    ...check,
    run: doc => resources(doc, ...resourceTypes).flatMap(r => rule(r, attribute))
  }
}

export interface BlockFlagCheck extends Omit<Check<TerraformDocument>, 'run'> {
  resourceTypes: string[]
  block: string
  attribute: string
}

/**
 * A flag that must be true inside a nested block whose absence leaves the feature off (scan on
 * push, encryption at rest, private nodes): a missing block is reported at the resource, a
 * missing flag at the block, a false one at the flag.
 */
export function blockFlagCheck({
  resourceTypes,
  block,
  attribute,
  ...check
}: BlockFlagCheck): Check<TerraformDocument> {
  return {
    ...check,
    run: doc =>
      resources(doc, ...resourceTypes).flatMap(r => {
        const at = r.block(block)
        return at ? requireTrue(r, attribute, at) : [result(r)]
      })
  }
}
