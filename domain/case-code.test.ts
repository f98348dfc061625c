import { describe, expect, it } from "vitest";
import { CASE_CODE_ALPHABET, cryptoRandomInt, generateCaseCode, isCaseCode } from "./case-code";

const CODE = /^[ACDEFGHJKLMNPQRTUVWXY34679]{3}-[ACDEFGHJKLMNPQRTUVWXY34679]{3}$/;

/** A fake random source that returns the given values in turn and records what it was asked. */
function sequence(...values: number[]) {
  const asked: number[] = [];
  let i = 0;
  const random = (n: number) => {
    asked.push(n);
    const v = values[i++];
    if (v === undefined) throw new Error("sequence exhausted");
    return v;
  };
  return { random, asked };
}

describe("CASE_CODE_ALPHABET", () => {
  it("has 26 distinct characters", () => {
    // 26 letters − B, I, O, S, Z = 21; 10 digits − 0, 1, 2, 5, 8 = 5; 21 + 5 = 26
    expect(CASE_CODE_ALPHABET).toHaveLength(26);
    expect(new Set(CASE_CODE_ALPHABET).size).toBe(26);
  });

  it("leaves out the characters that are confused with one another", () => {
    for (const c of "0O1I2Z5S8B") expect(CASE_CODE_ALPHABET).not.toContain(c);
  });
});

describe("generateCaseCode", () => {
  it("maps each draw to a character of the alphabet", () => {
    // Alphabet positions: A0 C1 D2 E3 F4 G5 … K8 L9 M10 … Q13 … X19 Y20 3₂₁ 4₂₂ 6₂₃ 7₂₄ 9₂₅
    const { random, asked } = sequence(8, 24, 10, 22, 13, 19);
    expect(generateCaseCode(random)).toBe("K7M-4QX");
    // Six draws, each from 26 characters.
    expect(asked).toEqual([26, 26, 26, 26, 26, 26]);
  });

  it("reaches both ends of the alphabet", () => {
    expect(generateCaseCode(sequence(0, 1, 2, 3, 4, 5).random)).toBe("ACD-EFG");
    // 25 is the last position: "9"
    expect(generateCaseCode(sequence(25, 25, 25, 25, 25, 25).random)).toBe("999-999");
    expect(generateCaseCode(() => 0)).toBe("AAA-AAA");
  });

  it("throws a RangeError when the random source leaves [0, n)", () => {
    expect(() => generateCaseCode(() => 26)).toThrow(RangeError);
    expect(() => generateCaseCode(() => -1)).toThrow(RangeError);
    expect(() => generateCaseCode(() => 1.5)).toThrow(RangeError);
    expect(() => generateCaseCode(() => Number.NaN)).toThrow(RangeError);
  });

  it("generates well-formed codes with the default crypto source", () => {
    const codes = Array.from({ length: 1000 }, () => generateCaseCode());
    for (const code of codes) expect(code).toMatch(CODE);
    // 1000 draws from 26⁶ ≈ 3.1·10⁸ codes: a clash has probability ≈ 1000² / (2·3.1·10⁸)
    // ≈ 0.0016, so nearly all are distinct; allow a couple of clashes to keep the test stable.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(998);
  });

  it("uses every character of the alphabet over many draws", () => {
    // 1000 codes × 6 = 6000 characters over 26: ≈ 231 each; missing one has probability
    // 26·(25/26)^6000 ≈ 10⁻¹⁰¹.
    const seen = new Set(
      Array.from({ length: 1000 }, () => generateCaseCode())
        .join("")
        .replaceAll("-", ""),
    );
    expect(seen.size).toBe(26);
  });
});

describe("cryptoRandomInt", () => {
  it("stays within [0, n)", () => {
    for (let i = 0; i < 1000; i++) {
      const k = cryptoRandomInt(26);
      expect(Number.isInteger(k) && k >= 0 && k < 26).toBe(true);
    }
  });
});

describe("isCaseCode", () => {
  it.each(["K7M-4QX", "AAA-AAA", "999-999", "ACD-EFG"])("accepts %s", (code) => {
    expect(isCaseCode(code)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["K7M4QX", "no dash"],
    ["K7-M4QX", "dash in the wrong place"],
    ["k7m-4qx", "lower case"],
    [" K7M-4QX", "leading space"],
    ["K7M-4QX ", "trailing space"],
    ["K7M-4QXA", "too long"],
    ["K7M-4Q", "too short"],
    ["B7M-4QX", "B is not in the alphabet"],
    ["K0M-4QX", "0 is not in the alphabet"],
    ["K7M-4QS", "S is not in the alphabet"],
    ["K7M–4QX", "en dash"],
    ["K7M-4QX\n", "trailing newline"],
  ])("rejects %j (%s)", (value) => {
    expect(isCaseCode(value)).toBe(false);
  });

  it("accepts every generated code", () => {
    for (let i = 0; i < 100; i++) expect(isCaseCode(generateCaseCode())).toBe(true);
  });
});
