import {readFileSync, readdirSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {REPO_ROOT} from './osv-fixtures'

/** Real packuments (trimmed) of the packages `fix --deps` asks about; see its SOURCE.md. */
export const PACKUMENTS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'remediation', 'registry')

export interface RegistryRequest {
  /** The package name, decoded (`@babel/traverse`). */
  name: string
  accept?: string
  authorization?: string
}

export interface FakeNpmRegistry {
  url: string
  requests: RegistryRequest[]
  /** Replaces the answer for one package name: a status, or a raw body with 200. */
  override: Map<string, {status: number; body?: string}>
  close(): Promise<void>
}

/** Every fixture packument as JSON text, by package name. */
export function fixturePackuments(): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of readdirSync(PACKUMENTS_DIR, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8')
    out.set((JSON.parse(text) as {name: string}).name, text)
  }
  return out
}

/**
 * GET /{name} of the npm registry API over real HTTP on 127.0.0.1, answering the given
 * packuments (404 for any other name) and recording every request's headers.
 */
export async function startFakeNpmRegistry(
  packuments: Map<string, string> = fixturePackuments()
): Promise<FakeNpmRegistry> {
  const state: FakeNpmRegistry = {url: '', requests: [], override: new Map(), close: async () => {}}
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1))
    state.requests.push({
      name,
      ...(req.headers.accept ? {accept: req.headers.accept} : {}),
      ...(req.headers.authorization ? {authorization: req.headers.authorization} : {})
    })
    const override = state.override.get(name)
    const body = override ? override.body : packuments.get(name)
    const status = override ? override.status : body === undefined ? 404 : 200
    res.writeHead(status, {'content-type': 'application/json'})
    res.end(body ?? '{"error":"not found"}')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  state.close = () => new Promise(resolve => server.close(() => resolve()))
  return state
}
