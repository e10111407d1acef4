import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'

const dir = join(import.meta.dirname, '..', 'fixtures', 'schemas')
const load = (...parts: string[]): Record<string, unknown> =>
  fastUniqueItems(JSON.parse(readFileSync(join(dir, ...parts), 'utf8')))

/**
 * ajv checks `uniqueItems` with pairwise deep equality: quadratic, minutes for a 3,000-component
 * SBOM. The same rule is checked here in linear time by canonical JSON text (our serializers write
 * keys in one order, so equal items give equal text).
 */
function fastUniqueItems<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(fastUniqueItems) as T
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'uniqueItems' && value === true) out.uniqueItemsByText = true
      else out[key] = fastUniqueItems(value)
    }
    return out as T
  }
  return schema
}

/** Validators for the official CycloneDX 1.5/1.6 and SPDX 2.3 JSON schemas (test/fixtures/schemas). */
export function sbomValidators(): {
  cyclonedx: (version: '1.5' | '1.6', doc: unknown) => unknown[]
  spdx: (doc: unknown) => unknown[]
} {
  const ajv = new Ajv({allErrors: true, strict: false, validateFormats: true})
  addFormats(ajv)
  ajv.addKeyword({
    keyword: 'uniqueItemsByText',
    type: 'array',
    errors: false,
    validate: (_: boolean, data: unknown[]) =>
      new Set(data.map(item => JSON.stringify(item))).size === data.length
  })
  // ajv-formats has no IRI formats; CycloneDX uses them for URLs. Accept what a URI parser accepts.
  ajv.addFormat('iri-reference', (value: string) => !/\s/.test(value))
  ajv.addFormat('idn-email', (value: string) => /^[^\s@]+@[^\s@]+$/.test(value))
  ajv.addSchema(load('cyclonedx', 'spdx.schema.json'))
  ajv.addSchema(load('cyclonedx', 'jsf-0.82.schema.json'))
  const cdx = {
    '1.5': ajv.compile(load('cyclonedx', 'bom-1.5.schema.json')),
    '1.6': ajv.compile(load('cyclonedx', 'bom-1.6.schema.json'))
  }
  const spdx = ajv.compile(load('spdx', 'spdx-schema.json'))
  return {
    cyclonedx: (version, doc) => (cdx[version](doc) ? [] : (cdx[version].errors ?? [])),
    spdx: doc => (spdx(doc) ? [] : (spdx.errors ?? []))
  }
}
