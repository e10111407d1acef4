import type {PlatformParser} from '../parser'
import {terraformParser} from './terraform'
import {githubActionsParser} from './github-actions'
import {composeParser} from './compose'
import {cloudformationParser} from './cloudformation'
import {kubernetesParser} from './kubernetes'
import {dockerfileParser} from './dockerfile'

/** The one registry of IaC parsers. A file goes to the first whose `fileRequired` (and `detect`) accept it. */
export const PARSERS: PlatformParser[] = [
  terraformParser,
  // Workflows and Compose files are matched by name before the content-sniffing YAML parsers.
  githubActionsParser,
  composeParser,
  cloudformationParser,
  kubernetesParser,
  dockerfileParser
]
