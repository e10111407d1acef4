import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {serviceHostNamespaceCheck} from './service-host-namespace-check'

export const hostNetworkMode: Check<ComposeDoc> = serviceHostNamespaceCheck({
  id: 'PG-COMPOSE-002',
  platform: 'compose',
  severity: 'medium',
  title: 'Service uses the host network',
  description:
    "With `network_mode: host` the container shares the host's network stack: it can bind any port and reach services listening on localhost (CIS Docker 5.9).",
  remediation: 'Use a bridge network and publish only the ports the service needs.',
  docs: 'https://docs.docker.com/reference/compose-file/services/#network_mode',
  field: 'network_mode',
  fail: {
    fileName: 'compose.yaml',
    text: `services:
  web:
    image: nginx:1.27
    network_mode: host
`,
    lines: [4]
  },
  pass: {
    fileName: 'compose.yaml',
    text: `services:
  web:
    image: nginx:1.27
    network_mode: bridge
`
  }
})
