import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'

const dir = join(import.meta.dirname, '..', 'fixtures', 'schemas')
const load = (...parts: string[]): Record<string, unknown> => JSON.parse(readFileSync(join(dir, ...parts), 'utf8'))

/** Validators for the official CycloneDX 1.5/1.6 and SPDX 2.3 JSON schemas (test/fixtures/schemas). */
export function sbomValidators(): {
  cyclonedx: (version: '1.5' | '1.6', doc: unknown) => unknown[]
  spdx: (doc: unknown) => unknown[]
} {
  const ajv = new Ajv({allErrors: true, strict: false, validateFormats: true})
  addFormats(ajv)
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
