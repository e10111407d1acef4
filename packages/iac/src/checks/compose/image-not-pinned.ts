import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {isFloatingImage} from '../../parsers/container-image'
import {pairOf, text} from '../../parsers/yaml-document'

export const imageNotPinned: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-009',
  platform: 'compose',
  hygiene: 'always',
  severity: 'low',
  title: 'Service image uses the latest tag or no tag',
  description:
    'A floating tag pulls whatever upstream pushed last: deployments are not reproducible and a compromised image ships silently.',
  remediation: 'Pin the image to a version tag, preferably with a digest.',
  docs: 'https://docs.docker.com/reference/compose-file/services/#image',
  run: doc =>
    doc.services.flatMap(s => {
      const pair = pairOf(s.node, 'image')
      const image = text(pair?.value)
      // With `build:`, `image:` names what the build produces, not something pulled.
      if (pairOf(s.node, 'build')) return []
      return pair && image && !image.includes('$') && isFloatingImage(image)
        ? [
            {
              line: pair.keyLine,
              resource: s.ref,
              message: `Image ${image} is not pinned to a version`
            }
          ]
        : []
    }),
  fail: {
    fileName: 'compose.yml',
    text: `services:
  web:
    image: nginx
  db:
    image: postgres:latest
`,
    lines: [3, 5]
  },
  pass: {
    fileName: 'compose.yml',
    text: `services:
  web:
    image: nginx:1.27
  app:
    build: .
`
  }
}
