import { describe, expect, it } from "vitest";
import { currentInstrument, factorIds } from "./instrument";
import { answeredIn, nextOpenFactor, scoringProgress } from "./score-progress";

const all = factorIds(currentInstrument);
const rows = (participantId: string, factors: readonly string[]) =>
  factors.map((factorId) => ({ participantId, factorId }));

describe("scoringProgress", () => {
  it("counts a factor as scored only when every participant answered it, n.v.t. included", () => {
    // Anna answered all 21; Bram the first 12; Cas nothing yet.
    const answered = answeredIn([...rows("anna", all), ...rows("bram", all.slice(0, 12))]);
    const p = scoringProgress(currentInstrument, ["anna", "bram", "cas"], answered);
    expect(p.factors).toEqual({ done: 0, total: 21 });
    expect(p.participants).toEqual({ done: 1, total: 3 });

    const two = scoringProgress(currentInstrument, ["anna", "bram"], answered);
    expect(two.factors).toEqual({ done: 12, total: 21 });
    expect(two.open).toEqual(all.slice(12));
    expect(two.levels.reduce((n, l) => n + l.total, 0)).toBe(21);
    expect(two.levels.reduce((n, l) => n + l.done, 0)).toBe(12);
  });

  it("has nothing scored without participants", () => {
    const p = scoringProgress(currentInstrument, [], () => true);
    expect(p.factors.done).toBe(0);
    expect(p.open).toHaveLength(21);
  });
});

describe("nextOpenFactor", () => {
  const open = [all[2], all[10], all[15]] as string[];
  it("finds the first open factor from the current one on, starting over at the top", () => {
    expect(nextOpenFactor(currentInstrument, open, null)).toBe(all[2]);
    expect(nextOpenFactor(currentInstrument, open, all[2] as string)).toBe(all[2]);
    expect(nextOpenFactor(currentInstrument, open, all[3] as string)).toBe(all[10]);
    expect(nextOpenFactor(currentInstrument, open, all[11] as string)).toBe(all[15]);
    expect(nextOpenFactor(currentInstrument, open, all[20] as string)).toBe(all[2]);
    expect(nextOpenFactor(currentInstrument, [], all[0] as string)).toBeNull();
  });
});
