import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

/** A fault the fake API injects into the requests `match` selects, `times` times (Infinity = always). */
export type Fault =
  | {
      kind: 'status'
      status: number
      retryAfter?: string
      times: number
      match?: (req: RecordedRequest) => boolean
    }
  | {kind: 'slow'; delayMs: number; times: number; match?: (req: RecordedRequest) => boolean}
  | {kind: 'reset'; times: number; match?: (req: RecordedRequest) => boolean}
  | {
      /** Answers 200 with this body instead; `chunked` sends it in pieces without a Content-Length. */
      kind: 'body'
      body: string
      chunked?: boolean
      times: number
      match?: (req: RecordedRequest) => boolean
    }

export interface RecordedRequest {
  method: string
  path: string
  authorization?: string
  /** Parsed JSON body (querybatch). */
  body?: {
    queries: Array<{
      package: {name: string; ecosystem: string}
      version: string
      page_token?: string
    }>
  }
}

export interface FakeOsvServer {
  url: string
  requests: RecordedRequest[]
  /** Most GET /v1/vulns requests in flight at once. */
  maxInFlight: number
  faults: Fault[]
  close(): Promise<void>
}

interface RawRecord {
  id: string
  modified: string
  affected?: Array<{package?: {name: string; ecosystem: string}}>
}

/**
 * The OSV API's two endpoints over real HTTP on 127.0.0.1, serving the given records verbatim.
 * querybatch answers by ecosystem + name only (like a source that over-answers; the client
 * re-matches versions), `pageSize` ids per page with a next_page_token.
 */
export async function startFakeOsvServer(
  records: RawRecord[],
  options: {pageSize?: number; vulnDelayMs?: number; idOnly?: RawRecord[]} = {}
): Promise<FakeOsvServer> {
  const pageSize = options.pageSize ?? 1000
  const byPackage = new Map<string, RawRecord[]>()
  // `idOnly` records answer GET /v1/vulns/{id} but no querybatch: a source missing part of a group.
  const byId = new Map([...records, ...(options.idOnly ?? [])].map(r => [r.id, r]))
  for (const record of records) {
    const keys = new Set(
      (record.affected ?? [])
        .filter(a => a.package)
        .map(a => `${a.package!.ecosystem}\0${a.package!.name}`)
    )
    for (const key of keys) byPackage.set(key, [...(byPackage.get(key) ?? []), record])
  }
  let inFlight = 0
  const state: FakeOsvServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    faults: [],
    close: async () => {}
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const recorded: RecordedRequest = {method: req.method ?? 'GET', path: req.url ?? '/'}
    if (req.headers.authorization) recorded.authorization = req.headers.authorization
    if (chunks.length) recorded.body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    state.requests.push(recorded)

    const fault = state.faults.find(f => f.times > 0 && (!f.match || f.match(recorded)))
    if (fault) {
      fault.times--
      if (fault.kind === 'status') {
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter ? {'retry-after': fault.retryAfter} : {})
        })
        res.end(JSON.stringify({code: fault.status, message: 'injected fault'}))
        return
      }
      if (fault.kind === 'reset') {
        req.socket.destroy()
        return
      }
      if (fault.kind === 'body') {
        res.writeHead(200, {'content-type': 'application/json'})
        if (!fault.chunked) return void res.end(fault.body)
        const piece = Math.max(1, Math.ceil(fault.body.length / 16))
        for (let i = 0; i < fault.body.length; i += piece) res.write(fault.body.slice(i, i + piece))
        res.end()
        return
      }
      // Ends early when the client gives up, so no timer outlives the test.
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, fault.delayMs)
        req.socket.once('close', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      if (req.socket.destroyed) return
    }

    if (recorded.method === 'POST' && recorded.path === '/v1/querybatch') {
      const results = recorded.body!.queries.map(q => {
        const all = byPackage.get(`${q.package.ecosystem}\0${q.package.name}`) ?? []
        const start = q.page_token ? Number(Buffer.from(q.page_token, 'base64').toString()) : 0
        const page = all.slice(start, start + pageSize)
        const result: Record<string, unknown> = {}
        if (page.length) result.vulns = page.map(r => ({id: r.id, modified: r.modified}))
        if (start + pageSize < all.length)
          result.next_page_token = Buffer.from(String(start + pageSize)).toString('base64')
        return result
      })
      res.writeHead(200, {'content-type': 'application/json'})
      res.end(JSON.stringify({results}))
      return
    }
    const vuln = /^\/v1\/vulns\/(.+)$/.exec(recorded.path)
    if (recorded.method === 'GET' && vuln) {
      inFlight++
      state.maxInFlight = Math.max(state.maxInFlight, inFlight)
      if (options.vulnDelayMs)
        await new Promise(resolve => setTimeout(resolve, options.vulnDelayMs))
      inFlight--
      const record = byId.get(decodeURIComponent(vuln[1]!))
      res.writeHead(record ? 200 : 404, {'content-type': 'application/json'})
      res.end(JSON.stringify(record ?? {code: 5, message: 'Bug not found.'}))
      return
    }
    res.writeHead(404).end()
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  state.url = `http://127.0.0.1:${port}`
  state.close = () =>
    new Promise<void>(resolve => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}

/** A URL nothing listens on: a port that was just bound and released. */
export async function refusedUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
