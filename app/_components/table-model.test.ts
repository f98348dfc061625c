import { describe, expect, it } from "vitest";
import { formatScore } from "./status";
import { columnsFor, screenCell, type TableColumn } from "./table-model";

type Row = { n: number | null; day: string | null };
const row = (n: number | null, day: string | null = "2026-03-12"): Row => ({ n, day });

describe("the screen's rendering of a table model", () => {
  it("shows scores as the dashboard always did: one decimal, a dash for none", () => {
    const score: TableColumn<Row> = { kind: "number", header: "S", value: (r) => r.n, digits: 1 };
    for (const value of [3.25, 4, -1.55, 0])
      for (const locale of ["nl", "en"] as const)
        expect(screenCell(score, row(value), locale)).toBe(formatScore(value, locale));
    expect(screenCell(score, row(null), "nl")).toBe("–");
  });

  it("shows shares as percentages, differences with their sign, days in words", () => {
    const share: TableColumn<Row> = {
      kind: "number",
      header: "A",
      value: (r) => r.n,
      percent: true,
    };
    const gap: TableColumn<Row> = {
      kind: "number",
      header: "V",
      value: (r) => r.n,
      digits: 1,
      signed: true,
    };
    const day: TableColumn<Row> = { kind: "day", header: "D", value: (r) => r.day };
    expect(screenCell(share, row(0.456), "nl")).toBe("46%");
    expect(screenCell(gap, row(0.5), "nl")).toBe("+0,5");
    expect(screenCell(gap, row(-0.5), "en")).toBe("-0.5");
    expect(screenCell(day, row(null), "nl")).toBe("12 maart 2026");
    expect(screenCell(day, row(null, null), "en")).toBe("–");
  });

  it("lets a column's own render and its text for none stand, and splits columns by side", () => {
    const columns: TableColumn<Row>[] = [
      { kind: "text", header: "Wie", value: () => null, empty: "Onbekend" },
      { kind: "number", header: "N", value: (r) => r.n, cell: (r) => `< ${r.n}` },
      { kind: "text", header: "Knop", value: () => null, only: "screen" },
      { kind: "number", header: "Aantal", value: (r) => r.n, only: "csv" },
    ];
    expect(columns.map((c) => screenCell(c, row(10), "nl"))).toEqual([
      "Onbekend",
      "< 10",
      "–",
      "10",
    ]);
    expect(columnsFor(columns, "screen").map((c) => c.header)).toEqual(["Wie", "N", "Knop"]);
    expect(columnsFor(columns, "csv").map((c) => c.header)).toEqual(["Wie", "N", "Aantal"]);
  });
});
