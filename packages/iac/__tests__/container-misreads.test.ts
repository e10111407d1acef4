import {beforeAll, describe, expect, it} from '@jest/globals'
import {CHECKS} from '../src/checks/index'
import {PARSERS} from '../src/parsers/index'

beforeAll(async () => {
  for (const parser of PARSERS) await parser.init?.()
})

/** Results (`line message`) of one check on a file, through the parser production picks. */
function run(id: string, fileName: string, text: string): string[] {
  const check = CHECKS.find(c => c.id === id)!
  const parser = PARSERS.find(
    p =>
      p.platform === check.platform &&
      p.fileRequired(fileName) &&
      (!p.detect || p.detect(text, fileName))
  )!
  const parsed = parser.parse(text, fileName)
  if (!parsed.ok) throw new Error(parsed.error)
  return check.run(parsed.doc).map(r => `${r.line} ${r.message ?? ''}`)
}

describe('Dockerfile: comment lines inside a continued RUN', () => {
  const dockerfile = (pkg: string) => `FROM debian:12.5
USER app
RUN apt-get update \\
    # the tools we need
    && apt-get install -y --no-install-recommends \\
    # tools
    ${pkg} \\
    && rm -rf /var/lib/apt/lists/*
`
  it('are not packages: a pinned install passes', () => {
    expect(run('PG-DOCKER-008', 'Dockerfile', dockerfile('curl=7.88.1-10'))).toEqual([])
  })
  it('an unpinned package is still reported, named alone', () => {
    expect(run('PG-DOCKER-008', 'Dockerfile', dockerfile('curl'))).toEqual([
      '3 apt-get installs curl without a pinned version'
    ])
  })
})

describe('Compose: build + image', () => {
  it('image names the build output, not a pulled image', () => {
    const compose = `services:
  api:
    build: .
    image: acme/api
`
    expect(run('PG-COMPOSE-009', 'compose.yml', compose)).toEqual([])
  })
  it('image alone is pulled and must be pinned', () => {
    const compose = `services:
  api:
    image: acme/api
`
    expect(run('PG-COMPOSE-009', 'compose.yml', compose)).toHaveLength(1)
  })
})

describe('Kubernetes: ko build references', () => {
  const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}
`
  it('ko:// images are built and replaced by digest, not unpinned', () => {
    expect(run('PG-K8S-016', 'pod.yaml', pod('ko://github.com/acme/web/cmd/web'))).toEqual([])
  })
  it('a bare image name is still unpinned', () => {
    expect(run('PG-K8S-016', 'pod.yaml', pod('acme/web'))).toHaveLength(1)
  })
})

describe('secrets in environment: references and placeholders are not secrets', () => {
  const compose = (value: string) => `services:
  db:
    image: postgres:16.3
    environment:
      POSTGRES_PASSWORD: ${value}
`
  it.each([
    '/run/secrets/db_password',
    'yourpassword',
    'your-api-key',
    'GOOGLE_API_KEY_VAL',
    '"replace with your password"'
  ])('%s', value => {
    expect(run('PG-COMPOSE-008', 'compose.yml', compose(value))).toEqual([])
  })
  it.each(['S3cr3t-Pa55word', 'hunter2hunter2'])('a literal %s is reported', value => {
    expect(run('PG-COMPOSE-008', 'compose.yml', compose(value))).toHaveLength(1)
  })
})
