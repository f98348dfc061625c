/**
 * The guard that keeps personal identifiers out of a case's free text. Cases are pseudonymous
 * (a case code, never a name), so a BSN, e-mail address, phone number or postcode with house
 * number typed into a note would undo the pseudonymisation. The patterns aim at how Dutch
 * professionals actually write these, and stay clear of the numbers case notes are full of:
 * dates, times, amounts, ages, school groups and case codes. Pure: no I/O, no locale.
 *
 * The patterns do not scan the text as typed but a normalised copy (see `normaliseForScan`):
 * full-width digits, non-breaking spaces, zero-width characters and typographic dashes would
 * otherwise let an identifier through that any reader still recognises.
 */

import { findPeople } from "./people-identifiers";

export type IdentifierKind =
  | "bsn"
  | "email"
  | "phone"
  | "postcode_house_number"
  | "name"
  | "birth_date";

/** Every kind, in the order a report lists them. */
export const identifierKinds = [
  "bsn",
  "email",
  "phone",
  "postcode_house_number",
  "name",
  "birth_date",
] as const satisfies readonly IdentifierKind[];

/**
 * One identifier found in a text: `match` is the exact text at `index` (UTF-16 offset), both in
 * the text as passed in, not in its normalised copy. So `match` may hold full-width digits or a
 * zero-width space that the scan looked past (see `findPersonalIdentifiers`).
 */
export type IdentifierMatch = { kind: IdentifierKind; match: string; index: number };

/** Weights of the BSN 11-check, digit 1 to 9; the last is −1, unlike the bank-account check. */
const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * The BSN 11-check ("elfproef") of the burgerservicenummer (Rijksdienst voor
 * Identiteitsgegevens, Logisch Ontwerp BSN; Wet algemene bepalingen burgerservicenummer):
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 ≡ 0 (mod 11). Accepts 9 digits,
 * or 8 digits read with a leading 0, because older registrations (the sofinummer) dropped it.
 * Nothing but ASCII digits is accepted: stripping separators is the caller's job. All zeros
 * passes the arithmetic but is no number ever issued, so it is rejected.
 */
export function isValidBsn(digits: string): boolean {
  if (!/^[0-9]{8,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, "0");
  if (padded === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (BSN_WEIGHTS[i] ?? 0) * Number(padded[i]);
  return sum % 11 === 0;
}

/**
 * Postcode letter pairs PostNL never issues (PostNL postcode rules: SA, SD and SS are left out
 * for their connotations with the Second World War), so "1234 SS 5" is not an address.
 */
const UNISSUED_POSTCODE_LETTERS = new Set(["SA", "SD", "SS"]);

/**
 * Two-letter Dutch words and units that follow a four-digit number in ordinary prose: "in 2023
 * en 2024", "sinds 2019 is 1 ouder", "1500 km 3 keer". Typed in lower case they are far more
 * often a year or amount followed by a word than a postcode, so the guard does not fire on
 * them; in capitals ("2023 EN 4") they still count as a postcode.
 */
const PROSE_WORDS = new Set([
  "af",
  "al",
  "as",
  "bv",
  "ca",
  "cm",
  "de",
  "en",
  "er",
  "ex",
  "ga",
  "ge",
  "ha",
  "he",
  "ik",
  "in",
  "is",
  "ja",
  "je",
  "kg",
  "km",
  "ma",
  "me",
  "mg",
  "ml",
  "mm",
  "na",
  "nu",
  "of",
  "oh",
  "ok",
  "om",
  "op",
  "pa",
  "te",
  "tv",
  "uw",
  "vs",
  "we",
  "wk",
  "ze",
  "zo",
]);

function isPostcodeLetters(letters: string): boolean {
  const upper = letters.toUpperCase();
  if (UNISSUED_POSTCODE_LETTERS.has(upper)) return false;
  return letters === upper || !PROSE_WORDS.has(letters.toLowerCase());
}

/**
 * The text the patterns scan, and the way back to the text as typed: the UTF-16 unit `text[i]`
 * came from `original.slice(from[i], to[i])`.
 */
type ScanText = { text: string; from: number[]; to: number[] };

/**
 * Characters that show nothing: format characters (\p{Cf}: zero-width space and joiners, soft
 * hyphen, word joiner, byte order mark, direction marks) and the other default-ignorable code
 * points (variation selectors, combining grapheme joiner, Hangul fillers). A reader skips
 * them, so the scan does too: "123\u200B456782" is the BSN 123456782.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
/** Dash punctuation (hyphen, non-breaking hyphen, figure, en and em dash …) and the minus sign. */
const DASH = /[\p{Pd}\u2212]/u;
/** Space separators: what NFKC leaves of them (U+1680, U+3000 …) becomes a plain space. */
const SPACE = /\p{Zs}/u;
/** A character with the combining marks that follow it, or marks with nothing to combine with. */
const CHARACTER = /\P{M}\p{M}*|\p{M}+/uy;

/**
 * The copy of a text the patterns scan: compatibility-normalised (NFKC: full-width "１２３" and
 * "＠" become "123" and "@", "ﬁ" becomes "fi", U+00A0 and U+202F become a space), invisible
 * characters removed, every other space separator (\p{Zs}) a plain space and every dash a
 * hyphen-minus. Normalised one character (with its combining marks) at a time, so that each
 * scanned unit can be traced back to the character it came from; that differs from normalising
 * the whole text only where NFKC composes across characters (Hangul jamo), which no pattern
 * looks at.
 */
function normaliseForScan(original: string): ScanText {
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  const put = (scanned: string, start: number, end: number) => {
    text += scanned;
    for (let k = 0; k < scanned.length; k++) {
      from.push(start);
      to.push(end);
    }
  };
  for (let at = 0; at < original.length; ) {
    // An escape (&#64;, &commat;, %40) reads as the character it stands for.
    ESCAPE.lastIndex = at;
    const escaped = ESCAPE.exec(original);
    const decoded = escaped ? decodeEscape(escaped) : null;
    if (escaped && decoded !== null) {
      put(decoded, at, at + escaped[0].length);
      at += escaped[0].length;
      continue;
    }
    CHARACTER.lastIndex = at;
    const character = CHARACTER.exec(original);
    if (!character) break;
    const start = character.index;
    const end = start + character[0].length;
    for (const unit of character[0].normalize("NFKC")) {
      // Invisible characters and combining marks ("1\u0301") are looked past.
      if (INVISIBLE.test(unit) || MARK.test(unit)) continue;
      put(SPACE.test(unit) ? " " : DASH.test(unit) ? "-" : asciiDigit(unit), start, end);
    }
    at = end;
  }
  return { text, from, to };
}

/** HTML character references and percent-escapes of one character; bounded. */
const ESCAPE = /&#(\d{1,7});|&#x([0-9a-f]{1,6});|&([a-z]{2,8});|%([0-9a-f]{2})/iy;
/** The named references people (and encoders) use for the characters of an address. */
const NAMED: Record<string, string> = {
  commat: "@",
  period: ".",
  amp: "&",
  lowbar: "_",
  hyphen: "-",
  dash: "-",
  plus: "+",
  percnt: "%",
  nbsp: " ",
  num: "#",
};
function decodeEscape(m: RegExpExecArray): string | null {
  const [, decimal, hex, name, percent] = m;
  const code = decimal
    ? Number(decimal)
    : hex
      ? Number.parseInt(hex, 16)
      : percent
        ? Number.parseInt(percent, 16)
        : null;
  if (code !== null) return code > 0x10ffff || code === 0 ? null : String.fromCodePoint(code);
  return NAMED[(name ?? "").toLowerCase()] ?? null;
}

const MARK = /\p{M}/u;
const DECIMAL = /\p{Nd}/u;
const digitValues = new Map<number, string>();
/**
 * A decimal digit of any script ("٣", "३", "၃") as the ASCII digit it is (NFKC leaves those
 * alone). Unicode puts each script's digits 0 to 9 in a row, so the value is the distance from
 * the first of the row, modulo 10 where rows follow each other.
 */
function asciiDigit(unit: string): string {
  const code = unit.codePointAt(0) ?? 0;
  if (code < 0x80 || !DECIMAL.test(unit)) return unit;
  let value = digitValues.get(code);
  if (value === undefined) {
    let first = code;
    while (first > 0 && DECIMAL.test(String.fromCodePoint(first - 1))) first--;
    value = String((code - first) % 10);
    digitValues.set(code, value);
  }
  return value;
}

/**
 * A match in the scanned copy, reported against the text as typed: it spans every original
 * character that any of its scanned units came from. Invisible characters inside the match are
 * part of it, at its edges they are not; a character whose normalised form is cut by the match
 * ("½" is "1⁄2") is taken whole.
 */
function toOriginal(scan: ScanText, original: string, m: IdentifierMatch): IdentifierMatch {
  const start = scan.from[m.index] ?? 0;
  const end = scan.to[m.index + m.match.length - 1] ?? original.length;
  return { kind: m.kind, match: original.slice(start, end), index: start };
}

/** A word in either case, letter by letter: "at" is [aA][tT]. */
const anyCase = (word: string): string =>
  [...word].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join("");

// Building blocks. Lookarounds use \p{L}/\p{N} so that "é" or a digit of another script ("٣")
// next to a number counts as part of the same word, as a reader would take it.
const HOUSE_NUMBER = String.raw`[1-9]\d{0,4}(?!\d)(?:-?[A-Za-z]{1,2}(?!\p{L})|-\d{1,4}(?!\d))?`;
const POSTCODE = String.raw`[1-9]\d{3}(?<space> ?)(?<letters>[A-Za-z]{2})(?!\p{L})`;
// A space or comma, a few characters at most, never a newline: an address is written on one
// line, and a postcode ending one line and a number starting the next are unrelated.
const ADDRESS_GAP = String.raw`(?:[ \t]{0,2},[ \t]{0,2}|[ \t]{1,3})`;
// After a postcode the house number may also follow a dash or nothing at all, "1234AB-12",
// "1234AB12": the letters already end the postcode, and four digits, two letters and a number
// in one word is no date, amount or code a case note uses. (Not with a space and lower-case
// letters, "in 2024 nr-12": see `postcodeThenNumberAccepted`.)
/**
 * Between postcode and number, also a dash with spaces and the words for it: "1234 AB - 12",
 * "1234 AB huisnummer 12", "1234AB nr. 12", "1234 AB, nummer 12".
 */
const NUMBER_WORD = String.raw`(?:${["huisnummer", "huisnr", "nummer", "nr", "no"].map(anyCase).join("|")})\.?:?`;
const WORDED_GAP = String.raw`(?:[ \t]{0,2},?[ \t]{1,2}${NUMBER_WORD}[ \t]{0,2}|[ \t]{1,2}-[ \t]{1,2})`;
const POSTCODE_GAP = `(?<gap>${WORDED_GAP}|${ADDRESS_GAP}|-)?`;

/** Postcode first: "1234 AB 12", "1234AB 12a", "1234 ab, 5", "1234AB-12", "1234AB12". */
const POSTCODE_THEN_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${POSTCODE}${POSTCODE_GAP}${HOUSE_NUMBER}`,
  "gu",
);
/**
 * Street first: "Dorpsstraat 12, 1234 AB". The street's last word is part of the match, up to
 * its last 40 characters (a pattern that may run to the end of a word from every start would
 * take time growing with the square of a long word; see "Linear time" below).
 */
const STREET_NUMBER_POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{L}[\p{L}'-]{0,40}\.?[ \t]{1,3}${HOUSE_NUMBER}${ADDRESS_GAP}${POSTCODE}`,
  "gu",
);

/*
 * Linear time. Every pattern that can start inside a long run of the characters it repeats is
 * bounded by the lengths the standards allow (a local part of 64 characters, a domain label of
 * 63, a top-level domain of 63), so that a text without any identifier costs time in proportion
 * to its length. Unbounded, a local part tried from every letter of a 40,000-character word
 * took seconds: "scans in linear time" in identifiers.test.ts holds it.
 */
const LOCAL_PART = String.raw`[\p{L}\p{N}._%+-]{1,64}`;
const DOMAIN_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`${LOCAL_PART}@(?:${DOMAIN_LABEL}\.)+\p{L}{2,63}`, "gu");
/**
 * An address without its top-level domain, "jan@ziggo", "sanne.b@school": a name and a
 * mailbox joined by an @, which no ordinary word or handle ("@school" alone) is.
 */
const EMAIL_WITHOUT_TLD =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@\p{L}[\p{L}\p{N}-]{1,62}(?![\p{L}\p{N}.@-])/gu;

/** A word in brackets, as written to fool address harvesters: "(at)", "[dot]", "{ at }". */
const bracketed = (...words: string[]): string =>
  String.raw`[(\[{<] ?(?:${words.map(anyCase).join("|")}) ?[)\]}>]`;

/** A local part that starts and ends with a letter or digit, so "1% @ school.nl" is none. */
const LOOSE_LOCAL_PART = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}])?`;
const LOOSE_AT = `(?: ?${bracketed("at", "apenstaartje")} ?| ${anyCase("apenstaartje")} | {1,2}@ {1,2}|@ {0,2})`;
const SPELLED_DOT = `(?: ?${bracketed("dot", "punt")} ?| ${anyCase("dot")} | ${anyCase("punt")} )`;
const LOOSE_TLD = String.raw`(?:\p{Ll}{2,63}|\p{Lu}{2,63})(?!\p{L})`;
const COMMON_TLDS = ["nl", "be", "eu", "com", "net", "org", "info"];
const COMMON_TLD = String.raw`(?:${COMMON_TLDS.map(anyCase).join("|")})(?![\p{L}\p{N}])`;

/**
 * Addresses written so that a harvester (or this guard) misses them: "jan(at)example.nl",
 * "jan [at] example [dot] nl", "jan @ example.nl", "jan at example dot nl". The bracketed
 * words and an @ are unmistakable. A bare " at " is a Dutch verb ("Kat at de vis") and an
 * English preposition, so it only counts with a spelled-out " dot " or "(dot)" before a common
 * top-level domain, and not before an article ("looked at the dot on the map"). Spaces before
 * an @ only count with spaces after it: "mail eindigt op @school.nl" names a domain, no one.
 * The top-level domain is all lower or all upper case, so that a missing space after a full
 * stop ("lunch @ Utrecht.Daarna") is no address.
 */
const OBFUSCATED_EMAIL = new RegExp(
  [
    String.raw`${LOOSE_LOCAL_PART}${LOOSE_AT}(?:${DOMAIN_LABEL}(?:\.|${SPELLED_DOT}))+${LOOSE_TLD}`,
    `${LOOSE_LOCAL_PART} ${anyCase("at")} (?!(?:the|a|an|de|het|een) )` +
      `(?:${DOMAIN_LABEL}${SPELLED_DOT})+${COMMON_TLD}`,
  ].join("|"),
  "gu",
);

/*
 * Dutch phone numbers (Nummerplan telefoon- en ISDN-diensten): ten digits starting with 0, or
 * +31 / 0031 and nine digits. The grouping is spelled out rather than "any digit, any
 * separator" so that a date and time like "06-12-2024 10:30" cannot add up to ten digits.
 */
/**
 * The phone number patterns, in three ways of writing them:
 * - spaces and dashes, "06 12 34 56 78", "06-1234 5678", "020-123 45 67", "(020) 1234567";
 * - a dot or slash after the 06 or the area code and the rest in one piece, "06.12345678",
 *   "06/12345678", "020/1234567" (in groups, "06/2007-2016" is a month, a year and a year);
 * - dots throughout, "06.12.34.56.78", "020.123.45.67". Not dots mixed with spaces:
 *   "06.12.24 10.30" is a date and a time.
 * `prefixSep` sets off the area code (and may set off the 06), `sep` joins the groups after
 * it; `layouts` gives the groups of a mobile number and of a landline number with an area code
 * of 3 and of 4 characters (0 included), e.g. [3, 4] is "123 4567".
 */
function phoneNumbers(
  prefixSep: string,
  sep: string,
  layouts: Record<"mobile" | "area3" | "area4", readonly (readonly number[])[]>,
): string {
  const grouped = (sizes: readonly (readonly number[])[]): string =>
    `(?:${sizes.map((group) => group.map((n) => String.raw`\d{${n}}`).join(sep)).join("|")})`;
  /** An area code of `length` characters (0 included), set off by a separator or brackets. */
  const areaCode = (length: number): string =>
    String.raw`(?:0[1-57-9]\d{${length - 2}}${prefixSep}|\(0[1-57-9]\d{${length - 2}}\) ?)`;
  const mobile = String.raw`(?:06${prefixSep}?|\(06\) ?)${grouped(layouts.mobile)}`;
  // Area code of 3 characters (020, 010) leaves 7 subscriber digits, of 4 (0575) leaves 6. The
  // area code must be set off: ten digits in a row starting with 0 could as well be a client
  // or file number, and a mobile number is recognised by its 06 instead.
  const landline7 = `${areaCode(3)}${grouped(layouts.area3)}`;
  const landline6 = `${areaCode(4)}${grouped(layouts.area4)}`;
  return [mobile, landline7, landline6].join("|");
}
/**
 * After the country code the trunk 0 is dropped, sometimes kept as "(0)" or by mistake as "0";
 * nine digits follow, grouped in any way with `sep`.
 */
const international = (sep: string): string =>
  String.raw`(?:\+|00)31${sep}?(?:\(0\)|0)?${sep}?[1-9](?:${sep}?\d){8}`;
const GROUPED = {
  mobile: [[8], [4, 4], [2, 2, 2, 2], [3, 3, 2]],
  area3: [[7], [3, 4], [3, 2, 2], [2, 2, 3]],
  area4: [[6], [3, 3], [2, 2, 2]],
} as const;
const PHONE_NUMBER = [
  international("[ -]"),
  international(String.raw`\.`),
  phoneNumbers("[ -]", "[ -]", GROUPED),
  phoneNumbers("[./]", "", { mobile: [[8]], area3: [[7]], area4: [[6]] }),
  phoneNumbers(String.raw`\.`, String.raw`\.`, GROUPED),
].join("|");
const PHONE = new RegExp(String.raw`(?<![\p{L}\p{N}+])(?:${PHONE_NUMBER})(?!\p{N})`, "gu");

/**
 * Digits joined by single spaces, dots or dashes: "123 456 782", "1234.56.782",
 * "123-456-782", "123456782". (In the scanned copy, where a non-breaking space is a space, an
 * en dash a dash, and a zero-width space gone.)
 */
const DIGIT_CHAIN = /[0-9]+(?:(?:[.\-/_,]|[ \t\n\r]{1,2})[0-9]+)*/g;

/**
 * Three digit groups that read as a date, "12-03-2024", "1.3.2024" or "2024-03-12": the same
 * dash or dot twice, a year from 1900 to 2099. A date and a time, "03.02.2026 9.30", would
 * otherwise hold the nine digits 03022026 9, and one such date and time in eleven passes the
 * 11-check ("030220269" does). No BSN is written in this shape.
 */
const DATE =
  /^(?:(?:0?[1-9]|[12]\d|3[01])([.-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d|(?:19|20)\d\d([.-])(?:0[1-9]|1[0-2])\2(?:0[1-9]|[12]\d|3[01]))$/;

/**
 * The group sizes a BSN is written in with a dash: "123-456-782" and the sofinummer's
 * "1234-56-782". A dash joins many other numbers into nine digits — a file number
 * "2024-12345", a time slot and a group "groep 6 10.30-11.30", a phone number missing a digit
 * "06-1234567" — so a run with a dash in it only counts in these layouts. Spaces and dots
 * count in any layout, as they did before dashes did.
 */
const DASHED_BSN_LAYOUTS = new Set(["3,3,3", "4,2,3"]);

/**
 * BSN candidates in one chain of digit groups: every run of whole consecutive groups holding
 * exactly nine digits. Whole groups, so a BSN is never cut out of a longer digit run
 * ("1234567820" holds none); runs, so "groep 6 123456782" still yields the BSN. A run never
 * takes in a group of a date (see `DATE`), and one with a dash must have a BSN's layout (see
 * `DASHED_BSN_LAYOUTS`).
 */
/** The digit groups of a chain, those of a date marked (see `DATE`). */
function digitGroups(chain: string) {
  const groups = [...chain.matchAll(/[0-9]+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    digits: m[0],
    // A dash, slash, underscore or comma before the group (spaces and dots join any layout).
    afterDash: /[-/_,]/.test(chain[m.index - 1] ?? ""),
    inDate: false,
  }));
  groups.forEach((first, i) => {
    const third = groups[i + 2];
    if (third === undefined || !DATE.test(chain.slice(first.start, third.end))) return;
    for (const group of groups.slice(i, i + 3)) group.inDate = true;
  });
  return groups;
}

function bsnsInChain(chain: string, offset: number): IdentifierMatch[] {
  const groups = digitGroups(chain);
  const found: IdentifierMatch[] = [];
  groups.forEach((first, i) => {
    let digits = "";
    const sizes: number[] = [];
    let dashed = false;
    for (let k = i; k < groups.length; k++) {
      const last = groups[k] as (typeof groups)[number];
      if (last.inDate) break;
      digits += last.digits;
      sizes.push(last.digits.length);
      dashed ||= last !== first && last.afterDash;
      const layoutFits = !dashed || DASHED_BSN_LAYOUTS.has(sizes.join(","));
      if (digits.length === 9 && layoutFits && isValidBsn(digits)) {
        found.push({
          kind: "bsn",
          match: chain.slice(first.start, last.end),
          index: offset + first.start,
        });
      }
      if (digits.length >= 9) break;
    }
  });
  return found;
}

/**
 * Phone numbers in a chain of digit groups, grouped in any way by spaces or dashes
 * ("061 234 5678", "06 123 456 78", "0 6 1 2 3 4 5 6 7 8"): whole groups holding exactly ten
 * digits, a mobile number (06 …) or a
 * landline whose first group is its area code ("020 12 34 567", "0575 12 34 56"). Never the
 * groups of a date, so "06-12-2024 10:30" is no phone number.
 */
function phonesInChain(chain: string, offset: number): IdentifierMatch[] {
  const groups = digitGroups(chain);
  const found: IdentifierMatch[] = [];
  groups.forEach((first, i) => {
    if (first.inDate) return;
    const areaCode = /^0[1-57-9]\d{1,2}$/.test(first.digits);
    let digits = "";
    for (let k = i; k < groups.length; k++) {
      const last = groups[k] as (typeof groups)[number];
      if (last.inDate) break;
      // Grouped by single spaces or dashes only: dots and slashes join dates and times
      // ("06.12.24 10.30", "06/2007-2016"), and are read in the phone layouts above.
      const before = groups[k - 1];
      if (k > i && before && !/^[ -]$/.test(chain.slice(before.end, last.start))) break;
      digits += last.digits;
      if (digits.length < 10) continue;
      if (digits.length === 10 && (digits.startsWith("06") || areaCode))
        found.push({
          kind: "phone",
          match: chain.slice(first.start, last.end),
          index: offset + first.start,
        });
      break;
    }
  });
  return found;
}

/** Digits written as words, in Dutch and English. */
const DIGIT_WORDS: Record<string, string> = {
  nul: "0",
  zero: "0",
  een: "1",
  één: "1",
  one: "1",
  twee: "2",
  two: "2",
  drie: "3",
  three: "3",
  vier: "4",
  four: "4",
  vijf: "5",
  five: "5",
  zes: "6",
  six: "6",
  zeven: "7",
  seven: "7",
  acht: "8",
  eight: "8",
  negen: "9",
  nine: "9",
};
const DIGIT_WORD = `(?:${Object.keys(DIGIT_WORDS).join("|")})`;
/** Nine or ten digit words in a row: a BSN or a phone number spelled out. */
const NUMBER_IN_WORDS = new RegExp(
  String.raw`(?<!\p{L})${DIGIT_WORD}(?:[\s,.-]{1,3}${DIGIT_WORD}){8,9}(?!\p{L})`,
  "giu",
);

function numbersInWords(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of text.matchAll(NUMBER_IN_WORDS)) {
    const digits = (m[0].toLowerCase().match(new RegExp(DIGIT_WORD, "gu")) ?? [])
      .map((w) => DIGIT_WORDS[w] ?? "")
      .join("");
    if (digits.length === 9 && isValidBsn(digits))
      found.push({ kind: "bsn", match: m[0], index: m.index });
    else if (digits.length === 10 && /^0[1-9]/.test(digits))
      found.push({ kind: "phone", match: m[0], index: m.index });
  }
  return found;
}

/**
 * Every match of a global regex, restarting one character after a rejected match so that a
 * rejected candidate ("2023 en 2024") does not swallow a real one starting inside it
 * ("2024 AB 5").
 */
function scan(
  pattern: RegExp,
  text: string,
  kind: IdentifierKind,
  accept: (m: RegExpExecArray) => boolean = () => true,
): IdentifierMatch[] {
  const re = new RegExp(pattern.source, pattern.flags);
  const found: IdentifierMatch[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (accept(m)) found.push({ kind, match: m[0], index: m.index });
    else re.lastIndex = m.index + 1;
  }
  return found;
}

const postcodeAccepted = (m: RegExpExecArray): boolean =>
  isPostcodeLetters(m.groups?.letters ?? "");

/**
 * A postcode with the house number glued on ("1234AB12", "1234AB-12", "1234ab12") is written
 * as one word or in capitals; "2024 nr-12" or "2019 vk3" with a space and lower-case letters
 * reads as a year and a word.
 */
const postcodeThenNumberAccepted = (m: RegExpExecArray): boolean => {
  const { space = "", letters = "", gap = "" } = m.groups ?? {};
  const glued = gap === "" || gap === "-";
  if (glued && space !== "" && letters !== letters.toUpperCase()) return false;
  return postcodeAccepted(m);
};

/**
 * Personal identifiers in free text (pseudonymous case monitoring: a case note must not name
 * or locate the child): BSNs passing the 11-check, e-mail addresses, Dutch phone numbers and
 * postcodes with a house number, in either order. Numbers of 8 digits are not reported even
 * when they pass the 11-check with a leading 0: about one in eleven of all 8-digit numbers
 * does, dates written as ddmmjjjj among them, and BSNs are issued and written with 9 digits.
 * Results are in text order (ties: longer first). A match lying inside a longer one is left
 * out — a phone number "+31 20 1234567" contains "20 1234567", which happens to pass the
 * 11-check — and the same span is reported once per kind.
 *
 * The patterns run on the normalised copy of the text (`normaliseForScan`), so "１２３４５６７８２",
 * "123\u00A0456\u00A0782" and "123\u200B456782" are all the BSN 123456782. Each match is
 * reported against the text as passed in (`toOriginal`): `index` and `match` are an exact
 * slice of `text`, full-width digits and zero-width spaces included.
 */
export function findPersonalIdentifiers(text: string): IdentifierMatch[] {
  const copy = normaliseForScan(text);
  const scanned = copy.text;
  const candidates: IdentifierMatch[] = [
    ...[...scanned.matchAll(DIGIT_CHAIN)].flatMap((m) => [
      ...bsnsInChain(m[0], m.index),
      ...phonesInChain(m[0], m.index),
    ]),
    ...numbersInWords(scanned),
    ...scan(EMAIL, scanned, "email"),
    ...scan(EMAIL_WITHOUT_TLD, scanned, "email"),
    ...scan(OBFUSCATED_EMAIL, scanned, "email"),
    ...scan(PHONE, scanned, "phone"),
    ...scan(POSTCODE_THEN_NUMBER, scanned, "postcode_house_number", postcodeThenNumberAccepted),
    ...scan(STREET_NUMBER_POSTCODE, scanned, "postcode_house_number", postcodeAccepted),
    ...findPeople(scanned),
  ].map((m) => toOriginal(copy, text, m));
  candidates.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const end = (m: IdentifierMatch) => m.index + m.match.length;
  // In this order every match that holds a later one comes before it: one pass, keeping the
  // furthest end of the spans before the current one (a text full of numbers stays linear).
  const kept: IdentifierMatch[] = [];
  let furthest = -1;
  for (let i = 0; i < candidates.length; ) {
    const first = candidates[i] as IdentifierMatch;
    let j = i;
    const kinds = new Set<IdentifierKind>();
    // The same span: once per kind, unless a longer match before it holds it.
    for (; j < candidates.length; j++) {
      const m = candidates[j] as IdentifierMatch;
      if (m.index !== first.index || m.match.length !== first.match.length) break;
      if (furthest < end(m) && !kinds.has(m.kind)) kept.push(m);
      kinds.add(m.kind);
    }
    furthest = Math.max(furthest, end(first));
    i = j;
  }
  return kept;
}
