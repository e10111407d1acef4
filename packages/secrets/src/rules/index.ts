import type {SecretRule} from '../rule'
import {aiRules} from './ai'
import {atlassianRules} from './atlassian'
import {awsRules} from './aws'
import {azureRules} from './azure'
import {cloudPlatformRules} from './cloud-platforms'
import {cryptoExchangeRules} from './crypto-exchanges'
import {curlRules} from './curl'
import {gcpRules} from './gcp'
import {configPasswordRules} from './config-passwords'
import {genericRules} from './generic'
import {githubRules} from './github'
import {jwtRules} from './jwt'
import {kubernetesRules} from './kubernetes'
import {gitlabRules} from './gitlab'
import {messagingRules} from './messaging'
import {observabilityRules} from './observability'
import {paymentRules} from './payments'
import {privateKeyRules} from './private-keys'
import {registryRules} from './registries'
import {saasRules} from './saas'
import {socialRules} from './social'
import {urlCredentialRules} from './url-credentials'

const PROVIDER_RULES: SecretRule[] = [
  ...awsRules,
  ...gcpRules,
  ...azureRules,
  ...cloudPlatformRules,
  ...kubernetesRules,
  ...githubRules,
  ...gitlabRules,
  ...atlassianRules,
  ...registryRules,
  ...paymentRules,
  ...messagingRules,
  ...aiRules,
  ...observabilityRules,
  ...saasRules,
  ...socialRules,
  ...cryptoExchangeRules,
  ...privateKeyRules,
  ...jwtRules
]

/**
 * Catch-all rules (credentials in URLs, generic assignments) leave a value that a provider rule
 * recognises (or knows as a documented example) to that rule, so one secret yields one finding with
 * the provider's rotation hint.
 */
function deferToProviders(rule: SecretRule): SecretRule {
  const regexes = [
    ...(rule.allowlist?.regexes ?? []),
    ...PROVIDER_RULES.flatMap(provider => [provider.regex, ...(provider.allowlist?.regexes ?? [])])
  ]
  return {...rule, allowlist: {...rule.allowlist, regexes}}
}

/** Rules that recognise a secret by its surroundings (a URL, a connection string, a key name), not by its format. */
export const CATCH_ALL_RULES: SecretRule[] = [
  ...urlCredentialRules,
  ...curlRules,
  ...genericRules,
  ...configPasswordRules
].map(deferToProviders)

/** Every built-in rule, in one explicit list (no side-effect registration). */
export const RULES: SecretRule[] = [...PROVIDER_RULES, ...CATCH_ALL_RULES]
