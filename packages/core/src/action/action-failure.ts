import {ConfigError, errorMessage} from '../errors'
import type {ActionsCore} from './run-action'

/** Debug logging of a re-run ("Enable debug logging") or the ACTIONS_STEP_DEBUG secret. */
export function isDebugLogging(env: NodeJS.ProcessEnv): boolean {
  return env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true'
}

/**
 * Fails the step for an error nothing else handled: a ConfigError is the user's to fix and says
 * so; anything else is a pipeguard bug, one line by default and with its stack in debug logging.
 */
export function failAction(core: ActionsCore, error: unknown, env: NodeJS.ProcessEnv): void {
  if (error instanceof ConfigError) {
    core.setFailed(`pipeguard: ${error.message}`)
    return
  }
  const debug = isDebugLogging(env)
  core.setFailed(
    `pipeguard: internal error: ${errorMessage(error)}${debug ? '' : ' (re-run with debug logging for the stack trace)'}`
  )
  if (debug && error instanceof Error && error.stack) core.info(error.stack)
}
