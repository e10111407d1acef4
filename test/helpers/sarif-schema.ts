import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'

/** A validator for the official SARIF 2.1.0 schema (draft-04) with its formats (uri, date-time) checked. */
export function sarifValidator(): (doc: unknown) => unknown[] {
  const schema = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'schemas', 'sarif', 'sarif-schema-2.1.0.json'),
      'utf8'
    )
  )
  const ajv = new Ajv({allErrors: true, strict: false})
  addFormats(ajv)
  const validate = ajv.compile(schema)
  return doc => (validate(doc) ? [] : (validate.errors ?? []))
}
