import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalIdentifiers, type IdentifierKind, isValidBsn } from "./identifiers";

const only = (kind: IdentifierKind, match: string, index = 0) => [{ kind, match, index }];

describe("isValidBsn", () => {
  it("accepts 9 digits passing the 11-check", () => {
    // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 1·2
    // = 9 + 16 + 21 + 24 + 25 + 24 + 21 + 16 − 2 = 154 = 14·11
    expect(isValidBsn("123456782")).toBe(true);
    // 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3
    // = 9 + 8 + 7 + 12 + 10 + 8 + 9 + 6 − 3 = 66 = 6·11
    expect(isValidBsn("111222333")).toBe(true);
    // 9·(9 + 8 + 7 + 6 + 5 + 4 + 3 + 2) − 1·0 = 9·44 = 396 = 36·11
    expect(isValidBsn("999999990")).toBe(true);
  });

  it("rejects 9 digits failing the 11-check", () => {
    // 156 (as above, without the last digit) − 9 = 147 = 13·11 + 4
    expect(isValidBsn("123456789")).toBe(false);
    // 156 − 3 = 153 = 13·11 + 10
    expect(isValidBsn("123456783")).toBe(false);
  });

  it("reads 8 digits with a leading 0", () => {
    // 012345672: 9·0 + 8·1 + 7·2 + 6·3 + 5·4 + 4·5 + 3·6 + 2·7 − 1·2
    // = 0 + 8 + 14 + 18 + 20 + 20 + 18 + 14 − 2 = 110 = 10·11
    expect(isValidBsn("12345672")).toBe(true);
    expect(isValidBsn("012345672")).toBe(true);
    // 012345678: 112 − 8 = 104 = 9·11 + 5
    expect(isValidBsn("12345678")).toBe(false);
  });

  it("rejects all zeros, though 0 ≡ 0 (mod 11)", () => {
    expect(isValidBsn("000000000")).toBe(false);
    expect(isValidBsn("00000000")).toBe(false);
  });

  it("rejects other lengths and anything but ASCII digits", () => {
    expect(isValidBsn("")).toBe(false);
    expect(isValidBsn("1234567")).toBe(false); // 7 digits
    expect(isValidBsn("1234567820")).toBe(false); // 10 digits
    expect(isValidBsn("123 456 782")).toBe(false); // separators are the caller's to strip
    expect(isValidBsn("12345678a")).toBe(false);
    expect(isValidBsn("１２３４５６７８２")).toBe(false); // full-width digits
  });
});

describe("findPersonalIdentifiers: BSN", () => {
  it("finds a BSN written in one piece", () => {
    // "BSN " is 4 characters, so the number starts at index 4.
    expect(findPersonalIdentifiers("BSN 123456782 bekend")).toEqual(only("bsn", "123456782", 4));
    expect(findPersonalIdentifiers("bsn:111222333")).toEqual(only("bsn", "111222333", 4));
  });

  it("finds a BSN grouped with single spaces or dots", () => {
    expect(findPersonalIdentifiers("123 456 782")).toEqual(only("bsn", "123 456 782"));
    expect(findPersonalIdentifiers("123.456.782")).toEqual(only("bsn", "123.456.782"));
    // The old sofinummer notation, 4-2-3.
    expect(findPersonalIdentifiers("1234.56.782")).toEqual(only("bsn", "1234.56.782"));
  });

  it("finds a BSN next to another number", () => {
    // "groep 6 " is 8 characters.
    expect(findPersonalIdentifiers("groep 6 123456782")).toEqual(only("bsn", "123456782", 8));
  });

  it("finds a 9-digit BSN with a leading 0", () => {
    // 012345672 passes (see isValidBsn); "nr " is 3 characters.
    expect(findPersonalIdentifiers("nr 012345672")).toEqual(only("bsn", "012345672", 3));
  });

  it("does not flag 9 digits failing the 11-check", () => {
    expect(findPersonalIdentifiers("123456789")).toEqual([]);
    expect(findPersonalIdentifiers("123 456 789")).toEqual([]);
  });

  it("does not flag 8 digits, failing or passing the check with a leading 0", () => {
    expect(findPersonalIdentifiers("12345678")).toEqual([]); // 012345678 fails
    expect(findPersonalIdentifiers("12345672")).toEqual([]); // 012345672 passes, but 8 digits
  });

  it("does not cut a BSN out of a longer digit run", () => {
    expect(findPersonalIdentifiers("1234567890")).toEqual([]);
    // 123456782 passes, but here it is the head of a 10-digit run.
    expect(findPersonalIdentifiers("1234567820")).toEqual([]);
    expect(findPersonalIdentifiers("9123456782")).toEqual([]);
    // 3 + 3 + 4 = 10 digits, no run of whole groups holds exactly 9.
    expect(findPersonalIdentifiers("123 456 7820")).toEqual([]);
  });

  it("finds a BSN grouped with dashes, in a BSN's layout", () => {
    expect(findPersonalIdentifiers("BSN 123-456-782")).toEqual(only("bsn", "123-456-782", 4));
    expect(findPersonalIdentifiers("1234-56-782")).toEqual(only("bsn", "1234-56-782"));
    expect(findPersonalIdentifiers("123-456 782")).toEqual(only("bsn", "123-456 782"));
    // En dash, non-breaking hyphen and minus sign are read as a dash.
    expect(findPersonalIdentifiers("123–456–782")).toEqual(only("bsn", "123–456–782"));
    expect(findPersonalIdentifiers("123\u2011456\u2011782")).toEqual(
      only("bsn", "123\u2011456\u2011782"),
    );
    expect(findPersonalIdentifiers("123−456−782")).toEqual(only("bsn", "123−456−782"));
  });

  it("finds a BSN grouped with non-breaking or other spaces", () => {
    for (const space of ["\u00A0", "\u202F", "\u2007", "\u2009", "\u3000"]) {
      const bsn = `123${space}456${space}782`;
      expect(findPersonalIdentifiers(`BSN ${bsn}.`)).toEqual(only("bsn", bsn, 4));
    }
  });

  it("finds a BSN with invisible characters in it, and reports them as part of it", () => {
    for (const invisible of ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"]) {
      const bsn = `123${invisible}456782`;
      expect(findPersonalIdentifiers(bsn)).toEqual(only("bsn", bsn));
    }
    expect(
      findPersonalIdentifiers("1\u200B2\u200B3\u200B4\u200B5\u200B6\u200B7\u200B8\u200B2"),
    ).toEqual(only("bsn", "1\u200B2\u200B3\u200B4\u200B5\u200B6\u200B7\u200B8\u200B2"));
  });

  it("leaves invisible characters at the edges out of the match", () => {
    // "BSN:" and U+FEFF are 5 characters; the trailing U+200B is not part of the number.
    expect(findPersonalIdentifiers("BSN:\uFEFF123456782\u200B.")).toEqual(
      only("bsn", "123456782", 5),
    );
  });

  it("finds a BSN in full-width digits, reported as written", () => {
    expect(findPersonalIdentifiers("１２３４５６７８２")).toEqual(
      only("bsn", "１２３４５６７８２"),
    );
    expect(findPersonalIdentifiers("BSN １２３ ４５６ ７８２")).toEqual(
      only("bsn", "１２３ ４５６ ７８２", 4),
    );
  });

  it("does not take a dash for a BSN separator outside a BSN's layout", () => {
    // Each of these holds nine digits that pass the 11-check: 202410043, 210001100, 061234503.
    expect(isValidBsn("202410043")).toBe(true);
    expect(findPersonalIdentifiers("zaaknummer 2024-10043")).toEqual([]);
    expect(isValidBsn("210001100")).toBe(true);
    expect(findPersonalIdentifiers("groep 2 10.00-11.00")).toEqual([]);
    expect(isValidBsn("061234503")).toBe(true);
    expect(findPersonalIdentifiers("06-1234503")).toEqual([]); // a mobile number one digit short
  });

  it("does not read a date and a time as a BSN", () => {
    // 030220269 and 210202610 pass the 11-check.
    expect(isValidBsn("030220269")).toBe(true);
    expect(findPersonalIdentifiers("gesprek 03.02.2026 9.30 uur")).toEqual([]);
    expect(findPersonalIdentifiers("gesprek 03-02-2026 9:30")).toEqual([]);
    expect(isValidBsn("210202610")).toBe(true);
    expect(findPersonalIdentifiers("2-10-2026 10:30")).toEqual([]);
  });

  it("still finds a BSN right after a date", () => {
    // "12-03-2024 " is 11 characters.
    expect(findPersonalIdentifiers("12-03-2024 123456782")).toEqual(only("bsn", "123456782", 11));
  });
});

describe("findPersonalIdentifiers: e-mail", () => {
  it("finds an address and leaves off the full stop after it", () => {
    // "Mail: " is 6 characters.
    expect(findPersonalIdentifiers("Mail: jan.de-vries+school@mail.example.nl.")).toEqual(
      only("email", "jan.de-vries+school@mail.example.nl", 6),
    );
  });

  it("reports a BSN used as the local part once, as the e-mail address", () => {
    expect(findPersonalIdentifiers("123456782@example.nl")).toEqual(
      only("email", "123456782@example.nl"),
    );
  });

  it("does not flag an @ without a name before it", () => {
    expect(findPersonalIdentifiers("overleg @school om 10:30")).toEqual([]);
  });

  it.each([
    "jan(at)example.nl",
    "jan (at) example.nl",
    "jan [at] example.nl",
    "jan{at}example.nl",
    "jan <AT> example.nl",
    "jan(apenstaartje)example.nl",
    "jan @ example.nl",
    "jan@ example.nl",
    "jan(at)example(dot)nl",
    "jan [at] mail [dot] example [punt] nl",
    "jan@example dot nl",
    "jan at example dot nl",
    "j.de-vries AT gemeente DOT nl",
    "jan at example [dot] com",
  ])("finds the obfuscated address %s", (address) => {
    expect(findPersonalIdentifiers(`mail ${address} graag`)).toEqual(only("email", address, 5));
  });

  it("finds an address in full-width characters or with invisible ones, reported as written", () => {
    expect(findPersonalIdentifiers("ｊａｎ＠ｅｘａｍｐｌｅ．ｎｌ")).toEqual(
      only("email", "ｊａｎ＠ｅｘａｍｐｌｅ．ｎｌ"),
    );
    expect(findPersonalIdentifiers("jan\u200B@\u200Bexample.nl")).toEqual(
      only("email", "jan\u200B@\u200Bexample.nl"),
    );
  });

  it.each([
    "Kat at de vis",
    "Kat at de vis.Daarna sliep hij",
    "Hij at brood.daarna ging hij slapen", // a bare "at" needs a spelled-out "dot"
    "looked at the dot on the map",
    "worked at the dot com bubble",
    "Ze at een appel dot nl", // an article after "at"
    "overleg @ school om 10.30",
    "lunch @ Utrecht.Daarna terug", // a missing space, not a top-level domain
    "mail eindigt op @school.nl", // a domain, no one's address
    "ambulant team (AT) betrokken",
    "zie [at] in de legenda",
    "€ 1.250,- (at) school.nl", // no local part: it must start and end with a letter or digit
  ])("does not flag %s", (text) => {
    expect(findPersonalIdentifiers(text)).toEqual([]);
  });
});

describe("findPersonalIdentifiers: phone", () => {
  it.each([
    "06-12345678",
    "06 12345678",
    "0612345678",
    "06 1234 5678",
    "06-1234 5678",
    "06 12 34 56 78",
    "(06) 12345678",
    "06.12345678",
    "06/12345678",
    "06.12.34.56.78",
    "06\u00A012345678",
    "06–12345678",
    "０６－１２３４５６７８",
  ])("finds the mobile number %s", (phone) => {
    expect(findPersonalIdentifiers(`bel ${phone} na school`)).toEqual(only("phone", phone, 4));
  });

  it.each([
    "020-1234567",
    "010 123 4567",
    "020 123 45 67",
    "0575-123456",
    "0575 12 34 56",
    "(020) 123 4567",
    "020/1234567",
    "020.1234567",
    "0575/123456",
    "020.123.45.67",
    "0575.12.34.56",
  ])("finds the landline number %s", (phone) => {
    expect(findPersonalIdentifiers(`tel. ${phone}`)).toEqual(only("phone", phone, 5));
  });

  it.each([
    "+31 6 12345678",
    "+31612345678",
    "+31 (0)6 12345678",
    "+31 20 1234567",
    "0031 6 12345678",
    "0031 20 123 4567",
  ])("finds the international number %s", (phone) => {
    expect(findPersonalIdentifiers(phone)).toEqual(only("phone", phone));
  });

  it("reports the phone number, not a BSN that happens to sit inside it", () => {
    // 201234567: 9·2 + 8·0 + 7·1 + 6·2 + 5·3 + 4·4 + 3·5 + 2·6 − 1·7
    // = 18 + 0 + 7 + 12 + 15 + 16 + 15 + 12 − 7 = 88 = 8·11, a valid BSN on its own.
    expect(isValidBsn("201234567")).toBe(true);
    expect(findPersonalIdentifiers("+31 20 1234567")).toEqual(only("phone", "+31 20 1234567"));
  });

  it("does not flag a time or a date that starts like a mobile number", () => {
    expect(findPersonalIdentifiers("06:30")).toEqual([]);
    expect(findPersonalIdentifiers("Gesprek op 06-12-2024 10:30")).toEqual([]);
    expect(findPersonalIdentifiers("06-12")).toEqual([]);
  });

  it("does not flag too few or too many digits", () => {
    expect(findPersonalIdentifiers("06-1234567")).toEqual([]); // 06 + 7 digits
    expect(findPersonalIdentifiers("06-123456789")).toEqual([]); // 06 + 9 digits
    expect(findPersonalIdentifiers("020-123456")).toEqual([]); // 3 + 6 = 9 digits
  });

  it("does not flag ten digits in a row that are no mobile number", () => {
    // No separator after the area code, so it may as well be a file number.
    expect(findPersonalIdentifiers("dossier 0123456789")).toEqual([]);
  });

  it.each([
    "06/12/2024",
    "06.12.2024",
    "06.12.2024 10.30",
    "06.12.24 10.30", // dots, then a space: a date and a time
    "06/12 10.30-11.30",
    "van 06/2007-2016", // a month, a year and a year
    "05/06/2013 2014",
    "schooljaar 2025/2026",
    "020/2025",
    "06.1234567", // one digit short
    "06/123456789", // one digit too many
  ])("does not flag %s", (text) => {
    expect(findPersonalIdentifiers(text)).toEqual([]);
  });
});

describe("findPersonalIdentifiers: postcode with house number", () => {
  it.each([
    "1234 AB 12",
    "1234AB 12",
    "1234AB 12a",
    "1234 AB 12-2",
    "1234 ab, 5",
    "9999 ZZ,7",
    "1234 ab 12a",
    "1234AB12",
    "1234AB12a",
    "1234ab12",
    "1234AB-12",
    "1234ab-12",
    "1234 AB-12",
    "1234 AB12",
    "1234\u00A0AB\u00A012",
    "１２３４ＡＢ１２",
  ])("finds %s", (address) => {
    expect(findPersonalIdentifiers(`woont ${address} sinds mei`)).toEqual(
      only("postcode_house_number", address, 6), // "woont " is 6 characters
    );
  });

  it("finds street, number and postcode", () => {
    expect(findPersonalIdentifiers("Dorpsstraat 12, 1234 AB")).toEqual(
      only("postcode_house_number", "Dorpsstraat 12, 1234 AB"),
    );
    // "adres: " is 7 characters.
    expect(findPersonalIdentifiers("adres: Kerkweg 3a 1234AB Utrecht")).toEqual(
      only("postcode_house_number", "Kerkweg 3a 1234AB", 7),
    );
  });

  it("does not flag a postcode without a house number", () => {
    expect(findPersonalIdentifiers("1234 AB")).toEqual([]);
    expect(findPersonalIdentifiers("woont in 1234 AB Utrecht")).toEqual([]);
    // A number on the next line is not the house number.
    expect(findPersonalIdentifiers("1234 AB\n12 jaar")).toEqual([]);
  });

  it("does not flag what cannot be a postcode", () => {
    expect(findPersonalIdentifiers("0123 AB 12")).toEqual([]); // first digit 0
    expect(findPersonalIdentifiers("1234 SA 5")).toEqual([]); // SA, SD and SS are not issued
    expect(findPersonalIdentifiers("1234 SD 5")).toEqual([]);
    expect(findPersonalIdentifiers("1234 ss 5")).toEqual([]);
    expect(findPersonalIdentifiers("12345 AB 5")).toEqual([]); // five digits
    expect(findPersonalIdentifiers("1234 ABC 5")).toEqual([]); // three letters
  });

  it("does not flag a year followed by a short word", () => {
    expect(findPersonalIdentifiers("in 2023 en 2024 twee keer")).toEqual([]);
    expect(findPersonalIdentifiers("sinds 2019 is 1 ouder in beeld")).toEqual([]);
    expect(findPersonalIdentifiers("in week 12, 2024 en daarna")).toEqual([]);
  });

  it("does not flag a year glued to a short word and a number", () => {
    expect(findPersonalIdentifiers("2023en2024")).toEqual([]);
    expect(findPersonalIdentifiers("week 2024wk12")).toEqual([]);
    expect(findPersonalIdentifiers("1500mg3x per dag")).toEqual([]);
    // With a space and lower-case letters, a dash or nothing before the number reads as prose.
    expect(findPersonalIdentifiers("in 2024 nr-12")).toEqual([]);
    expect(findPersonalIdentifiers("sinds 2019 vk3")).toEqual([]);
    expect(findPersonalIdentifiers("1234 SS12")).toEqual([]); // SS is not issued
  });

  it("still finds a postcode that starts inside a rejected candidate", () => {
    // "in 2023 en " is 11 characters.
    expect(findPersonalIdentifiers("in 2023 en 2024 AB 5")).toEqual(
      only("postcode_house_number", "2024 AB 5", 11),
    );
  });
});

describe("findPersonalIdentifiers: near misses", () => {
  it.each([
    "123456789", // 9 digits failing the 11-check
    "12345678", // 8 digits failing the 11-check
    "1234567890", // 10 digits
    "12-03-2024",
    "2024-03-12",
    "12.03.2024",
    "1234 AB",
    "€ 1.234,56",
    "€ 123.456,78",
    "10:30",
    "K7M-4QX",
    "groep 6",
    "06:30",
    "12 jaar",
    "Op 12-03-2024 om 10:30 met groep 6 (12 jaar), casus K7M-4QX, € 1.234,56.",
    "12-03-2026",
    "12-03-2026 10:30",
    "12.03.2026 9.30",
    "2026-03-12 9:30",
    "schooljaar 2025/2026",
    "schooljaar 2025-2026",
    "12,5%",
    "€ 1.234,-",
    "lokaal 1.23",
    "kamer 0.12",
    "van 9.30-11.30 uur",
    "groep 7/8",
    "1234\u00A0AB", // a postcode alone, with a non-breaking space
    "１２３４５６７８９", // 9 full-width digits failing the 11-check
    "2024-2025 12 kinderen",
    "Kat at de vis",
  ])("does not flag %s", (text) => {
    expect(findPersonalIdentifiers(text)).toEqual([]);
  });
});

describe("findPersonalIdentifiers: several at once", () => {
  it("lists them in text order", () => {
    const parts = [
      "Moeder (", // 8 characters: phone at 8
      "06-12345678", // 11 characters: ends at 19
      ", ", // 2: e-mail at 21
      "m.devries@example.nl", // 20: ends at 41
      ") woont ", // 8: address at 49
      "Dorpsstraat 12, 1234 AB", // 23: ends at 72
      "; BSN ", // 6: BSN at 78
      "111 222 333",
      ".",
    ];
    expect(findPersonalIdentifiers(parts.join(""))).toEqual([
      { kind: "phone", match: "06-12345678", index: 8 },
      { kind: "email", match: "m.devries@example.nl", index: 21 },
      { kind: "postcode_house_number", match: "Dorpsstraat 12, 1234 AB", index: 49 },
      { kind: "bsn", match: "111 222 333", index: 78 },
    ]);
  });

  it("reports overlapping addresses once each", () => {
    // Street-first and postcode-first readings overlap without one containing the other.
    expect(findPersonalIdentifiers("Dorpsstraat 12, 1234 AB 5")).toEqual([
      { kind: "postcode_house_number", match: "Dorpsstraat 12, 1234 AB", index: 0 },
      { kind: "postcode_house_number", match: "1234 AB 5", index: 16 }, // "Dorpsstraat 12, " = 16
    ]);
  });

  it("gives the same answer when called twice (no regex state carried over)", () => {
    const text = "bel 06-12345678 of 06-87654321";
    const expected = [
      { kind: "phone", match: "06-12345678", index: 4 },
      { kind: "phone", match: "06-87654321", index: 19 }, // 4 + 11 + " of " (4) = 19
    ];
    expect(findPersonalIdentifiers(text)).toEqual(expected);
    expect(findPersonalIdentifiers(text)).toEqual(expected);
  });
});

/** The BSN weights, written out again so the properties do not trust the implementation. */
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];

/** The ninth digit that makes Σwᵢdᵢ − d9 ≡ 0 (mod 11), or 10 when no digit does. */
const checkDigit = (prefix: readonly number[]): number =>
  prefix.reduce((sum, d, i) => sum + (WEIGHTS[i] ?? 0) * d, 0) % 11;

const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .filter((prefix) => checkDigit(prefix) !== 10 && prefix.some((d) => d !== 0))
  .map((prefix) => [...prefix, checkDigit(prefix)].join(""));

const word = fc.stringMatching(/^[A-Za-zéë]{1,10}$/);

describe("BSN properties", () => {
  it("finds every valid BSN embedded in words, grouped or not", () => {
    fc.assert(
      fc.property(
        validBsn,
        fc.constantFrom("plain", "3-3-3 spaces", "3-3-3 dots", "4-2-3 dots"),
        fc.array(word, { maxLength: 6 }),
        fc.array(word, { maxLength: 6 }),
        (bsn, layout, before, after) => {
          const written =
            layout === "plain"
              ? bsn
              : layout === "3-3-3 spaces"
                ? `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`
                : layout === "3-3-3 dots"
                  ? `${bsn.slice(0, 3)}.${bsn.slice(3, 6)}.${bsn.slice(6)}`
                  : `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;
          const head = before.map((w) => `${w} `).join("");
          const text = `${head}${written}${after.map((w) => ` ${w}`).join("")}`;
          expect(isValidBsn(bsn)).toBe(true);
          expect(findPersonalIdentifiers(text)).toEqual([
            { kind: "bsn", match: written, index: head.length },
          ]);
        },
      ),
    );
  });

  it("finds every valid BSN written with dashes, odd spaces or invisible characters", () => {
    // Both gaps set off (a dash only counts in a BSN's layout, so not "123456-782"), or neither.
    const separator = fc.constantFrom(
      " ",
      ".",
      "-",
      "\u00A0",
      "\u202F",
      "\u2009",
      "\u2013",
      "\u2011",
      "\u2212",
    );
    const separators = fc.oneof(fc.constant(["", ""] as const), fc.tuple(separator, separator));
    const invisible = fc.constantFrom(
      "",
      "\u200B",
      "\u200C",
      "\u200D",
      "\u2060",
      "\uFEFF",
      "\u00AD",
    );
    fc.assert(
      fc.property(
        validBsn,
        fc.constantFrom<readonly number[]>([3, 6], [4, 6]), // the gaps of 3-3-3 and 4-2-3
        separators,
        fc.array(invisible, { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        fc.array(word, { maxLength: 4 }),
        fc.array(word, { maxLength: 4 }),
        (bsn, gaps, between, invisibles, fullWidth, before, after) => {
          // After each of the first eight digits: an invisible character, then maybe a separator.
          const written = [...bsn]
            .map((digit, i) => {
              const shown = fullWidth ? String.fromCharCode(0xff10 + Number(digit)) : digit;
              const gap = gaps.indexOf(i + 1);
              return `${shown}${invisibles[i] ?? ""}${gap === -1 ? "" : (between[gap] ?? "")}`;
            })
            .join("");
          const head = before.map((w) => `${w} `).join("");
          const text = `${head}${written}${after.map((w) => ` ${w}`).join("")}`;
          expect(findPersonalIdentifiers(text)).toEqual([
            { kind: "bsn", match: written, index: head.length },
          ]);
        },
      ),
    );
  });

  it("does not read a date and a time as a BSN, however they add up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1990, max: 2035 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        fc.constantFrom("-", "."),
        fc.constantFrom(":", "."),
        (day, month, year, hour, minute, padded, dateSep, timeSep) => {
          const pad = (n: number) => (padded ? String(n).padStart(2, "0") : String(n));
          const date = [pad(day), pad(month), year].join(dateSep);
          const time = `${hour}${timeSep}${String(minute).padStart(2, "0")}`;
          expect(findPersonalIdentifiers(`Gesprek op ${date} ${time} uur`)).toEqual([]);
          const iso = [year, String(month).padStart(2, "0"), String(day).padStart(2, "0")];
          expect(findPersonalIdentifiers(`${iso.join("-")} ${time}`)).toEqual([]);
        },
      ),
    );
  });

  it("does not read a group and a time slot as a BSN", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
        fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
        (group, [h1, m1], [h2, m2]) => {
          const time = (h: number, m: number) => `${h}.${String(m).padStart(2, "0")}`;
          const text = `groep ${group} ${time(h1, m1)}-${time(h2, m2)}`;
          expect(findPersonalIdentifiers(text)).toEqual([]);
        },
      ),
    );
  });

  it("rejects every single-digit change of a valid BSN", () => {
    // Changing digit i by δ ≠ 0 changes the sum by wᵢ·δ with 1 ≤ |wᵢ| ≤ 9 and 1 ≤ |δ| ≤ 9;
    // 11 is prime and divides neither factor, so the sum leaves 0 (mod 11).
    fc.assert(
      fc.property(
        validBsn,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, position, shift) => {
          const digit = (Number(bsn[position]) + shift) % 10;
          const changed = `${bsn.slice(0, position)}${digit}${bsn.slice(position + 1)}`;
          expect(changed).not.toBe(bsn);
          expect(isValidBsn(changed)).toBe(false);
        },
      ),
    );
  });

  it("reports only exact slices of the text, also where normalisation changed it", () => {
    fc.assert(
      // Characters that NFKC changes, lengthens ("½" is "1⁄2", "⒈" is "1.") or that the scan
      // drops, between the characters the patterns care about.
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ..."0123456789  .-/@()abAB",
            "\u00A0",
            "\u202F",
            "\u200B",
            "\u00AD",
            "１",
            "２",
            "Ａ",
            "－",
            "＠",
            "ﬁ",
            "½",
            "⒈",
            "㉑",
            "(at)",
            "e\u0301",
          ),
          maxLength: 60,
        }),
        (text) => {
          const found = findPersonalIdentifiers(text);
          for (const m of found)
            expect(text.slice(m.index, m.index + m.match.length)).toBe(m.match);
          for (let i = 1; i < found.length; i++) {
            expect((found[i]?.index ?? 0) >= (found[i - 1]?.index ?? 0)).toBe(true);
          }
        },
      ),
    );
  });

  it("reports only exact slices of the text, in text order", () => {
    fc.assert(
      // Built from the characters the patterns care about, so that matches actually occur.
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789  .,-+@()abAB\n"), maxLength: 80 }),
        (text) => {
          const found = findPersonalIdentifiers(text);
          for (const m of found)
            expect(text.slice(m.index, m.index + m.match.length)).toBe(m.match);
          for (let i = 1; i < found.length; i++) {
            expect((found[i]?.index ?? 0) >= (found[i - 1]?.index ?? 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("phone properties", () => {
  it("finds every mobile number, whatever sets off the 06", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{8}$/),
        fc.constantFrom("", " ", "-", ".", "/", "\u00A0", "\u2013", "\u2011"),
        fc.array(word, { maxLength: 4 }),
        (subscriber, separator, before) => {
          const phone = `06${separator}${subscriber}`;
          const head = before.map((w) => `${w} `).join("");
          expect(findPersonalIdentifiers(`${head}${phone} bellen`)).toEqual([
            { kind: "phone", match: phone, index: head.length },
          ]);
        },
      ),
    );
  });
});

/*
 * Time: the guard runs on text anyone can send (the personal-link form is public), so a text
 * must never cost more than its length. Texts of 40,000 characters built to make a pattern try
 * again from every character; a scan in quadratic time took seconds on them.
 */
describe("scans in linear time", () => {
  const long = 40_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(long / unit.length)).slice(0, long);
  const texts: [string, string][] = [
    ["one long word", fill("a")],
    ["dotted words", fill("a.")],
    ["hyphenated words", fill("a-")],
    ["a word before spaces and a number", `${fill("ab'")} 12`],
    ["a local part with dots before (at)", `${fill("a.")}(at)`],
    ["an @ before a long domain", `a@${fill("b.")}`],
    ["digit groups", fill("1 ")],
    ["digits", fill("1")],
    ["numbers that are identifiers", fill("123456782 ")],
    ["postcodes", fill("1234 AB 5 ")],
    ["names", fill("Sanne ")],
    ["digit words", fill("een ")],
    ["dates of birth", fill("geboren 12-03-2015 ")],
    ["escapes", fill("&#64;")],
  ];
  // The fastest of three runs: a busy machine (the other test projects run beside this one)
  // only ever adds time, so the minimum is the scan's own cost.
  const timed = (text: string) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      findPersonalIdentifiers(text);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };

  it.each(texts)("%s, 40,000 characters, in well under a second", (_, text) => {
    expect(timed(text)).toBeLessThan(500);
  });

  it("the longest text a field accepts (4,000 characters) in well under 50 ms", () => {
    for (const [, text] of texts) expect(timed(text.slice(0, 4000))).toBeLessThan(50);
  });
});
