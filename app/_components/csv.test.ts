import { describe, expect, it } from "vitest";
import { csvFileName, slug, toCsv } from "./csv";
import type { TableColumn, TableModel } from "./table-model";

type Row = {
  name: string;
  score: number | null;
  share: number | null;
  on: string | null;
  at: Date | null;
};

const columns: TableColumn<Row>[] = [
  { kind: "text", header: "Naam", value: (r) => r.name },
  { kind: "number", header: "Score", value: (r) => r.score, digits: 1 },
  { kind: "number", header: "Aandeel", value: (r) => r.share, percent: true },
  { kind: "day", header: "Datum", value: (r) => r.on },
  { kind: "moment", header: "Moment", value: (r) => r.at },
  { kind: "text", header: "Knop", value: () => "alleen op het scherm", only: "screen" },
];

const row = (over: Partial<Row> = {}): Row => ({
  name: "Regenboog",
  score: 3.25,
  share: 0.456,
  on: "2026-03-12",
  // 14:05 in Amsterdam (CET, UTC+1).
  at: new Date("2026-03-12T13:05:00Z"),
  ...over,
});

const csv = (rows: Row[], locale: "nl" | "en" = "nl", cols = columns) =>
  toCsv({ locale, columns: cols, rows } satisfies TableModel<Row>);
/** The lines of a file without its byte order mark. */
const lines = (text: string) => text.slice(1).split("\r\n");

describe("toCsv", () => {
  it("starts with a UTF-8 byte order mark and ends each record with CRLF", () => {
    const text = csv([row({ name: "Ëlla € ß" })]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(lines(text)[1]).toMatch(/^Ëlla € ß;/);
  });

  it("writes Dutch with ';' and a decimal comma, English with ',' and a decimal point", () => {
    expect(lines(csv([row()], "nl"))).toEqual([
      "Naam;Score;Aandeel;Datum;Moment",
      "Regenboog;3,3;46%;2026-03-12;2026-03-12 14:05",
      "",
    ]);
    expect(lines(csv([row()], "en"))).toEqual([
      "Naam,Score,Aandeel,Datum,Moment",
      "Regenboog,3.3,46%,2026-03-12,2026-03-12 14:05",
      "",
    ]);
  });

  it("leaves out screen-only columns and keeps csv-only ones", () => {
    const withCount: TableColumn<Row>[] = [
      ...columns.slice(0, 1),
      { kind: "number", header: "Aantal", value: () => 4, only: "csv" },
    ];
    expect(lines(csv([row()], "nl", withCount)).slice(0, 2)).toEqual([
      "Naam;Aantal",
      "Regenboog;4",
    ]);
  });

  it("quotes cells holding the delimiter, quotes or line breaks", () => {
    const name = columns.slice(0, 1);
    expect(lines(csv([row({ name: 'Zorg; "samen"\nen meer' })], "nl", name))[1]).toBe(
      '"Zorg; ""samen""\nen meer"',
    );
    // A lone carriage return is quoted as well, so no reader splits the record there.
    expect(csv([row({ name: "a\rb" })], "nl", columns.slice(0, 1))).toContain('"a\rb"');
    // In English the comma is the delimiter: a comma in text is quoted, a semicolon is not.
    expect(lines(csv([row({ name: "a, b; c" })], "en", columns.slice(0, 1)))[1]).toBe('"a, b; c"');
    expect(lines(csv([row({ name: "a, b" })], "nl", columns.slice(0, 1)))[1]).toBe("a, b");
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const names = ["=SUM(A1)", "+31 6", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("a;b")'];
    const text = csv(
      names.map((name) => row({ name })),
      "nl",
      columns.slice(0, 1),
    );
    expect(lines(text).slice(1, 6)).toEqual(["'=SUM(A1)", "'+31 6", "'-2+3", "'@cmd", "'\tx"]);
    expect(text).toContain('"\'\rx"');
    expect(text).toContain('"\'=HYPERLINK(""a;b"")"');
  });

  it("keeps a negative number a number, and a negative that rounds to zero without a sign", () => {
    const gap: TableColumn<Row>[] = [
      { kind: "number", header: "Verschil", value: (r) => r.score, digits: 1, signed: true },
    ];
    expect(
      lines(csv([row({ score: -1.5 }), row({ score: 0.5 }), row({ score: -0.04 })], "nl", gap)),
    ).toEqual(["Verschil", "-1,5", "0,5", "0,0", ""]);
    expect(lines(csv([row({ score: -1.5 })], "en", gap))[1]).toBe("-1.5");
  });

  it("writes none as an empty cell, and moments as a day where the screen shows one", () => {
    const empty = row({ score: null, share: null, on: null, at: null });
    expect(lines(csv([empty]))[1]).toBe("Regenboog;;;;");
    const day: TableColumn<Row>[] = [
      { kind: "moment", header: "Dag", value: (r) => r.at, style: "day" },
    ];
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(lines(csv([row({ at: new Date("2025-12-31T23:30:00Z") })], "nl", day))[1]).toBe(
      "2026-01-01",
    );
  });

  it("neutralises a header too, and writes numbers without thousands separators", () => {
    const cols: TableColumn<Row>[] = [{ kind: "number", header: "-Aantal", value: (r) => r.score }];
    expect(lines(csv([row({ score: 12345 })], "nl", cols))).toEqual(["'-Aantal", "12345", ""]);
  });
});

describe("file names", () => {
  it("say what and when, in ASCII", () => {
    expect(slug("Zorg in én om de school: Amsterdam-Noord!")).toBe(
      "zorg-in-en-om-de-school-amsterdam-noord",
    );
    expect(
      csvFileName(["Samenwerking Zorg in en om de school", "dashboard-sessies"], "2026-12-01"),
    ).toBe("samenwerking-zorg-in-en-om-de-school-dashboard-sessies-2026-12-01.csv");
    expect(csvFileName(["Ünïcödé ß", "", "gebruikers"], "2026-01-02")).toBe(
      "unicode-ss-gebruikers-2026-01-02.csv",
    );
  });
});
