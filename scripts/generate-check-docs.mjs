// Writes docs/checks.md and the README's check list from the IaC check registry
// (packages/iac/src/checks/index.ts).
// The registry is TypeScript, so it is bundled with esbuild into a temporary module first.
// `--check` exits 1 when either is stale instead of writing them.
import {build} from 'esbuild'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

const root = new URL('..', import.meta.url).pathname
const target = join(root, 'docs', 'checks.md')
const readmeFile = join(root, 'README.md')

const dir = mkdtempSync(join(tmpdir(), 'pg-check-docs-'))
try {
  const outfile = join(dir, 'render.mjs')
  await build({
    stdin: {
      contents:
        "import {CHECKS} from './packages/iac/src/checks/index'\n" +
        "import {renderCheckDocs, withReadmeCheckList} from './packages/iac/src/check-docs'\n" +
        'export default renderCheckDocs(CHECKS)\n' +
        'export const readme = (text) => withReadmeCheckList(text, CHECKS)\n',
      resolveDir: root,
      loader: 'ts'
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    banner: {
      js: "import {createRequire as __pgCreateRequire} from 'node:module';const require = __pgCreateRequire(import.meta.url);"
    },
    loader: {'.wasm': 'binary'},
    logLevel: 'warning'
  })
  const {default: markdown, readme} = await import(pathToFileURL(outfile).href)
  const readmeNow = readFileSync(readmeFile, 'utf8')
  const readmeNext = readme(readmeNow)
  if (process.argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(target, 'utf8')
    } catch {
      // missing counts as stale
    }
    if (current !== markdown || readmeNow !== readmeNext) {
      console.error(
        'docs/checks.md or the README check list is stale: run node scripts/generate-check-docs.mjs'
      )
      process.exitCode = 1
    }
  } else {
    writeFileSync(target, markdown)
    writeFileSync(readmeFile, readmeNext)
    console.log(`wrote docs/checks.md and the README check list`)
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}
