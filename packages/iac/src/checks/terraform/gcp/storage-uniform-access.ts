import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const storageUniformAccess: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-059',
  platform: 'terraform',
  severity: 'medium',
  title: 'Cloud Storage bucket does not use uniform bucket-level access',
  description:
    'With object ACLs enabled, single objects can be made public without any bucket-level IAM change (CIS GCP 5.2).',
  remediation: 'Set uniform_bucket_level_access = true.',
  docs: 'https://cloud.google.com/storage/docs/uniform-bucket-level-access',
  aliases: ['CKV_GCP_29', 'google-storage-enable-ubla', 'AVD-GCP-0002'],
  resourceTypes: ['google_storage_bucket'],
  attribute: 'uniform_bucket_level_access',
  rule: requireTrue,
  fail: {
    ...tf(`resource "google_storage_bucket" "assets" {
  name     = "example-assets"
  location = "EU"
}
`),
    lines: [1]
  },
  pass: tf(`resource "google_storage_bucket" "assets" {
  name                        = "example-assets"
  location                    = "EU"
  uniform_bucket_level_access = true
}
`)
})
