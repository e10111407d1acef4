import {
  Arg,
  DockerfileParser,
  Env,
  Label,
  ModifiableInstruction,
  type From,
  type Instruction,
  type Property
} from 'dockerfile-ast'
import type {PlatformParser} from '../parser'

export interface DockerInstruction {
  /** Upper-case keyword (`RUN`, `FROM`...). */
  keyword: string
  line: number
  endLine: number
  /** Arguments with line continuations joined; heredoc bodies included. */
  args: string
  /** Arguments with ARG/ENV defaults substituted, split like the shell does. */
  expanded: string[]
  /** Flags such as `--mount=type=cache,target=/root/.cache` or `--checksum=sha256:...`, as written. */
  flags: string[]
  /** `NAME=value` pairs of ENV, ARG and LABEL with the line of each name. */
  properties: {name: string; value: string | null; line: number}[]
  /** Index of the stage; -1 for ARGs before the first FROM. */
  stage: number
}

export interface DockerStage {
  index: number
  /** `AS name`, when given. */
  name?: string
  /** Base image with ARG defaults resolved (`node:20-alpine`, `build`, `scratch`). */
  image: string
  /** The base is an earlier stage of this file. */
  fromStage: boolean
  line: number
  instructions: DockerInstruction[]
}

export interface DockerfileDoc {
  stages: DockerStage[]
  instructions: DockerInstruction[]
}

/**
 * `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`. The `Dockerfile.<suffix>` form is
 * case-sensitive: a lower-case `dockerfile.ts` is source code about Dockerfiles, not one.
 */
const DOCKERFILE =
  /(^|\/)((Dockerfile|Containerfile)(\.[^/]+)?|dockerfile|containerfile)$|\.(dockerfile|containerfile)$/i
const DOCKERFILE_WITH_SUFFIX = /(^|\/)(dockerfile|containerfile)\.[^/]+$/i
const CANONICAL_WITH_SUFFIX = /(^|\/)(Dockerfile|Containerfile)\.[^/]+$/
/** `Dockerfile.md` is documentation, `Dockerfile.dockerignore` BuildKit's per-file ignore list, `.ts` code. */
const NOT_DOCKERFILE =
  /\.(md|txt|rst|adoc|html?|json|ya?ml|sh|dockerignore|orig|bak|swp|[cm]?[jt]sx?|py|go|rb|rs|java|kt|cs|php|swift|c|h|cpp|tf|toml|xml|lock)$/i

function isDockerfilePath(path: string): boolean {
  if (!DOCKERFILE.test(path) || NOT_DOCKERFILE.test(path)) return false
  return !DOCKERFILE_WITH_SUFFIX.test(path) || CANONICAL_WITH_SUFFIX.test(path)
}

export const dockerfileParser: PlatformParser<DockerfileDoc> = {
  platform: 'dockerfile',
  fileRequired: isDockerfilePath,
  parse(text) {
    const dockerfile = DockerfileParser.parse(text)
    const lines = text.split('\n')
    const raw = dockerfile.getInstructions()
    if (raw.length === 0)
      return {ok: false, error: 'empty Dockerfile at line 1: expected a FROM instruction'}
    const instructions: DockerInstruction[] = []
    const stages: DockerStage[] = []
    for (const instruction of raw) {
      const keyword = instruction.getKeyword().toUpperCase()
      const line = instruction.getRange().start.line + 1
      if (keyword === 'FROM') {
        stages.push(toStage(instruction as From, stages, line))
      } else if (stages.length === 0 && keyword !== 'ARG') {
        return {
          ok: false,
          error: `invalid Dockerfile at line ${line}: expected FROM (or ARG) before ${keyword}`
        }
      }
      const converted = toInstruction(instruction, keyword, line, stages.length - 1, lines)
      instructions.push(converted)
      stages[stages.length - 1]?.instructions.push(converted)
    }
    return {ok: true, doc: {stages, instructions}}
  }
}

function toStage(from: From, earlier: DockerStage[], line: number): DockerStage {
  // Expanded arguments resolve `FROM ${BASE}` through the global ARG defaults; flags come first.
  const args = from.getExpandedArguments().map(a => a.getValue())
  const image = args.find(a => !a.startsWith('--')) ?? ''
  const name = from.getBuildStage() ?? undefined
  const fromStage = earlier.some(
    s => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase()
  )
  return {index: earlier.length, ...(name ? {name} : {}), image, fromStage, line, instructions: []}
}

function toInstruction(
  instruction: Instruction,
  keyword: string,
  line: number,
  stage: number,
  lines: string[]
): DockerInstruction {
  const endLine = instruction.getRange().end.line + 1
  const found: (Property | null)[] =
    instruction instanceof Arg
      ? [instruction.getProperty()]
      : instruction instanceof Env || instruction instanceof Label
        ? instruction.getProperties()
        : []
  const properties = found.flatMap(p =>
    p ? [{name: p.getName(), value: p.getValue(), line: p.getNameRange().start.line + 1}] : []
  )
  return {
    keyword,
    line,
    endLine,
    args: withoutCommentLines(instruction.getArgumentsContent() ?? '', lines, line, endLine),
    flags:
      instruction instanceof ModifiableInstruction
        ? instruction.getFlags().map(f => f.toString())
        : [],
    expanded: instruction.getExpandedArguments().map(a => a.getValue()),
    properties,
    stage
  }
}

/**
 * Docker drops comment lines inside a continued instruction (`RUN apt-get install \` then
 * `# tools` then `curl`); the parser keeps their text in the arguments, where it would read as
 * commands and packages.
 */
function withoutCommentLines(args: string, lines: string[], line: number, endLine: number): string {
  let out = args
  for (let i = line; i < endLine; i++) {
    const comment = lines[i]?.trim()
    if (!comment?.startsWith('#')) continue
    const at = out.indexOf(comment)
    if (at < 0) continue
    const end = out[at + comment.length] === '\n' ? at + comment.length + 1 : at + comment.length
    out = out.slice(0, at) + out.slice(end)
  }
  return out
}

/** The stage that becomes the image: the last one. */
export function finalStage(doc: DockerfileDoc): DockerStage | undefined {
  return doc.stages[doc.stages.length - 1]
}

/** Shell commands of a RUN, split on `&&`, `||`, `;`, `|` and newlines (heredoc bodies included). */
export function shellCommands(instruction: DockerInstruction): string[] {
  return instruction.args
    .replace(/^\[(.*)\]$/s, (_, inner: string) =>
      inner.replace(/"\s*,\s*"/g, ' ').replace(/"/g, '')
    )
    .split(/&&|\|\||;|\n|\|/)
    .map(c => c.trim())
    .filter(Boolean)
}

/**
 * The stage and the stages it builds on (`FROM build AS final` inherits USER and HEALTHCHECK
 * from `build`), nearest first.
 */
export function stageChain(doc: DockerfileDoc, stage: DockerStage): DockerStage[] {
  const chain = [stage]
  let current = stage
  while (current.fromStage) {
    const parent = doc.stages
      .slice(0, current.index)
      .reverse()
      .find(s => s.name?.toLowerCase() === current.image.toLowerCase())
    if (!parent || chain.includes(parent)) break
    chain.push(parent)
    current = parent
  }
  return chain
}

/** The last instruction with `keyword` that applies to the final image, looking through parent stages. */
export function lastInFinalImage(
  doc: DockerfileDoc,
  keyword: string
): DockerInstruction | undefined {
  const last = finalStage(doc)
  if (!last) return undefined
  for (const stage of stageChain(doc, last)) {
    const found = stage.instructions.filter(i => i.keyword === keyword).pop()
    if (found) return found
  }
  return undefined
}
