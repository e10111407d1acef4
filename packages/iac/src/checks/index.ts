import type {Check} from '../check'
import {terraformChecks} from './terraform/index'
import {kubernetesChecks} from './kubernetes/index'
import {dockerfileChecks} from './dockerfile/index'
import {composeChecks} from './compose/index'
import {cloudformationChecks} from './cloudformation/index'
import {githubActionsChecks} from './github-actions/index'

/** The one registry of built-in checks, every platform. */
export const CHECKS: Check[] = [
  ...terraformChecks,
  ...kubernetesChecks,
  ...dockerfileChecks,
  ...composeChecks,
  ...cloudformationChecks,
  ...githubActionsChecks
]
