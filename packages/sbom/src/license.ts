import {fixupSpdxId} from '@cyclonedx/cyclonedx-library/SPDX'
import parseSpdx from 'spdx-expression-parse'

export type LicenseKind = {kind: 'id' | 'expression' | 'name'; value: string}

/**
 * An SPDX id known to the CycloneDX schema, a compound SPDX expression, or free text as lockfiles
 * sometimes carry ("MIT License").
 */
export function licenseKind(license: string | undefined): LicenseKind | undefined {
  const value = license?.trim()
  if (!value) return undefined
  const id = fixupSpdxId(value)
  if (id) return {kind: 'id', value: id}
  if (/\s(AND|OR|WITH)\s|^\(|\+$/.test(value) && isExpression(value))
    return {kind: 'expression', value}
  return {kind: 'name', value}
}

function isExpression(value: string): boolean {
  try {
    parseSpdx(value)
    return true
  } catch {
    return false
  }
}
