import type {CheckResult} from '../check'
import type {CfnResource, CloudFormationDoc} from './cloudformation'
import {get, pairOf, text, type YamlNode, type YamlPair} from './yaml-document'

export interface Intrinsic {
  /** Long form name: `Ref`, `Fn::GetAtt`, `Fn::Sub`... */
  fn: string
  arg: YamlNode
}

/** `!Ref X` (short form tag) or `{"Ref": "X"}` / `{"Fn::Sub": ...}` (long form, JSON templates). */
export function intrinsic(node: YamlNode | undefined): Intrinsic | undefined {
  if (!node) return undefined
  if (node.tag?.startsWith('!')) {
    const name = node.tag.slice(1)
    return {fn: name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`, arg: node}
  }
  if (node.kind === 'map' && node.pairs.length === 1) {
    const only = node.pairs[0]!
    if (only.key === 'Ref' || only.key === 'Condition' || only.key.startsWith('Fn::'))
      return {fn: only.key, arg: only.value}
  }
  return undefined
}

/**
 * Follows `Ref` to a parameter with a Default; other intrinsics stay unresolved (a check then
 * cannot decide and stays quiet, like checkov's UNKNOWN).
 */
export function resolve(doc: CloudFormationDoc, node: YamlNode | undefined): YamlNode | undefined {
  const call = intrinsic(node)
  if (!call) return node
  if (call.fn === 'Ref') {
    const name = text(call.arg)
    return name ? doc.parameterDefaults.get(name) : undefined
  }
  return undefined
}

/** A property (dotted path under Properties) resolved to text; undefined when absent or undecidable. */
export function propertyText(
  doc: CloudFormationDoc,
  resource: CfnResource,
  path: string
): string | undefined {
  return text(resolve(doc, get(resource.properties, path)))
}

/** Whether the property is present at all (even as an unresolvable intrinsic). */
export function hasProperty(resource: CfnResource, path: string): boolean {
  return get(resource.properties, path) !== undefined
}

/** The pair under a dotted path's parent, for pointing a finding at the attribute's key line. */
export function propertyPair(resource: CfnResource, path: string): YamlPair | undefined {
  const parts = path.split('.')
  const last = parts.pop()!
  return pairOf(parts.length ? get(resource.properties, parts) : resource.properties, last)
}

/** Line of the property when present, else of the resource (the block lacking the setting). */
export function propertyLine(resource: CfnResource, path: string): number {
  return propertyPair(resource, path)?.keyLine ?? resource.line
}

export function resourcesOfType(doc: CloudFormationDoc, ...types: string[]): CfnResource[] {
  return doc.resources.filter(r => types.includes(r.type))
}

/** A value that says something: `KMSKeyId: ""` (often a parameter's empty default) is not set. */
export function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== ''
}

/**
 * A DBInstance that takes a setting from elsewhere: an Aurora cluster member (from its cluster), a
 * read replica or a snapshot restore (from its source). A DBCluster's own DBClusterIdentifier is
 * its name, not membership.
 */
export function inheritsFromSource(resource: CfnResource, ...keys: string[]): boolean {
  return resource.type === 'AWS::RDS::DBInstance' && keys.some(key => hasProperty(resource, key))
}

export function isTrueValue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true'
}

export function isFalseValue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'false'
}

/** Items of a list property, skipping an intrinsic wrapper such as `!If` it cannot decide. */
export function listItems(doc: CloudFormationDoc, node: YamlNode | undefined): YamlNode[] {
  const resolved = resolve(doc, node)
  return resolved?.kind === 'seq' ? resolved.items : []
}

/**
 * A setting that must hold (`StorageEncrypted: true`): absent → the resource's line, present but
 * wrong → the attribute's line, present but undecidable (an unresolved intrinsic) → nothing.
 */
export function requireSetting(
  doc: CloudFormationDoc,
  types: string[],
  path: string,
  ok: (value: string) => boolean,
  applies: (resource: CfnResource) => boolean = () => true
): CheckResult[] {
  return resourcesOfType(doc, ...types)
    .filter(applies)
    .flatMap(resource => {
      if (!hasProperty(resource, path))
        return [
          {
            line: resource.line,
            resource: resource.logicalId,
            message: `${resource.logicalId} does not set ${path}`
          }
        ]
      const value = propertyText(doc, resource, path)
      return value !== undefined && !ok(value)
        ? [{line: propertyLine(resource, path), resource: resource.logicalId}]
        : []
    })
}

/** A setting that must not have a value (`PubliclyAccessible: true`); absent is fine. */
export function forbidSetting(
  doc: CloudFormationDoc,
  types: string[],
  path: string,
  bad: (value: string) => boolean
): CheckResult[] {
  return resourcesOfType(doc, ...types).flatMap(resource => {
    const value = propertyText(doc, resource, path)
    return value !== undefined && bad(value)
      ? [{line: propertyLine(resource, path), resource: resource.logicalId}]
      : []
  })
}
