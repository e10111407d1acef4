import type {Check, CheckResult} from '../../../check'
import {type TerraformDocument, resources, result, strings, tf} from '../helpers'

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers'])

export const storagePublicIam: Check<TerraformDocument> = {
  id: 'PG-TF-058',
  platform: 'terraform',
  severity: 'high',
  title: 'Cloud Storage bucket is public through IAM',
  description:
    'Granting a role to allUsers or allAuthenticatedUsers exposes the bucket to everyone (CIS GCP 5.1).',
  remediation:
    'Grant roles to named users, groups or service accounts instead of allUsers / allAuthenticatedUsers.',
  docs: 'https://cloud.google.com/storage/docs/access-control/making-data-public',
  aliases: ['CKV_GCP_28', 'google-storage-no-public-access', 'AVD-GCP-0001'],
  run: doc => {
    const out: CheckResult[] = []
    for (const r of resources(
      doc,
      'google_storage_bucket_iam_member',
      'google_storage_bucket_iam_binding'
    )) {
      const a = r.attr('member') ?? r.attr('members')
      if (a && strings(a.value)?.some(m => PUBLIC.has(m))) out.push(result(r, a.line))
    }
    return out
  },
  fail: {
    ...tf(`resource "google_storage_bucket_iam_member" "public" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
`),
    lines: [4]
  },
  pass: tf(`resource "google_storage_bucket_iam_member" "reader" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = "group:readers@example.com"
}
`)
}
