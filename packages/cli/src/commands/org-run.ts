import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {
  ConfigError,
  OrgPlanSchema,
  aggregateReports,
  createOctokit,
  listOrgRepositories,
  planShards,
  renderOrgMarkdown,
  syncOrgTrackingIssues,
  type OrgPlan
} from '@pipeguard/core/github'
import {HELP_FLAG, renderHelp, type Command} from '../command'
import {UsageError, oneOf, parseFlags} from '../flags'
import type {CliIo} from '../io'
import {writeOutput} from '../output'

export const PLAN_FLAGS = [
  {
    name: 'org',
    type: 'string' as const,
    value: 'NAME',
    description: 'organization to list (required)'
  },
  {
    name: 'topic',
    type: 'string' as const,
    value: 'TOPIC',
    description: 'only repositories with this topic'
  },
  {
    name: 'include-archived',
    type: 'boolean' as const,
    description: 'also scan archived repositories'
  },
  {
    name: 'shards',
    type: 'string' as const,
    value: 'N',
    description: 'number of matrix jobs (default 4, at most 256)'
  },
  {
    name: 'output',
    short: 'o',
    type: 'string' as const,
    value: 'FILE',
    description: 'also write the matrix JSON to FILE'
  },
  HELP_FLAG
]

export const AGGREGATE_FLAGS = [
  {
    name: 'plan',
    type: 'string' as const,
    value: 'FILE',
    description: 'the matrix from `org plan`: repositories without a report are listed as failed'
  },
  {
    name: 'format',
    short: 'f',
    type: 'string' as const,
    value: 'FORMAT',
    description: 'markdown (default) or json'
  },
  {
    name: 'output',
    short: 'o',
    type: 'string' as const,
    value: 'FILE',
    description: 'write the report to FILE'
  },
  {
    name: 'issues-repo',
    type: 'string' as const,
    value: 'OWNER/REPO',
    description: 'upsert one tracking issue per repository in this repository'
  },
  HELP_FLAG
]

function token(io: CliIo): string {
  const value = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN
  if (!value)
    throw new ConfigError(
      "set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the organization's repositories"
    )
  return value
}

function apiUrl(io: CliIo): string {
  return io.env.GITHUB_API_URL ?? 'https://api.github.com'
}

export async function plan(argv: string[], io: CliIo, command: Command): Promise<number> {
  const args = parseFlags('org plan', argv, PLAN_FLAGS)
  if (args.values.help) {
    io.stdout.write(
      renderHelp({...command, usage: 'pipeguard org plan --org NAME [options]', flags: PLAN_FLAGS})
    )
    return 0
  }
  const org = args.values.org as string | undefined
  if (!org) throw new UsageError('--org is required', 'org plan')
  const shardsText = (args.values.shards as string | undefined) ?? '4'
  const shards = Number(shardsText)
  if (!Number.isInteger(shards) || shards < 1 || shards > 256) {
    throw new UsageError(
      `--shards must be a whole number from 1 to 256; got "${shardsText}"`,
      'org plan'
    )
  }
  const octokit = createOctokit(token(io), {
    baseUrl: apiUrl(io),
    log: message => io.stderr.write(`pipeguard: ${message}\n`)
  })
  const repositories = await listOrgRepositories(octokit, org)
  const matrix = planShards(repositories, {
    topic: args.values.topic as string | undefined,
    includeArchived: args.values['include-archived'] === true,
    shards
  })
  const text = JSON.stringify(matrix)
  // The matrix always goes to stdout too, for `echo "matrix=$(...)" >> $GITHUB_OUTPUT`.
  if (writeOutput(io, args.values.output as string | undefined, text + '\n'))
    io.stdout.write(text + '\n')
  io.stderr.write(
    `pipeguard: ${matrix.include.reduce((n, s) => n + s.count, 0)} of ${repositories.length} repositories in ${matrix.include.length} shard(s)\n`
  )
  return 0
}

export async function aggregate(argv: string[], io: CliIo, command: Command): Promise<number> {
  const args = parseFlags('org aggregate', argv, AGGREGATE_FLAGS)
  if (args.values.help) {
    io.stdout.write(
      renderHelp({
        ...command,
        usage: 'pipeguard org aggregate DIR [options]',
        flags: AGGREGATE_FLAGS
      })
    )
    return 0
  }
  const dir = args.positionals[0]
  if (!dir || args.positionals.length > 1)
    throw new UsageError('expected one DIR of per-repository reports', 'org aggregate')
  const format =
    oneOf(
      'format',
      args.values.format as string | undefined,
      ['markdown', 'json'] as const,
      'org aggregate'
    ) ?? 'markdown'
  let matrix: OrgPlan | undefined
  const planFile = args.values.plan as string | undefined
  if (planFile) {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(resolve(io.cwd, planFile), 'utf8'))
    } catch (error) {
      throw new ConfigError(`${planFile}: cannot read the plan (${(error as Error).message})`)
    }
    const parsed = OrgPlanSchema.safeParse(raw)
    if (!parsed.success)
      throw new ConfigError(
        `${planFile}: not a plan from \`pipeguard org plan\` (${parsed.error.issues[0]!.message})`
      )
    matrix = parsed.data
  }
  const report = aggregateReports(resolve(io.cwd, dir), matrix)
  writeOutput(
    io,
    args.values.output as string | undefined,
    format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderOrgMarkdown(report)
  )
  const issuesRepo = args.values['issues-repo'] as string | undefined
  if (issuesRepo) {
    const [owner, repo] = issuesRepo.split('/')
    if (!owner || !repo)
      throw new UsageError(`--issues-repo must be OWNER/REPO; got "${issuesRepo}"`, 'org aggregate')
    const octokit = createOctokit(token(io), {
      baseUrl: apiUrl(io),
      log: message => io.stderr.write(`pipeguard: ${message}\n`)
    })
    const summary = await syncOrgTrackingIssues(octokit, {owner, repo}, report.repositories)
    io.stderr.write(`pipeguard: tracking issues: ${JSON.stringify(summary)}\n`)
  }
  io.stderr.write(
    `pipeguard: ${report.repositories.length} repositories, ${report.failed} failed\n`
  )
  return 0
}
