import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {get, items, text} from '../../parsers/yaml-document'

const DANGEROUS = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'DAC_READ_SEARCH',
  'SYS_RAWIO',
  'BPF'
])

export const dangerousCapAdd: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-005',
  platform: 'compose',
  severity: 'high',
  title: 'Service adds a dangerous capability',
  description:
    "SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or ALL hand the container most of root's power over the host kernel (CIS Docker 5.3).",
  remediation:
    'Remove the capability from `cap_add`; prefer `cap_drop: [ALL]` plus narrow additions such as NET_BIND_SERVICE.',
  docs: 'https://docs.docker.com/reference/compose-file/services/#cap_add',
  run: doc =>
    doc.services.flatMap(s =>
      items(get(s.node, 'cap_add')).flatMap(item => {
        const cap = (text(item) ?? '').toUpperCase().replace(/^CAP_/, '')
        return DANGEROUS.has(cap)
          ? [
              {
                line: item.line,
                resource: s.ref,
                message: `Service ${s.name} adds capability ${cap}`
              }
            ]
          : []
      })
    ),
  fail: {
    fileName: 'compose.yml',
    text: `services:
  vpn:
    image: qmcgaw/gluetun:v3.39.1
    cap_add:
      - NET_ADMIN
`,
    lines: [5]
  },
  pass: {
    fileName: 'compose.yml',
    text: `services:
  web:
    image: nginx:1.27
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
`
  }
}
