import type {Severity} from '@pipeguard/core'

/**
 * One secret detector, gitleaks-style. Rules carry their own examples: a generic test runs every
 * `truePositives` entry (must be found) and `falsePositives` entry (must not) through the detector.
 */
export interface SecretRule {
  /** kebab-case, gitleaks' id where one exists (`github-pat`, `aws-access-token`). */
  id: string
  description: string
  severity: Severity
  /** JavaScript regex (no `g`/`y` flag; the engine adds what it needs). */
  regex: RegExp
  /** Capture group that holds the secret; default: group 1 when the regex has one, else the match. */
  secretGroup?: number
  /** Lower-case literals, one of which must occur in a fragment before the regex runs. */
  keywords: string[]
  /** Minimum Shannon entropy of the secret (bits/char), where the format allows random content. */
  entropy?: number
  /** How many leading characters of the secret are a public, fixed prefix (`ghp_` = 4). */
  prefixLength?: number
  /** Only files whose path matches. */
  path?: RegExp
  allowlist?: {
    /** Secrets matching any of these are not reported. */
    regexes?: RegExp[]
    /** Secrets containing any of these (lower-case) are not reported. */
    stopwords?: string[]
    /** Files whose path matches are not scanned by this rule. */
    paths?: RegExp[]
  }
  /**
   * Why a match is not a secret after all, for values a regex cannot judge: an encoded value is
   * decoded and the decoded text judged (`mypassword` in a Kubernetes Secret is not reported).
   */
  notASecret?: (secret: string) => string | undefined
  /** Where and how to revoke and rotate it. */
  rotation: string
  /** Documentation of the token format or of revocation. */
  docs?: string
  /** Text fragments (a line or a few) that must produce this rule's finding. */
  truePositives: string[]
  /** Look-alikes that must not. */
  falsePositives: string[]
}

export function defineRule(rule: SecretRule): SecretRule {
  return rule
}
