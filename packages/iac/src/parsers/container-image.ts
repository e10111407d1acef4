export interface ImageRef {
  /** Registry and repository, `docker.io/library/nginx` stays as written (`nginx`). */
  name: string
  tag?: string
  digest?: string
}

/** Splits `registry:5000/team/app:1.2@sha256:...`; a colon before the last slash is a port, not a tag. */
export function parseImageRef(image: string): ImageRef {
  const [withoutDigest, digest] = image.split('@', 2) as [string, string | undefined]
  const slash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  const hasTag = colon > slash
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined
  return {name, ...(tag ? {tag} : {}), ...(digest ? {digest} : {})}
}

/** Untagged (implicitly `latest`) or explicitly `latest`, and not pinned by digest. */
export function isFloatingImage(image: string): boolean {
  // `ko://import/path` is a Go package that ko builds and replaces with a digest at deploy time.
  if (image.startsWith('ko://')) return false
  const ref = parseImageRef(image)
  return !ref.digest && (!ref.tag || ref.tag === 'latest')
}
