import {z} from 'zod'
import type {GitHubClient} from '../github/octokit'

export interface OrgRepository {
  fullName: string
  /** Size in KiB as the API reports it: the cost estimate for balancing. */
  sizeKb: number
  archived: boolean
  topics: string[]
  defaultBranch: string
}

export const ShardSchema = z.object({
  shard: z.number().int().min(1),
  repositories: z.string(),
  count: z.number().int(),
  sizeKb: z.number()
})
export const OrgPlanSchema = z.object({include: z.array(ShardSchema)})
export type OrgPlan = z.infer<typeof OrgPlanSchema>

export interface PlanOptions {
  topic?: string
  includeArchived: boolean
  shards: number
}

/** Every repository of the organization, 100 per page (the throttled client handles rate limits). */
export async function listOrgRepositories(
  octokit: GitHubClient,
  org: string
): Promise<OrgRepository[]> {
  const out: OrgRepository[] = []
  const pages = octokit.paginate.iterator(octokit.rest.repos.listForOrg, {
    org,
    type: 'all',
    per_page: 100
  })
  for await (const page of pages) {
    for (const repo of page.data) {
      if (repo.disabled) continue
      out.push({
        fullName: repo.full_name,
        sizeKb: repo.size ?? 0,
        archived: Boolean(repo.archived),
        topics: repo.topics ?? [],
        defaultBranch: repo.default_branch ?? 'main'
      })
    }
  }
  return out
}

/**
 * Balances repositories over at most `shards` matrix jobs by size: largest first onto the lightest
 * shard (LPT), which keeps the slowest job within 4/3 of the best possible split.
 */
export function planShards(repositories: OrgRepository[], options: PlanOptions): OrgPlan {
  const selected = repositories
    .filter(r => options.includeArchived || !r.archived)
    .filter(r => !options.topic || r.topics.includes(options.topic))
    .sort((a, b) => b.sizeKb - a.sizeKb || a.fullName.localeCompare(b.fullName))
  const count = Math.max(1, Math.min(options.shards, selected.length))
  const shards = Array.from({length: count}, () => ({repos: [] as string[], sizeKb: 0}))
  for (const repo of selected) {
    let lightest = shards[0]!
    for (const shard of shards) if (shard.sizeKb < lightest.sizeKb) lightest = shard
    lightest.repos.push(repo.fullName)
    // An empty repository still costs a clone.
    lightest.sizeKb += Math.max(repo.sizeKb, 1)
  }
  return {
    include: shards
      .filter(s => s.repos.length > 0)
      .map((s, i) => ({
        shard: i + 1,
        repositories: [...s.repos].sort().join(' '),
        count: s.repos.length,
        sizeKb: s.sizeKb
      }))
  }
}
