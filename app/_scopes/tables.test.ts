import { createTranslator } from "next-intl";
import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { screenCell } from "@/app/_components/table-model";
import { messages } from "@/i18n/locales";
import type { TableContext } from "./table-model";
import { withheldIn } from "./table-model";
import { breakdownRows, casesTable } from "./tables/cases";
import { quarterName, quarterOfDay, type ReportingQuarter } from "./tables/common";
import { correlationText } from "./tables/outcomes";
import { countTable, sharedReportingTable } from "./tables/partnerships";
import { reportingTable } from "./tables/reporting";

function contextFor(locale: "nl" | "en"): TableContext {
  // Untyped keys, as the pages' translators have them.
  const t = createTranslator({ locale, messages: messages[locale] }) as unknown as ((
    key: string,
    params?: Record<string, string | number>,
  ) => string) & { has: (key: string) => boolean };
  return {
    t: (key, params) => t(key, params),
    has: (key) => t.has(key),
    locale,
    thresholds: { cases: 10, partnerships: 3, scorers: 5 },
  };
}
const nl = contextFor("nl");
const en = contextFor("en");
const text = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));

const shown = (value: number) => ({ value, withheld: null });
const quarter = (label: string, figures: Partial<ReportingQuarter> = {}): ReportingQuarter => ({
  start: "2026-10-01",
  label,
  partnerships: 4,
  expected: shown(3),
  held: shown(2.5),
  onTime: shown(2),
  rate: shown(2.5 / 3),
  onTimeRate: shown(2 / 3),
  ...figures,
});

describe("quarters", () => {
  it("reads the server's labels in the user's language", () => {
    expect(quarterName("2026-K4", nl)).toBe("2026-K4");
    expect(quarterName("2026-K4", en)).toBe("2026 Q4");
    expect(quarterOfDay("2026-10-01")).toBe("2026-K4");
    expect(quarterOfDay("2025-03-31")).toBe("2025-K1");
  });
});

describe("published figures in a table", () => {
  it("gives a withheld figure no value, and on screen its marker with the reason in words", () => {
    const table = reportingTable(
      [
        quarter("2026-K3", {
          expected: { value: null, withheld: "partnerships" },
          rate: { value: null, withheld: "protect" },
        }),
        quarter("2026-K4"),
      ],
      nl,
    );
    const expected = table.columns[2];
    const rate = table.columns[5];
    if (!expected || !rate) throw new Error("columns");
    const [withheld, open] = table.rows as [ReportingQuarter, ReportingQuarter];
    expect(expected.value(withheld)).toBeNull();
    expect(text(screenCell(expected, withheld, "nl"))).toContain(
      '&lt; 3 sv<span class="smo-visually-hidden"> (minder dan 3 samenwerkingsverbanden)',
    );
    expect(text(screenCell(rate, withheld, "nl"))).toContain(
      "verborgen om kleine aantallen elders te beschermen",
    );
    expect(text(screenCell(expected, open, "nl"))).toBe("3");
    expect(text(screenCell(table.columns[3] as typeof expected, open, "nl"))).toBe("2,5");
    expect(text(screenCell(rate, open, "en"))).toBe("83%");
    // The legend names each reason that occurs, once.
    expect(withheldIn(table).sort()).toEqual(["partnerships", "protect"]);
  });

  it("says 'geen' where a figure has no value and nothing is withheld", () => {
    const table = reportingTable(
      [quarter("2026-K4", { rate: { value: null, withheld: null } })],
      nl,
    );
    const rate = table.columns[5];
    if (!rate) throw new Error("columns");
    expect(text(screenCell(rate, table.rows[0] as ReportingQuarter, "nl"))).toContain("geen");
    expect(withheldIn(table)).toEqual([]);
  });
});

describe("the tables' columns", () => {
  it("counts partnerships with their share and a total", () => {
    const table = countTable(
      [
        { key: "a", label: "Vindbaar", partnerships: 1 },
        { key: "b", label: "Op school", partnerships: 3 },
      ],
      "Vorm",
      nl,
    );
    expect(table.rows.map((r) => r.label)).toEqual(["Vindbaar", "Op school", "Totaal"]);
    const share = table.columns[2];
    if (!share) throw new Error("columns");
    expect(table.rows.map((r) => share.value(r as never))).toEqual([0.25, 0.75, 1]);
  });

  it("shows a sharing partnership's reporting per quarter, nothing where none was expected", () => {
    const table = sharedReportingTable(
      [
        {
          id: "00000000-0000-4000-8000-000000000001",
          name: "Zorg in en om de school",
          municipality: "Amsterdam",
          opens: false,
          reporting: [
            { quarterStart: "2026-07-01", expected: 0, held: 0, onTime: 0 },
            { quarterStart: "2026-10-01", expected: 1, held: 1, onTime: 0.5 },
          ],
        },
      ],
      nl,
    );
    expect(table.columns.map((c) => c.header)).toEqual([
      "Samenwerkingsverband",
      "2026-K3",
      "2026-K4",
    ]);
    const [, k3, k4] = table.columns;
    const row = table.rows[0];
    if (!k3 || !k4 || !row) throw new Error("columns");
    expect(k3.value(row)).toBeNull();
    expect(k4.value(row)).toBe("1 van 1, 0,5 op tijd");
  });

  it("chooses the case measures a table shows, in the order of the measures", () => {
    const table = casesTable([], "Kwartaal", nl, ["dropoutShare", "active"]);
    expect(table.columns.map((c) => c.header)).toEqual(["Kwartaal", "Actieve casussen", "Uitval"]);
    expect(casesTable([], "Kwartaal", nl).columns).toHaveLength(15);
  });

  it("names the breakdown rows by school type and by age band", () => {
    expect(breakdownRows(undefined, "age_band", nl).map((r) => r.label)[0]).toBe("0 tot 4 jaar");
    expect(breakdownRows(undefined, "school_type", en).map((r) => r.key)).toContain("vso");
  });

  it("writes Spearman's ρ with a real minus sign and its interval", () => {
    expect(correlationText({ n: 12, rho: -0.134, low: -0.69, high: 0.53 }, nl)).toBe(
      "Spearmans ρ = −0,13 (95%-betrouwbaarheidsinterval −0,69 tot 0,53; n = 12)",
    );
  });
});
