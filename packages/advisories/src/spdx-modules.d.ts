// spdx-satisfies and spdx-expression-parse are CommonJS packages without type declarations.
declare module 'spdx-satisfies' {
  export default function satisfies(expression: string, allowed: string[]): boolean
}

declare module 'spdx-expression-parse' {
  export interface SpdxNode {
    license?: string
    plus?: boolean
    exception?: string
    conjunction?: 'and' | 'or'
    left?: SpdxNode
    right?: SpdxNode
  }
  export default function parse(expression: string): SpdxNode
}
