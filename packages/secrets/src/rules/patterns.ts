/**
 * Regex building blocks shared by the provider rules, modelled on gitleaks' `utils.GenerateSemiGenericRegex`
 * and `GenerateUniqueTokenRegex`, rewritten for JavaScript (no inline `(?i)`; the leading `[\w.-]{0,50}?`
 * is dropped so every keyed regex starts with a literal keyword and scans in linear time).
 */

/**
 * What may follow a value recognised by its key name: a quote, whitespace, `;`, `,`, a closing
 * bracket, `&`, an escaped newline or quote (code inside JSON strings, as in notebooks), or the end.
 * A superset of gitleaks' suffix `(?:[\x60'"\s;]|\\[nr]|$)`.
 */
export const END = String.raw`(?=[\x60'"\s;,)\]}<>&|@]|\\[nrt"']|$)`

/**
 * What may follow a token with a known prefix: anything that does not continue it. The prefix makes
 * the token distinctive, so it is found as a URL user (`https://ghp_…@`), userinfo (`s3://AKIA…:`),
 * a path segment, before `.`, `:`, `#`, `?`, `/` or `%0A`, like gitleaks' `\b` boundary.
 */
export const TOKEN_END = String.raw`(?![A-Za-z0-9_])`

/**
 * What may precede a token with a known prefix: not another word character, unless that character
 * ends a percent-escape (`%3Dghp_…`) or an escaped newline in a JSON string (`\nghp_…`). One
 * lookbehind with a nested one: an alternation of lookbehinds makes V8 scan ~15x slower.
 */
export const START = String.raw`(?<![A-Za-z0-9_](?<!%[0-9A-Fa-f]{2}|\\[nrt]))`

/**
 * Between a key name and its value: the rest of the name, quotes (JSON-escaped too, as in
 * notebooks), a closing subscript (`os.environ["KEY"] = ...`), and an assignment operator.
 */
export const ASSIGN = String.raw`(?:[ \t\w.-]{0,20})[\s'"\\\]]{0,5}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=\\]{0,5}`

/**
 * A value that is only recognisable next to a provider name: `<keyword>... = <value>`.
 * `keywords` is a regex alternation of the provider's names; the value is capture group 1.
 * Case-insensitive like gitleaks' semi-generic rules.
 */
export function keyed(keywords: string, value: string): RegExp {
  // Not inside a longer word: `getSymbol` must not count as `etsy`; `MY_ETSY_KEY` still does.
  return new RegExp(String.raw`(?<![a-z])(?:${keywords})${ASSIGN}(${value})${END}`, 'i')
}

/** A token with a distinctive public prefix, anywhere in the text; the whole token is capture group 1. */
export function prefixed(token: string, flags = ''): RegExp {
  return new RegExp(String.raw`${START}(${token})${TOKEN_END}`, flags)
}

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
