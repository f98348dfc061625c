/**
 * Whether a new password is good enough, as NIST SP 800-63B asks: long enough (12 characters,
 * checked by the form's schema in domain/schemas.ts, with control characters refused there),
 * not easy to guess, and not made of the account's own e-mail address or name. "Easy to guess"
 * is zxcvbn-ts's estimate with its common-password and Dutch dictionaries (words, first names,
 * surnames) and keyboard patterns: anything it scores below its top score of 4 (fewer than
 * about 10¹⁰ guesses: "Welkom2024!!" is 10⁸) is refused. No rules about digits or capitals: length and the estimate say more.
 * For the server only: the dictionaries are megabytes, not for the browser.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as dutch from "@zxcvbn-ts/language-nl-be";

export type PasswordProblem = "password_weak" | "password_personal";

let estimator: ZxcvbnFactory | undefined;
function estimate() {
  estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...dutch.dictionary },
  });
  return estimator;
}

/** The parts of an e-mail address and a name a password must not be built on. */
function personalParts(person: { email: string; name: string }): string[] {
  const [local = "", domain = ""] = person.email.toLowerCase().split("@");
  return [
    local,
    ...local.split(/[._+-]/),
    domain.split(".")[0] ?? "",
    ...person.name.toLowerCase().split(/\s+/),
  ]
    .map((part) => part.trim())
    .filter((part) => part.length >= 3);
}

export function passwordProblem(
  password: string,
  person: { email: string; name: string },
): PasswordProblem | null {
  const lower = password.toLowerCase();
  const parts = personalParts(person);
  if (parts.some((part) => lower.includes(part))) return "password_personal";
  return estimate().check(password, parts).score < 4 ? "password_weak" : null;
}
