/**
 * Personal links (a parent's or young person's view of their case): a random 256-bit token that
 * is shown once and stored only as its SHA-256 hash, so a leaked table gives no working links.
 */
import { createHash, randomBytes } from "node:crypto";

/** A new token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
