/**
 * The layouts a review got through the guard, and what must keep passing. Each variant is
 * written the way someone would type it to slip by, or the way a form, a mail program or a
 * phone keyboard leaves it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalIdentifiers, type IdentifierKind, isValidBsn } from "./identifiers";
import { givenNames } from "./names";

const kinds = (text: string) => [...new Set(findPersonalIdentifiers(text).map((m) => m.kind))];
const expectKind = (text: string, kind: IdentifierKind) =>
  expect(kinds(text), JSON.stringify(text)).toContain(kind);

describe("BSNs in other layouts", () => {
  it.each([
    "123/456/782",
    "123_456_782",
    "123,456,782",
    "123  456  782",
    "123\n456\n782",
    "bsn ١٢٣٤٥٦٧٨٢",
    "bsn १२३४५६७८२",
    "1\u03012\u03013\u03014\u03015\u03016\u03017\u03018\u03012\u0301",
    "een twee drie vier vijf zes zeven acht twee",
    "één, twee, drie, vier, vijf, zes, zeven, acht, twee",
  ])("%j", (text) => expectKind(text, "bsn"));
});

describe("phone numbers in other groupings and in words", () => {
  it.each([
    "061 234 5678",
    "06 123 456 78",
    "0 6 1 2 3 4 5 6 7 8",
    "0612 345 678",
    "020 1234 567",
    "0575 12 3456",
    "nul zes een twee drie vier vijf zes zeven acht",
  ])("%j", (text) => expectKind(text, "phone"));
});

describe("e-mail addresses spelled out, encoded or without a top-level domain", () => {
  it.each([
    "jan apenstaartje example punt nl",
    "jan%40example.nl",
    "jan&#64;example.nl",
    "jan&#x40;example&#46;nl",
    "jan&commat;example&period;nl",
    "mail naar jan@ziggo",
    "sanne.b@school",
  ])("%j", (text) => expectKind(text, "email"));
});

describe("postcode and house number with words or dashes between", () => {
  it.each(["1234 AB huisnummer 12", "1234AB - 12", "1234 AB nr. 12", "1234 AB, nummer 12a"])(
    "%j",
    (text) => expectKind(text, "postcode_house_number"),
  );
});

describe("names", () => {
  it.each([
    "Gesprek met Sanne Bakker over school",
    "Besproken met Roos de Vries en de mentor",
    "Daan ging vandaag weer naar school",
    "De moeder van Yara belde",
    "het kind heet Noor",
    "naam: De Vries",
    "mevrouw Jansen belde terug",
    "dhr. Visser komt morgen",
    "juf Anouk gaf aan dat het goed gaat",
    "Max van der Meer zit in groep 6",
    "mevr. De Vries belt terug",
    "naam is Bakker",
  ])("%j", (text) => expectKind(text, "name"));
});

describe("dates of birth", () => {
  it.each([
    "geboren op 12-03-2015",
    "geb. 1 mei 2014",
    "geboortedatum: 2015-03-12",
    "is jarig op 12 maart",
    "zoon, geboren 3/4/2016, woont bij moeder",
  ])("%j", (text) => expectKind(text, "birth_date"));
});

describe("what keeps passing", () => {
  it.each([
    "groep 7",
    "Gesprek op 12-03-2025 met school en ouders",
    "Volgende afspraak op 5 maart 2026.",
    "dossier 12345678",
    "Moeder gaf aan dat het beter gaat.",
    "School meldt verbetering sinds de zomer.",
    "De Bascule neemt contact op.",
    "Zorg in en om de school Amsterdam-Noord",
    "een roos voor de juf",
    "Floor en plafond zijn opnieuw geverfd.",
    "Max. 3 uur per week begeleiding",
    "vergadering 06-12-2024 10:30",
    "van 06/2007-2016 op school",
    "groep 3, 4, 5 en 6",
    "Jarig? Daar weten we niets van.",
    "In 2023 en 2024 twee keer verhuisd",
    "een twee drie, daar gaan we",
    "Overleg met de mentor en de intern begeleider",
    // Organisations and things that start with a given name or follow a cue word.
    "Overleg met MW Jeugd over de aanpak",
    "Verwezen naar het Emma Kinderziekenhuis",
    "Hij gaat naar het Thomas More College",
    "Op de Willem de Zwijgerschool gaat het goed",
    "Gesprek met Lucas Onderwijs",
    "Leerling van de St. Maria school",
    "Verslag in MS Word gezet",
    "De naam Veilig Thuis kwam ter sprake",
    "het project heet Samen Sterk",
    // Dates of birth need a year or a month in words; numbers with units are none.
    "Broertje geboren, moeder heeft 6-8 weken verlof",
    "geboren met 1.8 kg",
    "verjaardag gevierd, 12 kinderen, 3-4 uur",
  ])("%j", (text) => expect(findPersonalIdentifiers(text), text).toEqual([]));

  it("finds the birthday and leaves the meeting date: 'op 12 maart jarig; gesprek op 14-3'", () => {
    expect(
      findPersonalIdentifiers("Hij is op 12 maart jarig; gesprek op 14-3.").map((m) => [
        m.kind,
        m.match,
      ]),
    ).toEqual([["birth_date", "12 maart"]]);
  });
});

describe("generated variants", () => {
  const bsn = fc
    .stringMatching(/^[0-9]{8}$/)
    .map((eight) => {
      for (let last = 0; last < 10; last++)
        if (isValidBsn(`${eight}${last}`)) return `${eight}${last}`;
      return null;
    })
    .filter((b): b is string => b !== null && b !== "000000000" && !b.startsWith("0"));

  it("finds a BSN grouped 3-3-3 with any of the separators people use", () => {
    fc.assert(
      fc.property(bsn, fc.constantFrom(" ", "-", ".", "/", "_", ",", "  ", "\n"), (b, sep) => {
        const text = `nummer ${b.slice(0, 3)}${sep}${b.slice(3, 6)}${sep}${b.slice(6)} graag`;
        expect(kinds(text)).toContain("bsn");
      }),
    );
  });

  it("finds a mobile number in any grouping by spaces or dashes", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{8}$/),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(" ", "-"),
        (subscriber, cuts, sep) => {
          const digits = `06${subscriber}`;
          const at = [...new Set(cuts)].sort((a, b) => a - b);
          const grouped = [0, ...at]
            .map((from, i) => digits.slice(from, at[i] ?? digits.length))
            .join(sep);
          // Grouped as a day, a month and a year ("06-11-2000-00"), it reads as a date, and
          // the guard keeps dates out of phone numbers on purpose.
          fc.pre(!/(?:^|\D)\d{1,2}-\d{1,2}-(?:19|20)\d\d(?!\d)/.test(grouped));
          expect(kinds(`bel ${grouped} na vijven`)).toContain("phone");
        },
      ),
    );
  });

  it("finds a given name with a surname, with or without a prefix", () => {
    const names = [...givenNames].filter((n) => n.length > 2);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom("", "de ", "van ", "van der ", "ter "),
        fc.constantFrom("Bakker", "Vermeer", "Yilmaz", "Jansen"),
        (given, prefix, surname) => {
          const name = `${given[0]?.toUpperCase()}${given.slice(1)} ${prefix}${surname}`;
          expect(kinds(`Gesprek met ${name} gehad.`)).toContain("name");
        },
      ),
    );
  });
});
