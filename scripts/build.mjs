// Bundles the CLI and every action into committed single files under dist/.
// Deterministic: same sources and lockfile give byte-identical output (checked by .ci/run).
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
  {in: 'packages/cli/src/cli.ts', out: 'dist/cli.js', shebang: true},
  // Everything beyond `--version`, imported by cli.js at run time: `--version` never parses its
  // 2.7 MB, and Node's compile cache, turned on by cli.js first, covers it.
  {in: 'packages/cli/src/cli-main.ts', out: 'dist/cli-main.js'}
]
for (const name of readdirSync('actions').sort()) {
  const entry = join('actions', name, 'src', 'index.ts')
  if (existsSync(entry)) entries.push({in: entry, out: join('dist', name, 'index.js')})
}
// The root action.yml runs every scanner in one step.
entries.push({in: 'packages/cli/src/action-all-entry.ts', out: 'dist/pipeguard/index.js'})

// cli.ts imports './cli-main': the bundle of that name beside dist/cli.js, not a copy inlined.
const cliMainBeside = {
  name: 'cli-main-beside',
  setup(b) {
    b.onResolve({filter: /^\.\/cli-main$/}, args =>
      args.importer.endsWith(join('packages', 'cli', 'src', 'cli.ts'))
        ? {path: './cli-main.js', external: true}
        : undefined
    )
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
  plugins: [absentOptionalPlugins, cliMainBeside],
  logLevel: 'warning'
}

rmSync('dist', {recursive: true, force: true})
for (const entry of entries) {
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    format: 'esm',
    banner: {js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + banner}
  })
}
console.log(`built ${entries.map(e => e.out).join(', ')}`)
