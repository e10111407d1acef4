import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import * as core from '@actions/core'
import {DefaultArtifactClient} from '@actions/artifact'
import {
  ConfigError,
  TOOL_NAME,
  VERSION,
  INFORMATION_URI,
  createOctokit,
  errorMessage,
  httpStatus,
  loadConfig,
  marker,
  readGitHubContext,
  upsertStickyComment,
  type ActionsCore,
  type GitHubClient
} from '@pipeguard/core/github'
import {
  buildDependencySnapshot,
  diffComponents,
  generateSbom,
  inventoryAtRevision,
  renderSbomDiff,
  toComponents
} from '@pipeguard/sbom'
import {readSbomInputs} from './inputs'

export interface SbomActionDeps {
  core: ActionsCore
  env: NodeJS.ProcessEnv
  uploadArtifact: (name: string, file: string) => Promise<void>
  octokit: (token: string, baseUrl: string) => GitHubClient
}

const defaults: SbomActionDeps = {
  core,
  env: process.env,
  uploadArtifact: async (name, file) => {
    await new DefaultArtifactClient().uploadArtifact(name, [file], dirname(file))
  },
  octokit: (token, baseUrl) => createOctokit(token, {baseUrl, log: message => core.info(message)})
}

/** Writes the SBOM, uploads it, optionally submits the dependency snapshot, and comments the PR diff. */
export async function run(deps: Partial<SbomActionDeps> = {}): Promise<void> {
  const {core: c, env, uploadArtifact, octokit} = {...defaults, ...deps}
  try {
    const inputs = readSbomInputs(name => c.getInput(name))
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const root = resolve(workspace, inputs.path)
    const {config} = loadConfig(root, inputs.config)
    const format = inputs.format ?? config.sbom.format
    const result = await generateSbom(
      root,
      config,
      {format, specVersion: inputs.specVersion ?? config.sbom.specVersion},
      env
    )
    const output = resolve(
      workspace,
      inputs.output ?? (format === 'spdx-json' ? 'sbom.spdx.json' : 'sbom.cdx.json')
    )
    mkdirSync(dirname(output), {recursive: true})
    writeFileSync(output, result.document)
    for (const error of result.inventory.errors) c.warning(`${error.path}: ${error.message}`)
    c.setOutput('sbom-file', output)
    c.setOutput('components', String(result.components.length))
    c.info(
      `pipeguard: ${format} SBOM with ${result.components.length} component(s) written to ${output}`
    )

    if (inputs.uploadArtifact) {
      try {
        await uploadArtifact(inputs.artifactName, output)
      } catch (error) {
        c.warning(`pipeguard: could not upload the SBOM artifact: ${errorMessage(error)}`)
      }
    }

    const gh = readGitHubContext(env)
    if (!gh || !inputs.githubToken) return
    const client = octokit(inputs.githubToken, gh.apiUrl)

    if (inputs.submit) {
      const payload = buildDependencySnapshot(result.inventory.packages, {
        sha: gh.sha,
        ref: gh.ref ?? '',
        correlator: `${env.GITHUB_WORKFLOW ?? 'workflow'}_${env.GITHUB_JOB ?? 'job'}_${inputs.path}`,
        runId: env.GITHUB_RUN_ID ?? '0',
        htmlUrl: gh.runUrl,
        scanned: new Date().toISOString(),
        detector: {name: TOOL_NAME, version: VERSION, url: INFORMATION_URI}
      })
      try {
        await client.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', {
          owner: gh.owner,
          repo: gh.repo,
          ...payload
        })
        c.info(
          `pipeguard: submitted ${Object.keys(payload.manifests).length} manifest(s) to the dependency graph`
        )
      } catch (error) {
        const status = httpStatus(error)
        c.warning(
          status === 403 || status === 404
            ? 'pipeguard: the dependency snapshot was not accepted: the workflow needs `permissions: contents: write` and the dependency graph enabled in the repository settings'
            : `pipeguard: dependency submission failed: ${errorMessage(error)}`
        )
      }
    }

    if (gh.pullRequest && inputs.comment !== 'never') {
      try {
        const base = toComponents(
          (await inventoryAtRevision(result.workspace, gh.pullRequest.baseSha)).packages
        )
        const diff = diffComponents(base, result.components)
        const changes =
          diff.added.length + diff.removed.length + diff.changed.length + diff.licenseChanged.length
        const markerText = marker('sbom')
        const body = `${markerText}\n## pipeguard SBOM diff\n\n${renderSbomDiff(diff)}`
        await upsertStickyComment(
          client,
          {owner: gh.owner, repo: gh.repo, issueNumber: gh.pullRequest.number},
          {
            mode: inputs.comment,
            markerText,
            hasFindings: changes > 0,
            body
          }
        )
      } catch (error) {
        const status = httpStatus(error)
        c.warning(
          status === 403
            ? 'pipeguard: cannot comment on this pull request (a fork or a read-only token): grant `pull-requests: write`'
            : `pipeguard: the SBOM diff comment was not written: ${errorMessage(error)}`
        )
      }
    }
  } catch (error) {
    c.setFailed(
      error instanceof ConfigError
        ? `pipeguard: ${error.message}`
        : `pipeguard: ${errorMessage(error)}`
    )
  }
}
