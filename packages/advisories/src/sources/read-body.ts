/** Thrown by readBody when a response is over its byte limit. */
export class TooLarge extends Error {}

/** The body as text, read only up to `limit` bytes (a Content-Length over it is refused unread). */
export async function readBody(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > limit) {
    await response.body?.cancel()
    throw new TooLarge()
  }
  if (!response.body) return ''
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  const reader = response.body.getReader()
  for (;;) {
    const {done, value} = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > limit) {
      await reader.cancel()
      throw new TooLarge()
    }
    text += decoder.decode(value, {stream: true})
  }
  return text + decoder.decode()
}
