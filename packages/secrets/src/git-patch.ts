import type {CommitRef} from './commit-ref'

/** The lines one commit (or the index) added to one file, with their line numbers there. */
export interface AddedText {
  path: string
  commit?: CommitRef
  text: string
  lineNumbers: number[]
}

/** Marks the start of a commit header in our `git log --format`; cannot occur in a patch line. */
export const COMMIT_MARKER = '\u0001pipeguard-commit\u0002'
/** `%H %an %ae %aI`, NUL-separated, after the marker. */
export const LOG_FORMAT = `${COMMIT_MARKER}%H%x00%an%x00%ae%x00%aI`

/**
 * Incremental parser of `git log -p -U0` / `git diff -U0` output: feed it lines, it emits the added
 * lines of each file of each commit. Only `+` lines count: what a commit removed was reported
 * where it was added.
 */
export class PatchParser {
  private commit: CommitRef | undefined
  private path: string | undefined
  private lines: string[] = []
  private numbers: number[] = []
  private nextLine = 0
  private inHunk = false

  constructor(private readonly emit: (added: AddedText) => void) {}

  line(line: string): void {
    if (line.startsWith(COMMIT_MARKER)) {
      this.flush()
      const [sha = '', author = '', email = '', date = ''] = line
        .slice(COMMIT_MARKER.length)
        .split('\0')
      this.commit = {sha, author, email, date}
      this.path = undefined
      this.inHunk = false
      return
    }
    if (line.startsWith('diff --git ')) {
      this.flush()
      this.path = undefined
      this.inHunk = false
      return
    }
    if (this.inHunk) {
      const first = line.charCodeAt(0)
      if (first === 43 /* + */) {
        if (this.path !== undefined) {
          this.lines.push(line.slice(1))
          this.numbers.push(this.nextLine)
        }
        this.nextLine++
        return
      }
      if (first === 32 /* space */) {
        this.nextLine++
        return
      }
      if (first === 45 /* - */ || first === 92 /* \ No newline */) return
    }
    if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
      if (m) {
        this.nextLine = Number(m[1])
        this.inHunk = true
      }
      return
    }
    if (line.startsWith('+++ ')) {
      const target = line.slice(4)
      this.path = target === '/dev/null' ? undefined : stripPrefix(gitPathName(target))
      return
    }
    this.inHunk = false
  }

  end(): void {
    this.flush()
  }

  private flush(): void {
    if (this.path !== undefined && this.lines.length) {
      const added: AddedText = {
        path: this.path,
        text: this.lines.join('\n'),
        lineNumbers: this.numbers
      }
      if (this.commit) added.commit = this.commit
      this.emit(added)
    }
    this.lines = []
    this.numbers = []
  }
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path
}

/**
 * A `+++` name as git writes it: C-quoted when it holds unusual characters (`"b/caf\303\251.txt"`,
 * a tab, a quote), else as is plus a trailing tab when it holds a space (for GNU patch).
 */
function gitPathName(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path.replace(/\t$/, '')
  const bytes: number[] = []
  const body = path.slice(1, -1)
  const escapes: Record<string, number> = {
    n: 10,
    t: 9,
    r: 13,
    '"': 34,
    '\\': 92,
    a: 7,
    b: 8,
    f: 12,
    v: 11
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'))
      continue
    }
    const next = body[i + 1]!
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}
