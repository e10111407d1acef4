import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {get, items, text} from '../../parsers/yaml-document'

const DISABLES_CONFINEMENT =
  /^(seccomp[:=]unconfined|apparmor[:=]unconfined|label[:=]disable|systempaths[:=]unconfined)$/i

export const securityOptUnconfined: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-006',
  platform: 'compose',
  severity: 'medium',
  title: 'Service disables seccomp, AppArmor or SELinux confinement',
  description:
    'The default seccomp and AppArmor/SELinux profiles block the system calls and paths most container escapes use; turning them off removes that layer (CIS Docker 5.1, 5.2, 5.21).',
  remediation:
    'Remove the `security_opt` entry, or use a custom profile that allows only what the service needs.',
  docs: 'https://docs.docker.com/engine/security/seccomp/',
  run: doc =>
    doc.services.flatMap(s =>
      items(get(s.node, 'security_opt')).flatMap(item =>
        DISABLES_CONFINEMENT.test(text(item) ?? '') ? [{line: item.line, resource: s.ref}] : []
      )
    ),
  fail: {
    fileName: 'compose.yml',
    text: `services:
  app:
    image: node:20-alpine
    security_opt:
      - no-new-privileges:true
      - seccomp:unconfined
`,
    lines: [6]
  },
  pass: {
    fileName: 'compose.yml',
    text: `services:
  app:
    image: node:20-alpine
    security_opt:
      - no-new-privileges:true
`
  }
}
