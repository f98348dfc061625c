import { describe, expect, it } from "vitest";
import {
  collaborationIndex,
  factorMeans,
  factorSpread,
  type LevelDefinition,
  levelScores,
  mean,
  type Score,
  type Sector,
  sectorGaps,
} from "./scoring";

const s = (
  participantId: string,
  sector: Sector,
  factorId: string,
  score: number | null,
): Score => ({ participantId, sector, factorId, score });

// A cut-down instrument: three levels, the last with one factor.
const levels: readonly LevelDefinition[] = [
  { id: "bestuurlijk", factorIds: ["B1", "B2"] },
  { id: "relationeel", factorIds: ["R1", "R2"] },
  { id: "kennis", factorIds: ["K1"] },
];

// Three participants; R2 and K1 answered only "weet niet / n.v.t.".
const session: Score[] = [
  s("p1", "education", "B1", 4),
  s("p1", "education", "B2", 3),
  s("p1", "education", "R1", 5),
  s("p1", "education", "R2", null),
  s("p1", "education", "K1", null),
  s("p2", "youth_care", "B1", 2),
  s("p2", "youth_care", "B2", null),
  s("p2", "youth_care", "R1", 4),
  s("p2", "youth_care", "R2", null),
  s("p2", "youth_care", "K1", null),
  s("p3", "parent", "B1", 3),
  s("p3", "parent", "B2", 5),
  s("p3", "parent", "R1", 3),
  s("p3", "parent", "R2", null),
  s("p3", "parent", "K1", null),
];

describe("mean", () => {
  it("is null for no values", () => {
    expect(mean([])).toBeNull();
  });
  it("averages", () => {
    expect(mean([5])).toBe(5); // 5 / 1
    expect(mean([1, 2])).toBe(1.5); // 3 / 2
    expect(mean([1, 2, 3, 4])).toBe(2.5); // 10 / 4
  });
});

describe("factorMeans", () => {
  it("averages answered scores and maps all-n.v.t. factors to null", () => {
    expect(factorMeans(session)).toEqual(
      new Map([
        ["B1", 3], // (4 + 2 + 3) / 3 = 9 / 3
        ["B2", 4], // (3 + 5) / 2 = 8 / 2, p2's null skipped
        ["R1", 4], // (5 + 4 + 3) / 3 = 12 / 3
        ["R2", null], // all null
        ["K1", null], // all null
      ]),
    );
  });
  it("keys factors in order of first appearance", () => {
    expect([...factorMeans(session).keys()]).toEqual(["B1", "B2", "R1", "R2", "K1"]);
  });
  it("is empty for no scores", () => {
    expect(factorMeans([]).size).toBe(0);
  });
  it("does not round", () => {
    // (4 + 4 + 5) / 3 = 13 / 3
    const m = factorMeans([
      s("a", "other", "P1", 4),
      s("b", "other", "P1", 4),
      s("c", "other", "P1", 5),
    ]);
    expect(m.get("P1")).toBeCloseTo(13 / 3, 12);
  });
});

describe("levelScores", () => {
  it("averages the answered factor means per level, in the levels' order", () => {
    expect(levelScores(session, levels)).toEqual([
      { levelId: "bestuurlijk", score: 3.5 }, // (B1 3 + B2 4) / 2 = 7 / 2
      { levelId: "relationeel", score: 4 }, // R1 4 only; R2 all n.v.t. is skipped, not 0
      { levelId: "kennis", score: null }, // K1 all n.v.t.
    ]);
  });
  it("weighs each factor equally, not each score", () => {
    // B1 by three people: (1 + 1 + 1) / 3 = 1; B2 by one: 5 → level (1 + 5) / 2 = 3
    // (per score it would be (1 + 1 + 1 + 5) / 4 = 2).
    const scores = [
      s("a", "education", "B1", 1),
      s("b", "education", "B1", 1),
      s("c", "education", "B1", 1),
      s("a", "education", "B2", 5),
    ];
    expect(levelScores(scores, [{ id: "bestuurlijk", factorIds: ["B1", "B2"] }])).toEqual([
      { levelId: "bestuurlijk", score: 3 },
    ]);
  });
  it("skips a level's factors that nobody scored at all", () => {
    // B3 absent from the scores: level = B1 only = 3.
    expect(levelScores(session, [{ id: "bestuurlijk", factorIds: ["B1", "B3"] }])).toEqual([
      { levelId: "bestuurlijk", score: 3 },
    ]);
  });
  it("ignores scores for factors outside every level", () => {
    // X9 = 1 is in no level; bestuurlijk stays (3 + 4) / 2 = 3.5.
    const scores = [...session, s("p1", "education", "X9", 1)];
    expect(levelScores(scores, levels)[0]).toEqual({ levelId: "bestuurlijk", score: 3.5 });
  });
  it("is null for every level when everything is n.v.t.", () => {
    const allNull = session.map((x) => ({ ...x, score: null }));
    expect(levelScores(allNull, levels)).toEqual([
      { levelId: "bestuurlijk", score: null },
      { levelId: "relationeel", score: null },
      { levelId: "kennis", score: null },
    ]);
  });
  it("gives a level with no factors a null score", () => {
    expect(levelScores(session, [{ id: "leeg", factorIds: [] }])).toEqual([
      { levelId: "leeg", score: null },
    ]);
  });
});

describe("collaborationIndex", () => {
  it("averages the scored levels", () => {
    // (3.5 + 4) / 2 = 7.5 / 2; kennis (null) is skipped.
    expect(collaborationIndex(levelScores(session, levels))).toBe(3.75);
  });
  it("weighs each level equally", () => {
    // (2 + 3 + 5) / 3 = 10 / 3
    const index = collaborationIndex([
      { levelId: "a", score: 2 },
      { levelId: "b", score: 3 },
      { levelId: "c", score: 5 },
    ]);
    expect(index).toBeCloseTo(10 / 3, 12);
  });
  it("is null when everything is n.v.t.", () => {
    const allNull = session.map((x) => ({ ...x, score: null }));
    expect(collaborationIndex(levelScores(allNull, levels))).toBeNull();
  });
  it("is null for no levels", () => {
    expect(collaborationIndex([])).toBeNull();
  });
});

describe("sectorGaps", () => {
  const scores: Score[] = [
    // B1: every sector, including two outside the gap columns.
    s("e1", "education", "B1", 4),
    s("e2", "education", "B1", 5),
    s("y1", "youth_care", "B1", 2),
    s("f1", "parent", "B1", 3),
    s("f2", "young_person", "B1", 4),
    s("m1", "municipality", "B1", 1),
    s("o1", "other", "B1", 1),
    // R2 before B2 in the input, to show ties sort by factorId.
    s("e1", "education", "R2", 2),
    s("y1", "youth_care", "R2", 3),
    s("e1", "education", "B2", 3),
    s("e2", "education", "B2", null),
    s("y1", "youth_care", "B2", 4),
    s("f1", "parent", "B2", null),
    s("e1", "education", "K1", 5),
    s("y1", "youth_care", "K1", 4),
    // R1: youth care only said n.v.t.
    s("e1", "education", "R1", 4),
    s("y1", "youth_care", "R1", null),
    s("f1", "parent", "R1", 5),
    // K2: no education score at all.
    s("y1", "youth_care", "K2", 3),
  ];

  it("gives sector means and gaps, largest |gap| first, nulls last, ties by factorId", () => {
    expect(sectorGaps(scores)).toEqual([
      // edu (4 + 5) / 2 = 4.5; care 2; families (3 + 4) / 2 = 3.5; gap 4.5 − 2 = 2.5.
      // Municipality and other (1, 1) are in neither column.
      { factorId: "B1", education: 4.5, youthCare: 2, families: 3.5, gap: 2.5 },
      // edu 3 (e2 null skipped); care 4; families: only a null → null; gap 3 − 4 = −1.
      { factorId: "B2", education: 3, youthCare: 4, families: null, gap: -1 },
      // gap 5 − 4 = 1; |1| ties with |−1|, so by factorId: B2 < K1 < R2.
      { factorId: "K1", education: 5, youthCare: 4, families: null, gap: 1 },
      { factorId: "R2", education: 2, youthCare: 3, families: null, gap: -1 }, // 2 − 3
      // Null gaps last, by factorId: K2 < R1.
      { factorId: "K2", education: null, youthCare: 3, families: null, gap: null },
      { factorId: "R1", education: 4, youthCare: null, families: 5, gap: null },
    ]);
  });

  it("has null gaps throughout when a sector is missing from the session", () => {
    // No youth care present: every gap null, so the order is by factorId alone.
    const noYouthCare = [
      s("e1", "education", "R1", 4),
      s("f1", "parent", "R1", 2),
      s("e1", "education", "B1", 3),
      s("f1", "young_person", "B1", 5),
    ];
    expect(sectorGaps(noYouthCare)).toEqual([
      { factorId: "B1", education: 3, youthCare: null, families: 5, gap: null },
      { factorId: "R1", education: 4, youthCare: null, families: 2, gap: null },
    ]);
  });

  it("keeps a factor nobody could judge, with every column null", () => {
    expect(
      sectorGaps([s("e1", "education", "W1", null), s("y1", "youth_care", "W1", null)]),
    ).toEqual([{ factorId: "W1", education: null, youthCare: null, families: null, gap: null }]);
  });

  it("is empty for no scores", () => {
    expect(sectorGaps([])).toEqual([]);
  });
});

describe("factorSpread", () => {
  it("gives n, population sd and range over answered scores", () => {
    const scores = [
      // P1: 2, 4, 4, 4, 5, 5 — mean 24 / 6 = 4; squared deviations 4, 0, 0, 0, 1, 1 = 6;
      // variance 6 / 6 = 1 → sd 1; range 5 − 2 = 3.
      ...[2, 4, 4, 4, 5, 5].map((v, i) => s(`p${i}`, "education", "P1", v)),
      // P2: 5, null, 1 — n 2, mean 3; variance (4 + 4) / 2 = 4 → sd 2 (not 2.83 as a sample
      // sd with n − 1 would give); range 5 − 1 = 4.
      s("a", "education", "P2", 5),
      s("b", "parent", "P2", null),
      s("c", "youth_care", "P2", 1),
    ];
    expect(factorSpread(scores)).toEqual(
      new Map([
        ["P1", { n: 6, sd: 1, range: 3 }],
        ["P2", { n: 2, sd: 2, range: 4 }],
      ]),
    );
  });

  it("handles an irrational sd", () => {
    // 1, 3, 5: mean 3; variance (4 + 0 + 4) / 3 = 8/3 → sd √(8/3) ≈ 1.6330; range 4.
    const spread = factorSpread([1, 3, 5].map((v, i) => s(`p${i}`, "other", "W2", v))).get("W2");
    expect(spread?.n).toBe(3);
    expect(spread?.sd).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(spread?.range).toBe(4);
  });

  it("is 0 for one score and for full agreement", () => {
    expect(factorSpread([s("a", "parent", "R4", 4)]).get("R4")).toEqual({
      n: 1,
      sd: 0, // (4 − 4)² / 1
      range: 0, // 4 − 4
    });
    const same = [3, 3, 3].map((v, i) => s(`p${i}`, "education", "R4", v));
    expect(factorSpread(same).get("R4")).toEqual({ n: 3, sd: 0, range: 0 });
  });

  it("is null with no answered score", () => {
    const spread = factorSpread([s("a", "education", "K2", null), s("b", "parent", "K2", null)]);
    expect(spread.get("K2")).toEqual({ n: 0, sd: null, range: null });
  });

  it("is empty for no scores", () => {
    expect(factorSpread([]).size).toBe(0);
  });
});
