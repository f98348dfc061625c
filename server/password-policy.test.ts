import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

const person = { email: "jan.devries@school.nl", name: "Jan de Vries" };

describe("passwordProblem", () => {
  it("refuses what the review got through, and common, Dutch and keyboard passwords", () => {
    for (const weak of [
      "aaaaaaaaaaaa",
      "123456789012",
      "            ",
      "wachtwoord123",
      "Welkom2024!!",
      "qwertyuiop12",
      "azertyuiop12",
      "voetbal12345",
      "Amsterdam2024",
      "iloveyou1234",
    ])
      expect(passwordProblem(weak, person), weak).toBe("password_weak");
  });

  it("refuses a password built on the account's own e-mail address or name", () => {
    for (const own of [
      "jan.devries2024!",
      "Devries-Utrecht-88",
      "school-wachtwoord-9x",
      "JanJanJan#2024",
    ])
      expect(passwordProblem(own, person), own).toBe("password_personal");
  });

  it("accepts long passphrases and random passwords", () => {
    for (const good of [
      "correct horse battery staple",
      "paars olifantje danst op zolder",
      "k7#Qm!2vLx9@pR",
      "T9w$eB3nZ!q4Lm",
    ])
      expect(passwordProblem(good, person), good).toBeNull();
  });
});
