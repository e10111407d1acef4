/**
 * The 317 letter pairs that make 99% of the pairs in English words (counted over the Markdown and
 * text docs of ten public repositories): a run of letters made only of them reads as a word.
 */
const COMMON_BIGRAMS = new Set(
  'erthheinorreontecoesomseatmestanroleitraetusenngtintdetaamalprouioelarponsrtcetonaedfondisllmatpecplchubloneasveiceauthapettrihtctoplioseupsfisiocmpgeurulmogincdotsbeadacexditrapilcrniodlassawupcagrunpardowvippepckwsrmsohuemrsholmaiafabuepukesabuagrvwirrhiigefolcldamisunodskuvayoluruidotmmcsblrctyrylynfrnspmlshcueedufaimxpbaiawayagoovieuitlpildumaultifirlstufrwoudguscddfeptevcixaqutcavjapgyssqmubooojeeowhweqlewdjogghiboyojrkfunnmynpgseqrgixipebbiegnuucftxtkiivaytwrldrpdoaofypakzoobbrtmtgjsdmpyoiymnxkadbnvnluaflgaskksdpugwnlfmbffccizswoknyxemseydydwglrfsrhcoxxibnvoeisywwbdazxyslsnhrlpcycvpmlnzecpsmgnyephiktdytrpgmyinmpclhzirwby'.match(
    /../g
  )
)

/** Digits and symbols typed for letters inside a word (`P4ssw0rd`). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's'
}

/** Longest value judged: a passphrase of a few words is shorter; a random secret can be any length. */
const MAX_LENGTH = 40
/** Digits and symbols around the words (`2024!`) that a person adds to satisfy a password policy. */
const MAX_EXTRA = 6

/**
 * A value a person typed from words (`SuperSecretPassword123!`, `Tr0ub4dor&3horse`, `Summer2023!`):
 * at least 80% of its letters are in word-like runs and at most a few characters are not. On
 * random strings of 12 characters or more this holds for under 0.6% of lower-case alphanumerics
 * and under 0.1% of mixed-case ones, so generated secrets stay reported.
 */
export function isHumanChosen(value: string): boolean {
  if (value.length > MAX_LENGTH) return false
  let text = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    const letter = LEET[c]
    text += letter && isLetter(value[i - 1]) && isLetter(value[i + 1]) ? letter : c
  }
  const runs = text.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []
  const letters = runs.reduce((n, run) => n + run.length, 0)
  if (letters < 4) return false
  const inWords = runs
    .filter(run => isWordLike(run.toLowerCase()))
    .reduce((n, run) => n + run.length, 0)
  return inWords >= 0.8 * letters && value.length - inWords <= MAX_EXTRA
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z]/.test(c)
}

/** Four letters or more, a vowel share like English, no long clusters, only common letter pairs. */
function isWordLike(word: string): boolean {
  if (word.length < 4) return false
  const vowels = word.replace(/[^aeiouy]/g, '').length / word.length
  if (vowels < 0.25 || vowels > 0.7) return false
  if (/[^aeiouy]{5}|[aeiouy]{3}/.test(word)) return false
  for (let i = 0; i < word.length - 1; i++)
    if (!COMMON_BIGRAMS.has(word.slice(i, i + 2))) return false
  return true
}
