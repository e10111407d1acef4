import {spawnSync} from 'node:child_process'
import {afterEach, describe, expect, it} from '@jest/globals'
import {join} from 'node:path'
import {makeWorkspace, removeWorkspace} from './helpers/workspace'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')

function pipeguard(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Lines the GitHub Actions runner (or Azure Pipelines) would run as a workflow command. */
function commandLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter(line => /^[\s\u0085]*::/.test(line) || /##(vso)?\[/i.test(line))
}

/** A workflow whose job ids (YAML keys) are workflow commands, one with a line break in it. */
const WORKFLOW = `name: ci
on: pull_request
jobs:
  "::add-mask::x":
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
  "b\\n::error::forged":
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`

describe('dist/cli.js: no human output can run a workflow command', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(removeWorkspace))
  const workspace = (files: Record<string, string>): string => {
    const dir = makeWorkspace(files)
    dirs.push(dir)
    return dir
  }

  it('a file named x\\n::error::pwn.tf and YAML keys ::add-mask::x, in table and markdown', () => {
    const dir = workspace({
      'x\n::error::pwn.tf': 'x',
      '##[add-mask]y.tf': 'y',
      '.github/workflows/ci.yml': WORKFLOW
    })
    for (const format of ['table', 'markdown']) {
      const run = pipeguard(['iac', '.', '--format', format], dir)
      expect(run.stdout).toContain('pwn.tf')
      expect(run.stdout).toContain('add-mask')
      expect(commandLines(run.stdout)).toEqual([])
      expect(commandLines(run.stderr)).toEqual([])
    }
    const table = pipeguard(['iac', '.'], dir).stdout
    expect(table).toContain('error  x?::error::pwn.tf: ')
    expect(table).toContain('Jobs ::add-mask::x, b?::error::forged run with')
    // The bad files are errors of the report (exit 2 once every error fails the scan).
    const json = JSON.parse(pipeguard(['iac', '.', '--format', 'json'], dir).stdout)
    expect(json.errors.map((e: {path: string}) => e.path).sort()).toEqual([
      '##[add-mask]y.tf',
      'x\n::error::pwn.tf'
    ])
  })

  it('a config error on stderr that quotes keys', () => {
    const dir = workspace({'.pipeguard.yml': '"::add-mask::x": 1\n"a\\n::error::y": 2\n'})
    const config = pipeguard(['scan', '.'], dir)
    expect(config.code).toBe(2)
    expect(config.stderr).toContain('unknown key "a')
    expect(commandLines(config.stderr)).toEqual([])
  })

  it('an sbom run reports an unreadable lockfile on one line', () => {
    const dir = workspace({'lock\n::error::x/package-lock.json': '{bad'})
    const run = pipeguard(['sbom', '.'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('pipeguard: lock?::error::x/package-lock.json: ')
    expect(run.stderr).toContain(
      'pipeguard: the SBOM is incomplete (exit 2): 1 file(s) could not be read'
    )
    expect(commandLines(run.stderr)).toEqual([])
  })
})
