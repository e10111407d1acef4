import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import * as core from '@actions/core'
import {DefaultArtifactClient} from '@actions/artifact'
import {
  TOOL_NAME,
  VERSION,
  INFORMATION_URI,
  createOctokit,
  errorMessage,
  escapeInlineCode,
  failAction,
  httpStatus,
  loadConfig,
  marker,
  readGitHubContext,
  resolveScanRoot,
  upsertStickyComment,
  type ActionsCore,
  type GitHubClient,
  type GitHubContext
} from '@pipeguard/core/github'
import {
  buildDependencySnapshot,
  diffComponents,
  generateSbom,
  inventoryAtRevision,
  renderSbomDiff,
  toComponents,
  type SbomResult
} from '@pipeguard/sbom'
import {readSbomInputs, type SbomInputs} from './inputs'
import {renderSbomSummary, type SbomSummaryFacts} from './sbom-summary'

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

/**
 * Writes the SBOM, uploads it, optionally submits the dependency snapshot, comments the PR diff and
 * writes the job summary. A lockfile it could not read fails the step, as an incomplete scan does:
 * the SBOM is written anyway but lacks that file's packages.
 */
export async function run(deps: Partial<SbomActionDeps> = {}): Promise<void> {
  const {core: c, env, uploadArtifact, octokit} = {...defaults, ...deps}
  try {
    const inputs = readSbomInputs(name => c.getInput(name))
    if (inputs.githubToken) c.setSecret(inputs.githubToken)
    const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd())
    const {root, repoFile} = resolveScanRoot(workspace, inputs.path)
    const {config} = loadConfig(root, inputs.config ? resolve(workspace, inputs.config) : undefined)
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
    const errors = result.inventory.errors.map(e => ({...e, path: e.path && repoFile(e.path)}))
    for (const error of errors) {
      c.error(error.message, {
        title: 'pipeguard could not read this file: the SBOM is incomplete',
        ...(error.path ? {file: error.path} : {})
      })
    }
    c.setOutput('sbom-file', output)
    c.setOutput('components', String(result.components.length))
    c.setOutput('errors', String(errors.length))
    c.setOutput('incomplete', errors.length > 0 ? 'true' : 'false')
    c.info(
      `pipeguard: ${format} SBOM with ${result.components.length} component(s) written to ${output}`
    )
    const facts: SbomSummaryFacts = {
      format,
      file: output,
      workspace,
      components: result.components,
      errors,
      notes: []
    }

    if (inputs.uploadArtifact) {
      try {
        await uploadArtifact(inputs.artifactName, output)
        facts.notes.push(
          `Uploaded as the workflow artifact ${escapeInlineCode(inputs.artifactName)}.`
        )
      } catch (error) {
        c.warning(`pipeguard: could not upload the SBOM artifact: ${errorMessage(error)}`)
        facts.notes.push('⚠️ Could not upload the SBOM artifact: see the log.')
      }
    }

    const gh = readGitHubContext(env)
    const client = gh && inputs.githubToken ? octokit(inputs.githubToken, gh.apiUrl) : undefined
    if (gh && client && inputs.submit) {
      await submitSnapshot({c, client, gh, env, path: inputs.path, result, repoFile, facts})
    }
    if (gh?.pullRequest) {
      await reportDiff({c, client, gh, comment: inputs.comment, result, facts})
    }
    try {
      await c.summary.addRaw(renderSbomSummary(facts)).write()
    } catch (error) {
      c.warning(`pipeguard: could not write the job summary: ${errorMessage(error)}`)
    }
    if (errors.length > 0) {
      c.setFailed(
        `pipeguard: the SBOM is incomplete: ${errors.length} file(s) could not be read (see the annotations)`
      )
    }
  } catch (error) {
    failAction(c, error, env)
  }
}

interface PublishContext {
  c: ActionsCore
  gh: GitHubContext
  result: SbomResult
  facts: SbomSummaryFacts
}

/** The dependency snapshot, at repository paths; a refusal is a warning and a summary note. */
async function submitSnapshot({
  c,
  client,
  gh,
  env,
  path,
  result,
  repoFile,
  facts
}: PublishContext & {
  client: GitHubClient
  env: NodeJS.ProcessEnv
  path: string
  repoFile: (path: string) => string
}): Promise<void> {
  const payload = buildDependencySnapshot(result.inventory.packages, {
    sha: gh.sha,
    ref: gh.ref ?? '',
    correlator: `${env.GITHUB_WORKFLOW ?? 'workflow'}_${env.GITHUB_JOB ?? 'job'}_${path}`,
    runId: env.GITHUB_RUN_ID ?? '0',
    htmlUrl: gh.runUrl,
    scanned: new Date().toISOString(),
    detector: {name: TOOL_NAME, version: VERSION, url: INFORMATION_URI},
    repoFile
  })
  try {
    await client.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', {
      owner: gh.owner,
      repo: gh.repo,
      ...payload
    })
    const submitted = `Submitted ${Object.keys(payload.manifests).length} manifest(s) to the dependency graph.`
    c.info(`pipeguard: ${submitted}`)
    facts.notes.push(submitted)
  } catch (error) {
    const status = httpStatus(error)
    facts.notes.push('⚠️ The dependency snapshot was not submitted: see the log.')
    c.warning(
      status === 403 || status === 404
        ? 'pipeguard: the dependency snapshot was not accepted: the workflow needs `permissions: contents: write` and the dependency graph enabled in the repository settings'
        : `pipeguard: dependency submission failed: ${errorMessage(error)}`
    )
  }
}

/** The pull request's dependency changes: in the job summary, and in the sticky comment when allowed. */
async function reportDiff({
  c,
  client,
  gh,
  comment,
  result,
  facts
}: PublishContext & {client?: GitHubClient; comment: SbomInputs['comment']}): Promise<void> {
  const pr = gh.pullRequest!
  try {
    const base = toComponents((await inventoryAtRevision(result.workspace, pr.baseSha)).packages)
    const diff = diffComponents(base, result.components)
    const changes =
      diff.added.length + diff.removed.length + diff.changed.length + diff.licenseChanged.length
    facts.diff = renderSbomDiff(diff)
    if (!client || comment === 'never') return
    const markerText = marker('sbom')
    await upsertStickyComment(
      client,
      {owner: gh.owner, repo: gh.repo, issueNumber: pr.number},
      {
        mode: comment,
        markerText,
        hasFindings: changes > 0,
        body: `${markerText}\n## pipeguard SBOM diff\n\n${facts.diff}`
      }
    )
  } catch (error) {
    const status = httpStatus(error)
    facts.notes.push('⚠️ The pull request comment was not written: see the log.')
    c.warning(
      status === 403
        ? 'pipeguard: cannot comment on this pull request (a fork or a read-only token): grant `pull-requests: write`'
        : `pipeguard: the SBOM diff comment was not written: ${errorMessage(error)}`
    )
  }
}
