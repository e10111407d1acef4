/**
 * GitHub Actions and REST API side of core: action runs, reporting to GitHub and organization
 * scans. A separate entry point so the CLI starts without loading Octokit and @actions/*.
 */
export * from './index'
export * from './action/action-inputs'
export * from './action/run-action'
export * from './action/publish'
export * from './github/octokit'
export * from './github/context'
export * from './github/diff'
export * from './github/filter'
export * from './github/annotations'
export * from './github/check-run'
export * from './github/comment'
export * from './github/markdown'
export * from './github/summary'
export * from './github/tracking-issue'
export * from './org/org-plan'
export * from './org/org-aggregate'
export * from './org/org-markdown'
export * from './org/org-tracking'
export * from './github/change-sections'
