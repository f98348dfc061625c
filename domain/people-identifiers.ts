/**
 * The part of the identifier guard (domain/identifiers.ts) that looks for people in words:
 * person names and dates of birth. Both work on the guard's normalised copy of a text and in
 * one pass over its words, so their time grows with the text's length only.
 *
 * Names. A case is pseudonymous, so a name in its free text undoes that. What counts as a
 * likely name (docs/DOMAIN.md "The identifier guard"):
 * - a common given name (domain/names.ts), capitalised: "met Sanne besproken", "Daan ging";
 *   given names that are also ordinary words ("Roos", "Floor", "Max") only as below;
 * - a capitalised given name followed by a surname: "Sanne Bakker", "Roos de Vries",
 *   "Max van der Meer" (any capitalised word after its prefixes counts as the surname);
 * - a capitalised word after a word that introduces a name: "naam: Bakker", "heet Yara",
 *   "mevrouw De Vries", "juf Anouk", "dhr. Jansen".
 * Not: a capitalised word at the start of a sentence ("Moeder gaf aan"), names of
 * organisations and places, or lower-case words that happen to be names ("een roos").
 *
 * Dates of birth. A date (12-03-2015, 12/3/2015, 2015-03-12, 12 maart 2015, 12 maart) within a
 * few words after a word about birth ("geboren", "geb.", "geboortedatum", "verjaardag",
 * "jarig", "born", "DOB"). Other dates pass: case notes are full of meeting and check-in dates.
 */
import {
  birthCues,
  callingCues,
  givenNames,
  labelCues,
  monthNames,
  organisationWord,
  surnamePrefixes,
  surnames,
  titleCues,
} from "./names";

export type PeopleMatch = { kind: "name" | "birth_date"; match: string; index: number };

/** Given names that are ordinary words too: a name only in a pair or after a cue. */
const AMBIGUOUS = new Set(
  (
    "roos floor iris jade luna nova vera bas job mark max sam lex stan tim tom ties mats cas " +
    "dex isa liv noor saar evi jan kim mila sara eva lina bram puck guus siem teun"
  ).split(" "),
);

type Word = { text: string; lower: string; start: number; end: number };
const WORD = /\p{L}[\p{L}'’]{0,40}/gu;

const isCapitalised = (w: Word | undefined) => w !== undefined && /^\p{Lu}\p{Ll}/u.test(w.text);

/** Whether only a space (or a full stop after an abbreviation and a space) lies between. */
function adjacent(text: string, a: Word, b: Word, allowDot = false): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === " " || gap === "-" || (allowDot && (gap === ". " || gap === "."));
}

/** At the start of the text, a line or a sentence. */
function startsSentence(text: string, w: Word): boolean {
  const before = text.slice(Math.max(0, w.start - 3), w.start).trimEnd();
  return before === "" || /[.!?:;\n"“(]$/u.test(before) || w.start === 0;
}

/**
 * From word `i`, the end of a surname: its prefixes ("van der", "de") and a capitalised word.
 * -1 when there is none.
 */
function surnameEnd(text: string, words: Word[], i: number): number {
  let k = i;
  for (let n = 0; n < 3; n++) {
    const phrase = words
      .slice(k, k + 2)
      .map((w) => w.lower)
      .join(" ");
    const prefix = surnamePrefixes.find(
      (p) =>
        phrase === p ||
        phrase.startsWith(`${p} `) ||
        (p.split(" ").length === 1 && words[k]?.lower === p),
    );
    if (!prefix) break;
    const length = prefix.split(" ").length;
    const next = words[k + length];
    const last = words[k + length - 1];
    if (!next || !last || !adjacent(text, last, next)) return -1;
    k += length;
  }
  const word = words[k];
  if (!isCapitalised(word)) return -1;
  if (k > i) {
    const before = words[k - 1];
    if (!before || !adjacent(text, before, word as Word)) return -1;
  }
  return k;
}

const PREFIX_WORDS = new Set(surnamePrefixes.flatMap((p) => p.split(" ")));
/**
 * Whether the words from `i` on end in an organisation's or a place's name: the next word, and
 * on through capitalised words and prefixes ("More College", "de Zwijgerschool", "school").
 */
function organisationAt(words: Word[], i: number): boolean {
  for (let k = i; k < i + 3; k++) {
    const w = words[k];
    if (!w) return false;
    if (organisationWord.test(w.lower)) return true;
    if (!isCapitalised(w) && !PREFIX_WORDS.has(w.lower)) return false;
  }
  return false;
}

/** The cue (as words) that starts at word `i`, if any. */
function cueAt(words: Word[], i: number, cues: readonly string[]): number {
  const cue = cues.find((c) => c.split(" ").every((p, n) => words[i + n]?.lower === p));
  return cue ? cue.split(" ").length : 0;
}

function findNames(text: string, words: Word[]): PeopleMatch[] {
  const found: PeopleMatch[] = [];
  const add = (from: number, to: number) => {
    const first = words[from] as Word;
    const last = words[to] as Word;
    found.push({ kind: "name", match: text.slice(first.start, last.end), index: first.start });
  };
  const known = (w: Word | undefined) =>
    w !== undefined && (givenNames.has(w.lower) || surnames.has(w.lower));
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    // "mevrouw De Vries", "juf Anouk", "dhr. Jansen": a title, then a capitalised name.
    const title = cueAt(words, i, titleCues);
    const label = title ? 0 : cueAt(words, i, labelCues);
    const calling = title || label ? 0 : cueAt(words, i, callingCues);
    const cueLength = title || label || calling;
    if (cueLength) {
      const cueEnd = words[i + cueLength - 1] as Word;
      let k = i + cueLength;
      const next = words[k];
      const gap = next ? text.slice(cueEnd.end, next.start) : "";
      // "naam is Bakker"
      const withIs = label > 0 && next?.lower === "is" && gap === " ";
      if (withIs) k += 1;
      const gapOk = title
        ? /^(?:\.?\s|\s)$/u.test(gap)
        : label
          ? withIs || /^:\s?$/u.test(gap)
          : gap === " ";
      const target = words[k];
      if (target && gapOk && !organisationAt(words, k)) {
        const end = surnameEnd(text, words, k);
        const named = end >= 0 && (!calling || known(target) || end > k);
        if (named) {
          add(k, end);
          i = end;
          continue;
        }
      }
    }
    if (!isCapitalised(word) || !givenNames.has(word.lower)) continue;
    // "Emma Kinderziekenhuis", "Thomas More College": an organisation, not a person.
    if (organisationAt(words, i + 1)) continue;
    // A given name and a surname the list knows or that follows a prefix: "Sanne Bakker",
    // "Roos de Vries". Any other capitalised word after a given name may be a place or a thing.
    const next = words[i + 1];
    if (next && adjacent(text, word, next)) {
      const end = surnameEnd(text, words, i + 1);
      const last = words[end];
      if (end >= 0 && (end > i + 1 || surnames.has(last?.lower ?? ""))) {
        add(i, end);
        i = end;
        continue;
      }
    }
    // A given name alone, unless it is an ordinary word too.
    if (!AMBIGUOUS.has(word.lower)) add(i, i);
    else if (
      !startsSentence(text, word) &&
      !["de", "het", "een"].includes(words[i - 1]?.lower ?? "")
    )
      add(i, i);
  }
  return found;
}

const MONTH = `(?:${[...monthNames].sort((a, b) => b.length - a.length).join("|")})\\.?`;
/** Dates as people write them; bounded, so each try costs a constant. */
const DATE_PATTERN = new RegExp(
  [
    String.raw`(?<!\d)(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\d\d(?!\d)`,
    String.raw`(?<!\d)(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?!\d)`,
    String.raw`(?<!\d)(?:0?[1-9]|[12]\d|3[01]) ${MONTH}(?: (?:19|20)\d\d)?(?![\p{L}\d])`,
  ].join("|"),
  "giu",
);
const CUE = new RegExp(
  String.raw`(?<![\p{L}])(?:${birthCues.map((c) => c.replace(/ /g, "\\s+")).join("|")})(?![\p{L}])`,
  "iu",
);

/**
 * Dates with a word about birth at most five words before them on the same line, or right
 * after them ("12 maart jarig"). A date without a year or a month in words ("6-8 weken",
 * "1.8 kg", "14-3") is no date of birth here.
 */
function findBirthDates(text: string): PeopleMatch[] {
  const found: PeopleMatch[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const lastLine = before.slice(before.lastIndexOf("\n") + 1);
    const words = lastLine.trim().split(/\s+/).slice(-5).join(" ");
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (CUE.test(words) || AFTER_CUE.test(after))
      found.push({ kind: "birth_date", match: m[0], index: m.index });
  }
  return found;
}
/** A word about birth straight after a date: "12 maart jarig", "1 mei geboren". */
const AFTER_CUE = /^\s(?:jarig|geboren|born)(?![\p{L}])/iu;

/** Names and dates of birth in the guard's normalised copy of a text. */
export function findPeople(text: string): PeopleMatch[] {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  return [...findNames(text, words), ...findBirthDates(text)];
}
