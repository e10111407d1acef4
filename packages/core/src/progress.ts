/** Progress for long work: drawn on stderr only when it is a terminal, never in a report. */
export interface Progress {
  start(label: string, total?: number): void
  tick(n?: number): void
  done(): void
}

export const silentProgress: Progress = {start() {}, tick() {}, done() {}}

const REDRAW_MS = 100

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress
  let label = ''
  let total: number | undefined
  let count = 0
  let last = 0
  const draw = (force: boolean): void => {
    const now = Date.now()
    if (!force && now - last < REDRAW_MS) return
    last = now
    const amount = total ? `${count}/${total}` : `${count}`
    stream.write(`\r\x1b[2K${label} ${amount}`)
  }
  return {
    start(newLabel, newTotal) {
      label = newLabel
      total = newTotal
      count = 0
      draw(true)
    },
    tick(n = 1) {
      count += n
      draw(false)
    },
    done() {
      stream.write('\r\x1b[2K')
    }
  }
}
