import {HELP_FLAG, renderHelp, type Command} from '../command'
import {UsageError} from '../flags'

/** Octokit and the organization code load only when `org` runs: the CLI starts faster. */
export const orgCommand: Command = {
  name: 'org',
  summary:
    'Organization-wide scans: `org plan` shards the repositories for a matrix, `org aggregate` merges the reports.',
  usage: 'pipeguard org plan --org NAME [options] | pipeguard org aggregate DIR [options]',
  flags: [HELP_FLAG],
  details:
    'Run `pipeguard org plan --help` or `pipeguard org aggregate --help` for their options. Needs GITHUB_TOKEN for the API.',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === 'plan') return (await import('./org-run')).plan(rest, io, this)
    if (sub === 'aggregate') return (await import('./org-run')).aggregate(rest, io, this)
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout.write(renderHelp(this))
      return sub === undefined ? 2 : 0
    }
    throw new UsageError(`unknown subcommand "${sub}": expected plan or aggregate`, 'org')
  }
}
