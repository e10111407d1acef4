import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {cacheInPullRequestTarget} from './cache-in-pull-request-target'
import {insecureCommandsEnabled} from './insecure-commands-enabled'
import {missingPermissions} from './missing-permissions'
import {persistedCheckoutCredentials} from './persisted-checkout-credentials'
import {secretsInherit} from './secrets-inherit'
import {secretsToUnpinnedAction} from './secrets-to-unpinned-action'
import {selfHostedRunnerOnPullRequest} from './self-hosted-runner-on-pull-request'
import {templateInjection} from './template-injection'
import {unpinnedGitHubAction} from './unpinned-github-action'
import {unpinnedThirdPartyAction} from './unpinned-third-party-action'
import {untrustedCheckout} from './untrusted-checkout'
import {untrustedGithubEnvWrite} from './untrusted-github-env-write'
import {writeAllPermissions} from './write-all-permissions'

/** github-actions checks, in id order. */
export const githubActionsChecks: Check<GitHubActionsDoc>[] = [
  untrustedCheckout,
  templateInjection,
  unpinnedThirdPartyAction,
  unpinnedGitHubAction,
  writeAllPermissions,
  missingPermissions,
  persistedCheckoutCredentials,
  secretsInherit,
  secretsToUnpinnedAction,
  selfHostedRunnerOnPullRequest,
  untrustedGithubEnvWrite,
  insecureCommandsEnabled,
  cacheInPullRequestTarget
]
