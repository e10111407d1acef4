import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {get, items, text} from '../../parsers/yaml-document'

/** Databases, caches, admin and remote-access ports that should not face every interface. */
const SENSITIVE_PORTS = new Set([
  22, 2375, 2376, 3306, 5432, 6379, 9200, 9300, 11211, 27017, 5984, 8500, 15672, 5601, 1433, 1521
])

/** Host IP of a short-syntax port (`127.0.0.1:5432:5432`), or undefined when it binds all interfaces. */
function bindsAllInterfaces(spec: string): {all: boolean; target: number} {
  const parts = spec.replace(/\/(tcp|udp)$/, '').split(':')
  const target = Number((parts[parts.length - 1] ?? '').split('-')[0])
  const host = parts.length === 3 ? parts[0] : undefined
  return {all: host === undefined || host === '0.0.0.0' || host === '' || host === '[::]', target}
}

export const sensitivePortPublished: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-007',
  platform: 'compose',
  severity: 'low',
  title: 'Database or admin port published on all interfaces',
  description:
    'Docker publishes ports on 0.0.0.0 by default and bypasses host firewalls such as ufw: a database or Docker API port becomes reachable from the network.',
  remediation:
    'Bind to loopback (`127.0.0.1:5432:5432`) or drop the `ports` entry and reach the service over the Compose network.',
  docs: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw',
  run: doc =>
    doc.services.flatMap(s =>
      items(get(s.node, 'ports')).flatMap(port => {
        let all: boolean
        let target: number
        if (port.kind === 'map') {
          target = Number(text(get(port, 'target')))
          const ip = text(get(port, 'host_ip'))
          all = text(get(port, 'published')) !== undefined && (ip === undefined || ip === '0.0.0.0')
        } else {
          const spec = text(port) ?? ''
          if (!spec.includes(':')) return []
          ;({all, target} = bindsAllInterfaces(spec))
        }
        return all && SENSITIVE_PORTS.has(target)
          ? [
              {
                line: port.line,
                resource: s.ref,
                message: `Port ${target} of ${s.name} is published on all interfaces`
              }
            ]
          : []
      })
    ),
  fail: {
    fileName: 'docker-compose.yml',
    text: `services:
  db:
    image: postgres:16.4
    ports:
      - "5432:5432"
  cache:
    image: redis:7.4
    ports:
      - target: 6379
        published: 6379
`,
    lines: [5, 9]
  },
  pass: {
    fileName: 'docker-compose.yml',
    text: `services:
  db:
    image: postgres:16.4
    ports:
      - "127.0.0.1:5432:5432"
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
`
  }
}
