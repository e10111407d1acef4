// Secret scan of git history: a full-history scan of a generated 2,000-commit repository whose
// files are real text (this repository's own sources), with generated fake secrets planted.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {Buffer} from 'node:buffer'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {plantedLine, prng, runPipeguard, timed} from './secrets.mjs'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const HISTORY_COMMITS = 2000

/** A 2,000-commit repository written with git fast-import (one process, seconds not minutes). */
function buildHistoryRepo(dir, sources) {
  execFileSync('git', ['init', '-q', dir])
  const rand = prng(7)
  const chunks = []
  const encoder = s => Buffer.from(s, 'utf8')
  let secrets = 0
  for (let c = 0; c < HISTORY_COMMITS; c++) {
    const source = sources[c % sources.length]
    let content = execFileSync('head', ['-c', '4096', join(repo, source)])
    const file = `src/module-${c % 300}.js`
    if (c % 100 === 50) {
      content = Buffer.concat([content, encoder(`\n${plantedLine(rand, secrets++)}\n`)])
    }
    const message = encoder(`change ${c}\n`)
    chunks.push(
      encoder(
        `commit refs/heads/main\ncommitter Bench <bench@example.com> ${1700000000 + c * 60} +0000\ndata ${message.length}\n`
      ),
      message,
      encoder(`M 100644 inline ${file}\ndata ${content.length}\n`),
      content,
      encoder('\n\n')
    )
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], {
    input: Buffer.concat(chunks),
    maxBuffer: 64 * 1024 * 1024
  })
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main'])
  return secrets
}

export async function bench() {
  const base = mkdtempSync(join(tmpdir(), 'pg-bench-history-'))
  try {
    const sources = execFileSync('git', ['-C', repo, 'ls-files', 'packages/*/src/*.ts'], {
      encoding: 'utf8'
    })
      .split('\n')
      .filter(Boolean)
    const historyDir = join(base, 'history')
    const planted = buildHistoryRepo(historyDir, sources)
    const history = timed(() => runPipeguard([historyDir, '--history']))
    return [
      {
        name: `pipeguard secrets --history, ${HISTORY_COMMITS} commits`,
        value: history.ms / 1000,
        unit: 's',
        note: `${history.result.findings.length} findings (${planted} planted); goal < 30 s`
      }
    ]
  } finally {
    rmSync(base, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
