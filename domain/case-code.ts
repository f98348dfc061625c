/**
 * Case codes: the pseudonym a child's case is known by instead of a name. Professionals read
 * them aloud on the phone and copy them from paper, so the alphabet leaves out characters that
 * are confused with one another. Pure apart from the default random source.
 */

/**
 * 21 letters and 5 digits without 0/O, 1/I, 2/Z, 5/S and 8/B: each of those pairs looks or
 * sounds alike, so both halves go. L stays because its look-alikes 1 and I are both out.
 */
export const CASE_CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679";

/** Characters per half of the code; 26⁶ ≈ 309 million codes in all. */
const HALF_LENGTH = 3;

const CASE_CODE_PATTERN = new RegExp(
  `^[${CASE_CODE_ALPHABET}]{${HALF_LENGTH}}-[${CASE_CODE_ALPHABET}]{${HALF_LENGTH}}$`,
);

/**
 * A uniform integer in [0, n) from the platform's CSPRNG (Web Crypto, in Node and browsers
 * alike), by rejection sampling so that no value is more likely than another.
 */
export function cryptoRandomInt(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] as number;
    if (value < limit) return value % n;
  }
}

/**
 * A new case code "XXX-XXX" (case-code rule: six characters from CASE_CODE_ALPHABET, a dash
 * in the middle so it is read and typed in two chunks). `random(n)` must return an integer in
 * [0, n); the default is cryptoRandomInt, because a guessable code would let someone who
 * knows one case find its neighbours. Uniqueness is the caller's: on a clash with an existing
 * code, draw again. Throws a RangeError when `random` returns anything else, rather than
 * producing a code with a character outside the alphabet.
 */
export function generateCaseCode(random: (n: number) => number = cryptoRandomInt): string {
  const n = CASE_CODE_ALPHABET.length;
  let code = "";
  for (let i = 0; i < 2 * HALF_LENGTH; i++) {
    const k = random(n);
    const char = Number.isInteger(k) ? CASE_CODE_ALPHABET[k] : undefined;
    if (char === undefined) throw new RangeError(`random(${n}) returned ${k}, not in [0, ${n})`);
    if (i === HALF_LENGTH) code += "-";
    code += char;
  }
  return code;
}

/**
 * Whether `value` is a case code as generateCaseCode writes it (case-code rule: "XXX-XXX"
 * from CASE_CODE_ALPHABET). Exact: lower case, missing dash or surrounding spaces are false,
 * because normalising what a user typed is the input layer's job and a stored code has one
 * spelling.
 */
export function isCaseCode(value: string): boolean {
  return CASE_CODE_PATTERN.test(value);
}
