import {z} from 'zod'

/** What a run was asked to do beyond the config file: CLI flags or action inputs. */
export const RunOptionsSchema = z.object({
  /** Scanner names to run (`secrets`, `deps`, `iac`). */
  scanners: z.array(z.string()).min(1),
  /** Secrets: scan git history; true for everything reachable, or a revision range. */
  history: z.union([z.boolean(), z.string()]).default(false),
  /** Secrets: scan only what is staged in the index (pre-commit). */
  staged: z.boolean().default(false),
  advisoryDb: z.string().optional(),
  osvUrl: z.string().optional(),
  /** Dependencies: the base commit a pull request is compared with (`--base REF`). */
  base: z.string().optional(),
  /** Dependencies: list the inventory instead of auditing it. */
  list: z.boolean().default(false),
  /** Worker threads for file scanning (`--jobs N`); default: one per available core. */
  jobs: z.number().int().positive().optional()
})
export type RunOptions = z.infer<typeof RunOptionsSchema>
