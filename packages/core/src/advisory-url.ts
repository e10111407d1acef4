/** GitHub advisory ids: `GHSA-xxxx-xxxx-xxxx`, four-character groups of a restricted alphabet. */
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/

/**
 * Where a reader finds an advisory: the GitHub advisory page for GHSA ids, osv.dev for every
 * other id (CVE, PYSEC, GO, RUSTSEC ...).
 */
export function advisoryUrl(id: string): string {
  if (GHSA.test(id)) return `https://github.com/advisories/${id}`
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`
}
