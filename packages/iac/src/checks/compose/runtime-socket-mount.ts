import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {get, items, text} from '../../parsers/yaml-document'

const RUNTIME_SOCKET = /(docker|containerd|crio|podman)\.sock$/

export const runtimeSocketMount: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-003',
  platform: 'compose',
  severity: 'critical',
  title: 'Service mounts the Docker socket',
  description:
    'Whoever can talk to docker.sock can start a privileged container with the host filesystem mounted: the service is root on the host (CIS Docker 5.31).',
  remediation:
    'Do not mount the socket; if a tool really needs the API, put a filtering proxy in front of it with only the calls it needs.',
  docs: 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
  run: doc =>
    doc.services.flatMap(s =>
      items(get(s.node, 'volumes')).flatMap(volume => {
        // Short syntax `/var/run/docker.sock:/var/run/docker.sock[:ro]` or long syntax `source:`.
        const source =
          volume.kind === 'map' ? text(get(volume, 'source')) : text(volume)?.split(':')[0]
        return source && RUNTIME_SOCKET.test(source) ? [{line: volume.line, resource: s.ref}] : []
      })
    ),
  fail: {
    fileName: 'docker-compose.yml',
    text: `services:
  ci:
    image: jenkins/jenkins:2.479.2-lts
    volumes:
      - jenkins_home:/var/jenkins_home
      - /var/run/docker.sock:/var/run/docker.sock
  traefik:
    image: traefik:v3.2
    volumes:
      - type: bind
        source: /var/run/docker.sock
        target: /var/run/docker.sock
`,
    lines: [6, 10]
  },
  pass: {
    fileName: 'docker-compose.yml',
    text: `services:
  ci:
    image: jenkins/jenkins:2.479.2-lts
    volumes:
      - jenkins_home:/var/jenkins_home
`
  }
}
