/**
 * The guard that keeps personal identifiers out of a case's free text. Cases are pseudonymous
 * (a case code, never a name), so a BSN, e-mail address, phone number or postcode with house
 * number typed into a note would undo the pseudonymisation. The patterns aim at how Dutch
 * professionals actually write these, and stay clear of the numbers case notes are full of:
 * dates, times, amounts, ages, school groups and case codes. Pure: no I/O, no locale.
 */

export type IdentifierKind = "bsn" | "email" | "phone" | "postcode_house_number";

/** Every kind, in the order a report lists them. */
export const identifierKinds = [
  "bsn",
  "email",
  "phone",
  "postcode_house_number",
] as const satisfies readonly IdentifierKind[];

/** One identifier found in a text: `match` is the exact text at `index` (UTF-16 offset). */
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

// Building blocks. Lookarounds use \p{L}/\p{N} so that "é" or "²" next to a number counts as
// part of the same word, as a reader would take it.
const HOUSE_NUMBER = String.raw`[1-9]\d{0,4}(?!\d)(?:-?[A-Za-z]{1,2}(?!\p{L})|-\d{1,4}(?!\d))?`;
const POSTCODE = String.raw`[1-9]\d{3} ?(?<letters>[A-Za-z]{2})(?!\p{L})`;
// A space or comma, a few characters at most, never a newline: an address is written on one
// line, and a postcode ending one line and a number starting the next are unrelated.
const ADDRESS_GAP = String.raw`(?:[ \t]{0,2},[ \t]{0,2}|[ \t]{1,3})`;

/** Postcode first: "1234 AB 12", "1234AB 12a", "1234 ab, 5". */
const POSTCODE_THEN_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${POSTCODE}${ADDRESS_GAP}${HOUSE_NUMBER}`,
  "gu",
);
/** Street first: "Dorpsstraat 12, 1234 AB". The street's last word is part of the match. */
const STREET_NUMBER_POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{L}[\p{L}'-]*\.?[ \t]+${HOUSE_NUMBER}${ADDRESS_GAP}${POSTCODE}`,
  "gu",
);

const EMAIL = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}/gu;

/*
 * Dutch phone numbers (Nummerplan telefoon- en ISDN-diensten): ten digits starting with 0, or
 * +31 / 0031 and nine digits. The grouping is spelled out rather than "any digit, any
 * separator" so that a date and time like "06-12-2024 10:30" cannot add up to ten digits.
 */
const SEP = "[ -]";
/** Digit groups in the given layouts, e.g. [3, 4] is "123 4567" or "123-4567". */
const grouped = (...layouts: readonly (readonly number[])[]): string =>
  `(?:${layouts.map((sizes) => sizes.map((n) => String.raw`\d{${n}}`).join(SEP)).join("|")})`;
/** An area code of `length` characters (0 included), set off by a space, dash or brackets. */
const areaCode = (length: number): string =>
  String.raw`(?:0[1-57-9]\d{${length - 2}}${SEP}|\(0[1-57-9]\d{${length - 2}}\) ?)`;

const MOBILE = String.raw`(?:06${SEP}?|\(06\) ?)${grouped([8], [4, 4], [2, 2, 2, 2], [3, 3, 2])}`;
// Area code of 3 characters (020, 010) leaves 7 subscriber digits, of 4 (0575) leaves 6. The
// area code must be set off by a space or dash: ten digits in a row starting with 0 could as
// well be a client or file number, and a mobile number is recognised by its 06 instead.
const LANDLINE_7 = `${areaCode(3)}${grouped([7], [3, 4], [3, 2, 2], [2, 2, 3])}`;
const LANDLINE_6 = `${areaCode(4)}${grouped([6], [3, 3], [2, 2, 2])}`;
// After the country code the trunk 0 is dropped, sometimes kept as "(0)" or by mistake as "0".
const INTERNATIONAL = String.raw`(?:\+|00)31${SEP}?(?:\(0\)|0)?${SEP}?[1-9](?:${SEP}?\d){8}`;
const PHONE_NUMBER = [INTERNATIONAL, MOBILE, LANDLINE_7, LANDLINE_6].join("|");
const PHONE = new RegExp(String.raw`(?<![\p{L}\p{N}+])(?:${PHONE_NUMBER})(?!\p{N})`, "gu");

/** Digits joined by single spaces or dots: "123 456 782", "1234.56.782", "123456782". */
const DIGIT_CHAIN = /[0-9]+(?:[ .][0-9]+)*/g;

/**
 * BSN candidates in one chain of digit groups: every run of whole consecutive groups holding
 * exactly nine digits. Whole groups, so a BSN is never cut out of a longer digit run
 * ("1234567820" holds none); runs, so "groep 6 123456782" still yields the BSN.
 */
function bsnsInChain(chain: string, offset: number): IdentifierMatch[] {
  const groups = [...chain.matchAll(/[0-9]+/g)].map((m) => ({ start: m.index, digits: m[0] }));
  const found: IdentifierMatch[] = [];
  groups.forEach((first, i) => {
    let digits = "";
    for (const last of groups.slice(i)) {
      digits += last.digits;
      if (digits.length === 9 && isValidBsn(digits)) {
        found.push({
          kind: "bsn",
          match: chain.slice(first.start, last.start + last.digits.length),
          index: offset + first.start,
        });
      }
      if (digits.length >= 9) break;
    }
  });
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
 * Personal identifiers in free text (pseudonymous case monitoring: a case note must not name
 * or locate the child): BSNs passing the 11-check, e-mail addresses, Dutch phone numbers and
 * postcodes with a house number, in either order. Numbers of 8 digits are not reported even
 * when they pass the 11-check with a leading 0: about one in eleven of all 8-digit numbers
 * does, dates written as ddmmjjjj among them, and BSNs are issued and written with 9 digits.
 * Results are in text order (ties: longer first). A match lying inside a longer one is left
 * out — a phone number "+31 20 1234567" contains "20 1234567", which happens to pass the
 * 11-check — and the same span is reported once per kind.
 */
export function findPersonalIdentifiers(text: string): IdentifierMatch[] {
  const candidates: IdentifierMatch[] = [
    ...[...text.matchAll(DIGIT_CHAIN)].flatMap((m) => bsnsInChain(m[0], m.index)),
    ...scan(EMAIL, text, "email"),
    ...scan(PHONE, text, "phone"),
    ...scan(POSTCODE_THEN_NUMBER, text, "postcode_house_number", postcodeAccepted),
    ...scan(STREET_NUMBER_POSTCODE, text, "postcode_house_number", postcodeAccepted),
  ];
  candidates.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const end = (m: IdentifierMatch) => m.index + m.match.length;
  return candidates.filter((m, i) =>
    candidates.every((other, j) => {
      if (j === i || other.index > m.index || end(other) < end(m)) return true;
      if (other.match.length > m.match.length) return false;
      // Same span: keep the first of each kind.
      return other.kind !== m.kind || j > i;
    }),
  );
}
