import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type * as actionsCore from '@actions/core'
import {z} from 'zod'
import {readBaseline} from '../baseline'
import type {ConfigInput} from '../config-schema'
import {loadConfig} from '../config-load'
import {ConfigError, errorMessage} from '../errors'
import {runPipeline} from '../pipeline'
import {renderJson} from '../reporters/json'
import {renderMarkdown} from '../reporters/markdown'
import {renderSarif} from '../reporters/sarif'
import type {ScanReport} from '../report'
import type {Scanner} from '../scanner'
import {readActionInputs} from './action-inputs'

export type ActionsCore = Pick<
  typeof actionsCore,
  'getInput' | 'setOutput' | 'setFailed' | 'info' | 'warning' | 'error' | 'notice' | 'summary' | 'setSecret'
>

export interface ActionDeps {
  core: ActionsCore
  scanners: Scanner[]
  env?: NodeJS.ProcessEnv
}

/** One action run: inputs -> pipeline -> files, outputs, summary -> exit code. Never throws. */
export async function runAction({core, scanners, env = process.env}: ActionDeps): Promise<ScanReport | undefined> {
  try {
    const inputs = readActionInputs(name => core.getInput(name))
    const workspaceDir = env.GITHUB_WORKSPACE ?? process.cwd()
    const root = resolve(workspaceDir, inputs.path)
    const overrides: Partial<ConfigInput> = {}
    if (inputs.failOn) overrides.failOn = inputs.failOn
    if (inputs.mode) overrides.mode = inputs.mode
    if (inputs.advisoryDb || inputs.osvUrl) {
      overrides.deps = {
        ...(inputs.advisoryDb ? {advisoryDb: resolve(workspaceDir, inputs.advisoryDb)} : {}),
        ...(inputs.osvUrl ? {osvUrl: inputs.osvUrl} : {})
      } as ConfigInput['deps']
    }
    const {config} = loadConfig(root, inputs.config, overrides)
    const baselineFile = inputs.baseline ?? config.baseline
    const baseline = baselineFile ? readBaseline(resolve(root, baselineFile), baselineFile) : undefined
    const report = await runPipeline({
      root,
      config,
      baseline,
      scanners,
      env,
      options: {
        scanners: scanners.map(s => s.name),
        history: false,
        staged: false,
        advisoryDb: config.deps.advisoryDb,
        osvUrl: config.deps.osvUrl,
        list: false
      }
    })

    const tempDir = env.RUNNER_TEMP ?? workspaceDir
    const reportFile = join(tempDir, `pipeguard-${scanners.map(s => s.name).join('-')}.json`)
    writeFileSync(reportFile, renderJson(report))
    const sarifFile = resolve(workspaceDir, inputs.sarifFile ?? join(tempDir, `pipeguard-${scanners.map(s => s.name).join('-')}.sarif`))
    mkdirSync(dirname(sarifFile), {recursive: true})
    writeFileSync(sarifFile, renderSarif(report))

    const shown = report.findings.filter(f => f.status !== 'ignored')
    core.setOutput('findings', String(shown.length))
    core.setOutput('blocking', String(report.blocking.length))
    core.setOutput('sarif-file', sarifFile)
    core.setOutput('report-file', reportFile)

    try {
      await core.summary.addRaw(renderMarkdown(report)).write()
    } catch (error) {
      core.warning(`pipeguard: could not write the job summary: ${errorMessage(error)}`)
    }
    if (report.exitCode !== 0) {
      core.setFailed(`pipeguard: ${report.blocking.length} blocking finding(s) at or above ${report.config.failOn}`)
    } else {
      core.info(shown.length === 0 ? 'pipeguard: no findings' : `pipeguard: ${shown.length} finding(s), none blocking`)
    }
    return report
  } catch (error) {
    if (error instanceof ConfigError || error instanceof z.ZodError) {
      core.setFailed(`pipeguard: ${error instanceof z.ZodError ? error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ') : error.message}`)
    } else {
      core.setFailed(`pipeguard: internal error: ${errorMessage(error)}`)
    }
    return undefined
  }
}
