import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'

/** ADD is the right tool for these: it fetches URLs and unpacks local archives. */
const NEEDS_ADD =
  /^(https?:\/\/|git@|git:\/\/)|\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i

export const addInsteadOfCopy: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-005',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'ADD used for local files',
  description:
    'ADD also unpacks archives and fetches URLs, so a harmless-looking line can do more than copy; COPY does only what it says (CIS Docker 4.9).',
  remediation: 'Use COPY for local files and folders.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3020',
  aliases: ['DL3020', 'CKV_DOCKER_4'],
  run: doc =>
    doc.instructions.flatMap(i => {
      if (i.keyword !== 'ADD') return []
      const sources = i.expanded.filter(a => !a.startsWith('--')).slice(0, -1)
      return sources.length > 0 && sources.every(s => !NEEDS_ADD.test(s)) ? [{line: i.line}] : []
    }),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
ADD rootfs.tar.gz /
ADD --chown=app:app src/ /app/src/
`,
    lines: [3]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
ADD rootfs.tar.gz /
COPY --chown=app:app src/ /app/src/
`
  }
}
