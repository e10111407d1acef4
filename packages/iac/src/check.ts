import type {Severity} from '@pipeguard/core'

export const PLATFORMS = [
  'terraform',
  'cloudformation',
  'kubernetes',
  'dockerfile',
  'compose',
  'github-actions'
] as const
export type Platform = (typeof PLATFORMS)[number]

export interface CheckResult {
  /** 1-based line of the offending attribute, or of the block that lacks a setting. */
  line: number
  endLine?: number
  /** Specific message; the check's title is used when absent. */
  message?: string
  /** The resource or object it is about (`aws_s3_bucket.logs`, `Deployment/web`, `jobs.build`). */
  resource?: string
  /**
   * This result is a hardening setting left at its default (not an explicit unsafe value); it
   * overrides the check's `hygiene` for one result.
   */
  hygiene?: boolean
}

/** A file the check's examples are parsed from: its name decides the platform's parser. */
export interface CheckExample {
  fileName: string
  text: string
}

/**
 * One misconfiguration check (checkov's BaseResourceCheck): metadata plus a pure function of a
 * parsed document. `D` is the platform's parsed document type.
 */
export interface Check<D = unknown> {
  /** `PG-<PLATFORM>-<NNN>`-style stable id. */
  id: string
  platform: Platform
  severity: Severity
  title: string
  /** Why it matters, one or two sentences. */
  description: string
  remediation: string
  /** The benchmark or documentation it comes from (CIS section where there is one). */
  docs: string
  /** Ids of peer tools' equivalent checks, so their inline suppressions keep working (CKV_AWS_20, DL3007...). */
  aliases?: string[]
  /**
   * A hardening item (a probe, a limit, HEALTHCHECK, a pin) rather than an exposure: the default
   * profile rolls its findings up into one hardening finding per resource. `when-unset`: only
   * results for a setting left at its default are (the check marks them); an explicit unsafe value
   * is shown on its own.
   */
  hygiene?: 'always' | 'when-unset'
  /**
   * Checks that read the same construct (SSH, RDP, all ports of one ingress rule): on one line of
   * one resource only the most severe is reported, naming the others.
   */
  family?: string
  run(doc: D): CheckResult[]
  /** Must report exactly `lines`. */
  fail: CheckExample & {lines: number[]}
  /** Must report nothing. */
  pass: CheckExample
}
