/**
 * Regex building blocks shared by the provider rules, modelled on gitleaks' `utils.GenerateSemiGenericRegex`
 * and `GenerateUniqueTokenRegex`, rewritten for JavaScript (no inline `(?i)`; the leading `[\w.-]{0,50}?`
 * is dropped so every keyed regex starts with a literal keyword and scans in linear time).
 */

/**
 * What may follow a token: a quote, whitespace, `;`, `,`, a closing bracket, `&`, an escaped newline
 * or quote (code inside JSON strings, as in notebooks), or the end.
 */
export const END = String.raw`(?=[\x60'"\s;,)\]}<>&|@]|\\[nrt"']|$)`

/** What may precede a token with a known prefix: not another token character. */
export const START = String.raw`(?<![A-Za-z0-9_+/-])`

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
  return new RegExp(String.raw`${START}(${token})${END}`, flags)
}

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
