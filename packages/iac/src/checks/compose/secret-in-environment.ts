import {redact} from '@pipeguard/core'
import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {isLiteralSecretValue, isSecretName} from '../../parsers/secret-like'
import {get, items, pairs, text} from '../../parsers/yaml-document'

export const secretInEnvironment: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-008',
  platform: 'compose',
  severity: 'high',
  title: 'Secret written as a literal environment value',
  description:
    'A credential in the Compose file is readable by everyone with the repository and shows up in `docker inspect`.',
  remediation:
    'Use Compose `secrets:` or variable substitution from an untracked .env file (`${DB_PASSWORD}`).',
  docs: 'https://docs.docker.com/compose/how-tos/use-secrets/',
  run: doc =>
    doc.services.flatMap(s => {
      const environment = get(s.node, 'environment')
      // Map form `KEY: value` or list form `- KEY=value`.
      const entries =
        environment?.kind === 'seq'
          ? items(environment).flatMap(item => {
              const [name, ...rest] = (text(item) ?? '').split('=')
              return rest.length > 0 ? [{name: name!, value: rest.join('='), line: item.line}] : []
            })
          : pairs(environment).map(p => ({
              name: p.key,
              value: text(p.value) ?? '',
              line: p.keyLine
            }))
      return entries
        .filter(e => isSecretName(e.name) && isLiteralSecretValue(e.value))
        .map(e => ({
          line: e.line,
          resource: s.ref,
          message: `Environment variable ${e.name} holds a literal secret (${redact(e.value)})`
        }))
    }),
  fail: {
    fileName: 'docker-compose.yml',
    text: `services:
  db:
    image: postgres:16.4
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: Sup3r-S3cret-Pw
  api:
    image: example/api:1.4.2
    environment:
      - LOG_LEVEL=info
      - STRIPE_API_KEY=example-stripe-key-not-real
`,
    lines: [6, 11]
  },
  pass: {
    fileName: 'docker-compose.yml',
    text: `services:
  db:
    image: postgres:16.4
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
      POSTGRES_PASSWORD_FILE: /run/secrets/db
`
  }
}
