import {describe, expect, it} from '@jest/globals'
import {
  dockerfileParser,
  finalStage,
  lastInFinalImage,
  shellCommands,
  type DockerfileDoc
} from '../src/parsers/dockerfile'

function parse(source: string): DockerfileDoc {
  const outcome = dockerfileParser.parse(source, 'Dockerfile')
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.doc
}

describe('dockerfileParser', () => {
  it('claims Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile', () => {
    for (const path of [
      'Dockerfile',
      'svc/Dockerfile',
      'api.Dockerfile',
      'Dockerfile.prod',
      'Containerfile',
      'build/Containerfile.dev',
      'dockerfile',
      'web.dockerfile'
    ]) {
      expect(dockerfileParser.fileRequired(path)).toBe(true)
    }
    for (const path of [
      'Dockerfile/readme.md',
      'docs/dockerfile.md',
      'Dockerfile.dockerignore',
      'Makefile',
      'Dockerfiles.txt',
      'packages/iac/src/parsers/dockerfile.ts',
      'lib/dockerfile.py',
      'src/Dockerfile.test.ts'
    ]) {
      expect(dockerfileParser.fileRequired(path)).toBe(false)
    }
  })

  it('keeps exact ranges across continuations and heredocs, and resolves ARG defaults in FROM', () => {
    const doc = parse(`# syntax=docker/dockerfile:1
# escape=\\
ARG BASE=node:20-alpine
FROM \${BASE} AS build
RUN apk add --no-cache git \\
    make
RUN <<EOF
set -e
curl -fsSL https://example.com/x.sh | sh
EOF
FROM build AS test
FROM --platform=linux/amd64 gcr.io/distroless/nodejs20-debian12:nonroot
ENV A=1 \\
    B=2
`)
    expect(doc.stages.map(s => [s.index, s.name, s.image, s.fromStage, s.line])).toEqual([
      [0, 'build', 'node:20-alpine', false, 4],
      [1, 'test', 'build', true, 11],
      [2, undefined, 'gcr.io/distroless/nodejs20-debian12:nonroot', false, 12]
    ])
    const [, , continued, heredoc] = doc.instructions
    expect(continued).toMatchObject({keyword: 'RUN', line: 5, endLine: 6, stage: 0})
    expect(shellCommands(continued!)).toEqual(['apk add --no-cache git     make'])
    expect(heredoc).toMatchObject({keyword: 'RUN', line: 7, endLine: 10})
    expect(shellCommands(heredoc!)).toContain('curl -fsSL https://example.com/x.sh')
    expect(doc.instructions.at(-1)!.properties).toEqual([
      {name: 'A', value: '1', line: 13},
      {name: 'B', value: '2', line: 14}
    ])
    expect(finalStage(doc)!.index).toBe(2)
  })

  it('follows stage inheritance for USER and HEALTHCHECK', () => {
    const doc = parse(`FROM alpine:3.20 AS base
USER app
HEALTHCHECK CMD true
FROM base AS final
RUN echo
`)
    expect(lastInFinalImage(doc, 'USER')!.line).toBe(2)
    expect(lastInFinalImage(doc, 'HEALTHCHECK')!.line).toBe(3)
  })

  it('keeps RUN flags such as --mount apart from the command', () => {
    const doc = parse(
      'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache pip install x\n'
    )
    expect(doc.instructions[1]).toMatchObject({
      flags: ['--mount=type=cache,target=/root/.cache'],
      args: 'pip install x'
    })
  })

  it('rejects an empty Dockerfile and instructions before FROM, naming the line', () => {
    expect(dockerfileParser.parse('', 'Dockerfile')).toEqual({
      ok: false,
      error: 'empty Dockerfile at line 1: expected a FROM instruction'
    })
    expect(dockerfileParser.parse('# just a comment\n\n', 'Dockerfile').ok).toBe(false)
    expect(
      dockerfileParser.parse('ARG X=1\nRUN echo hi\nFROM alpine:3.20\n', 'Dockerfile')
    ).toEqual({
      ok: false,
      error: 'invalid Dockerfile at line 2: expected FROM (or ARG) before RUN'
    })
    for (const garbage of ['\u0000', 'FROM', 'FROM a\nRUN <<EOF\nunterminated', '\\\n\\\n']) {
      expect(() => dockerfileParser.parse(garbage, 'Dockerfile')).not.toThrow()
    }
  })
})
