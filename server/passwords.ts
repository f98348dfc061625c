/** Password hashing with argon2id (OWASP's first choice), via a prebuilt native binding. */
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
