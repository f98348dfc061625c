/** Dutch and English carry the same keys, so no screen falls back to a raw key in one language. */
import { describe, expect, it } from "vitest";
import { messages } from "@/i18n/locales";

function keys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("have the same keys in Dutch and English", () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.nl).sort());
  });
  it("have no empty texts", () => {
    for (const locale of ["nl", "en"] as const) {
      const empty = keys(messages[locale]).filter((k) => {
        const value = k
          .split(".")
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            messages[locale],
          );
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
