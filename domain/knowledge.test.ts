import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentInstrument } from "./instrument";
import { factorKnowledge, weakness } from "./knowledge";

const factorIds = currentInstrument.levels.flatMap((l) => l.factors.map((f) => f.id));

describe("the knowledge per factor", () => {
  it("has an entry for every factor of the instrument, and for none else, in both languages", () => {
    expect(Object.keys(factorKnowledge).sort()).toEqual([...factorIds].sort());
    for (const [id, entry] of Object.entries(factorKnowledge)) {
      expect(entry.works.length, id).toBeGreaterThan(0);
      for (const text of [...entry.works, entry.ask]) {
        expect(text.nl.length, id).toBeGreaterThan(20);
        expect(text.en.length, id).toBeGreaterThan(20);
      }
    }
  });

  it("is written out in docs/KNOWLEDGE.md, one section per factor", () => {
    const doc = readFileSync(path.join(import.meta.dirname, "../docs/KNOWLEDGE.md"), "utf8");
    for (const id of factorIds) expect(doc, id).toMatch(new RegExp(`^### ${id} `, "m"));
  });

  it("is asked for by a low factor, or one that fell half a point or more", () => {
    expect(weakness(2.9)).toBe("low");
    expect(weakness(3)).toBeNull();
    expect(weakness(3.5, 4)).toBe("falling");
    expect(weakness(3.6, 4)).toBeNull();
    expect(weakness(2, 4)).toBe("low");
    expect(weakness(null, 4)).toBeNull();
    expect(weakness(4.5, null)).toBeNull();
  });
});
