/** Password hashing with argon2id (OWASP's first choice), via a prebuilt native binding. */
import { createHash } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Algorithm 2 is Argon2id (a const enum in the binding's types, not importable here). */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

/** Verifies without throwing on a malformed stored hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * What a session remembers of the account it was opened on: a short digest of the stored
 * password hash (never the hash itself) and of the account's session generation. A new
 * password gives a new key, which ends every session opened with the old one (an admin
 * resetting a taken-over account locks the intruder out); so does a deactivation, which raises
 * the generation, so reactivating the account does not bring its old sessions back.
 * Generation 0 keeps the key sessions had before there were generations.
 */
export function sessionKey(passwordHash: string, generation = 0): string {
  const material = generation === 0 ? passwordHash : `${generation}:${passwordHash}`;
  return createHash("sha256").update(material).digest("base64url").slice(0, 22);
}
