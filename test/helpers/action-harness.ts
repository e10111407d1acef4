import {afterEach, beforeEach} from '@jest/globals'
import {FakeGitHub} from './fake-github'
import {removeRun, runAction, type ActionRun, type RunActionOptions} from './run-action'
import {makeWorkspace, removeWorkspace} from './workspace'

export interface ActionHarness {
  /** The fake GitHub REST API of the current test. */
  readonly server: FakeGitHub
  /** The current test's checkout. */
  readonly workspace: string
  /** Runs a bundled action in the workspace against the fake API; removed after the test. */
  run(options: Partial<RunActionOptions> & Pick<RunActionOptions, 'action'>): Promise<ActionRun>
}

/**
 * A fresh fake GitHub API and workspace (with `files`) for each test of the calling describe block,
 * closed and removed after it, with every action run's temporary files.
 */
export function useActionHarness(
  files: Record<string, string> = {'README.md': '# app\n'},
  setup: (server: FakeGitHub) => void = () => {}
): ActionHarness {
  let server: FakeGitHub | undefined
  let workspace: string | undefined
  const runs: ActionRun[] = []
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
    workspace = makeWorkspace(files)
    setup(server)
  })
  afterEach(async () => {
    await server?.close()
    if (workspace) removeWorkspace(workspace)
    runs.splice(0).forEach(removeRun)
  })
  return {
    get server() {
      return server!
    },
    get workspace() {
      return workspace!
    },
    async run(options) {
      const result = await runAction({workspace: workspace!, apiUrl: server!.url, ...options})
      runs.push(result)
      return result
    }
  }
}
