// Bundles the CLI and every action into committed single files under dist/.
// Deterministic: same sources and lockfile give byte-identical output (checked by .ci/run).
import {createHash} from 'node:crypto'
import {build} from 'esbuild'
import {readdirSync, rmSync, existsSync} from 'node:fs'
import {join} from 'node:path'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

// Bundled CommonJS dependencies call require(); an ESM bundle needs one.
const banner = [
  "import {createRequire as __pgCreateRequire} from 'node:module';",
  'const require = __pgCreateRequire(import.meta.url);'
].join('\n')

// @cyclonedx/cyclonedx-library loads its XML writers and validators as optional plugins behind a
// guarded require(); pipeguard writes JSON only. Those packages become modules that throw when
// required, so the guard finds none, as the library intends, whether or not a node_modules is near.
const ABSENT_OPTIONAL = /^(xmlbuilder2|libxmljs2|ajv|ajv-formats|ajv-formats-draft2019)$/
const absentOptionalPlugins = {
  name: 'absent-optional-plugins',
  setup(b) {
    b.onResolve({filter: ABSENT_OPTIONAL}, args => ({path: args.path, namespace: 'absent'}))
    b.onLoad({filter: /.*/, namespace: 'absent'}, args => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not bundled`)})`,
      loader: 'js'
    }))
  }
}

const entries = [
  {
    in: 'packages/cli/src/cli.ts',
    out: 'dist/cli.js',
    shebang: true,
    inlineMain: 'packages/cli/src/cli-main.ts'
  }
]
for (const name of readdirSync('actions').sort()) {
  const entry = join('actions', name, 'src', 'index.ts')
  if (existsSync(entry)) entries.push({in: entry, out: join('dist', name, 'index.js')})
}
// The root action.yml runs every scanner in one step.
entries.push({in: 'packages/cli/src/action-all-entry.ts', out: 'dist/pipeguard/index.js'})

const webTreeSitterCommonJs = {
  name: 'web-tree-sitter-cjs',
  setup(b) {
    b.onResolve({filter: /^web-tree-sitter$/}, () => ({
      path: join(root, 'node_modules', 'web-tree-sitter', 'tree-sitter.cjs')
    }))
  }
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  loader: {'.wasm': 'binary'},
  plugins: [absentOptionalPlugins],
  logLevel: 'warning'
}

/**
 * The CLI's code beyond `--version`, as a CommonJS bundle in a string: cli.ts compiles it with V8's
 * code cache (packages/cli/src/compile-cache.ts), so a run does not re-parse 2.7 MB of JavaScript.
 */
async function inlineMain(entry) {
  const result = await build({
    ...common,
    entryPoints: [entry],
    // web-tree-sitter's ESM build makes its own `require` from import.meta; its CommonJS build fits.
    plugins: [...common.plugins, webTreeSitterCommonJs],
    format: 'cjs',
    // vm.Script has no dynamic import() on Node 20 without a flag: turn them into require().
    supported: {'dynamic-import': false},
    write: false,
    outfile: 'main.cjs'
  })
  const code = result.outputFiles[0].text
  return {
    PIPEGUARD_MAIN_CODE: JSON.stringify(code),
    PIPEGUARD_MAIN_HASH: JSON.stringify(createHash('sha256').update(code).digest('hex'))
  }
}

rmSync('dist', {recursive: true, force: true})
for (const entry of entries) {
  const define = entry.inlineMain ? await inlineMain(entry.inlineMain) : {}
  await build({
    ...common,
    define,
    entryPoints: [entry.in],
    outfile: entry.out,
    format: 'esm',
    banner: {js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + banner}
  })
}
console.log(`built ${entries.map(e => e.out).join(', ')}`)
