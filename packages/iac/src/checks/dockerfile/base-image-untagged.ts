import type {Check} from '../../check'
import {parseImageRef} from '../../parsers/container-image'
import type {DockerfileDoc} from '../../parsers/dockerfile'

export const baseImageUntagged: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-004',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'Base image has no tag',
  description:
    'An untagged base image is `latest` in disguise: the build silently changes whenever upstream pushes (CIS Docker 4.2).',
  remediation: 'Add an explicit version tag (and preferably a digest) to the FROM image.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3006',
  aliases: ['DL3006', 'CKV_DOCKER_7'],
  run: doc =>
    doc.stages.flatMap(stage => {
      if (stage.fromStage || stage.image === 'scratch' || stage.image.includes('$')) return []
      const ref = parseImageRef(stage.image)
      return !ref.tag && !ref.digest
        ? [{line: stage.line, message: `Base image ${stage.image} has no tag`}]
        : []
    }),
  fail: {
    fileName: 'build.Dockerfile',
    text: `FROM --platform=linux/amd64 registry.example.com:5000/base AS build
RUN make
FROM build
FROM scratch
COPY --from=build /out /out
`,
    lines: [1]
  },
  pass: {
    fileName: 'build.Dockerfile',
    text: `FROM --platform=linux/amd64 registry.example.com:5000/base:2.1 AS build
RUN make
FROM scratch
COPY --from=build /out /out
`
  }
}
