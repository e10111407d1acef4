/** Kept equal to the root package.json version by a test. */
export const VERSION = '0.1.0'
export const TOOL_NAME = 'pipeguard'
export const INFORMATION_URI = 'https://github.com/pipeguard/pipeguard'
