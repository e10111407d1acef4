import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {serviceHostNamespaceCheck} from './service-host-namespace-check'

export const hostPidMode: Check<ComposeDoc> = serviceHostNamespaceCheck({
  id: 'PG-COMPOSE-004',
  platform: 'compose',
  severity: 'high',
  title: 'Service shares the host PID namespace',
  description:
    'With `pid: host` the container sees and can signal every process on the host and read their environment (CIS Docker 5.16).',
  remediation: 'Remove `pid: host`.',
  docs: 'https://docs.docker.com/reference/compose-file/services/#pid',
  field: 'pid',
  fail: {
    fileName: 'compose.yml',
    text: `services:
  monitor:
    image: prom/node-exporter:v1.8.2
    pid: host
`,
    lines: [4]
  },
  pass: {
    fileName: 'compose.yml',
    text: `services:
  monitor:
    image: prom/node-exporter:v1.8.2
`
  }
})
