import * as core from '@actions/core'
import type {ActionsCore} from '@pipeguard/core'

export async function run(actionsCore: ActionsCore = core): Promise<void> {
  actionsCore.setFailed('pipeguard: SBOM generation is not part of this build yet')
}
