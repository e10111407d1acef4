import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {commandsMatching} from '../../parsers/dockerfile-packages'

export const pipWithoutNoCacheDir: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-012',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'pip install without --no-cache-dir',
  description: "pip's download cache is written into the layer and shipped with the image.",
  remediation: 'Use `pip install --no-cache-dir ...` or set `ENV PIP_NO_CACHE_DIR=1`.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3042',
  aliases: ['DL3042'],
  run: doc =>
    doc.instructions.flatMap(i => {
      if (i.flags.some(f => f.includes('type=cache'))) return []
      const stage = doc.stages[i.stage]
      if (
        stage?.instructions.some(
          e => e.keyword === 'ENV' && e.properties.some(p => p.name === 'PIP_NO_CACHE_DIR')
        )
      )
        return []
      const installs = commandsMatching(
        i,
        /^(sudo\s+)?(pip3?|python3?\s+-m\s+pip)\s+(.*\s)?install\b/
      )
      return installs.some(tokens => !tokens.includes('--no-cache-dir')) ? [{line: i.line}] : []
    }),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM python:3.12-slim
COPY requirements.txt .
RUN pip install -r requirements.txt
`,
    lines: [3]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
`
  }
}
