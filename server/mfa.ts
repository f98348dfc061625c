/**
 * The second factor: TOTP (RFC 6238 — six digits, 30-second steps, SHA-1, as every
 * authenticator app reads them) with the `otpauth` library, and one-time recovery codes.
 * A code is accepted one step either side of now (a phone's clock a little off) and only for
 * a step later than the last one accepted (lastStep), so an overheard code cannot be replayed.
 */
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { takeRecoveryCode, takeStep } from "@/db/queries/mfa";
import type { DbOrTx } from "@/db/types";

const ISSUER = "Samenwerkingsmonitor";
const PERIOD = 30;

/** A new shared secret (160 bits, base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), period: PERIOD });
}

/** The otpauth:// address an authenticator app reads (from the QR code) and its QR code as SVG. */
export async function enrolment(secret: string, email: string) {
  const uri = totp(secret, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrSvg };
}

/** A typed code as digits only: "123 456" and "123-456" are 123456. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

/**
 * The time step a code belongs to when it is valid now (within one step) and later than
 * `lastStep`; null otherwise.
 */
export function acceptedStep(
  secret: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code for a moment (tests, and the demo's documentation). */
export function codeAt(secret: string, timestamp = Date.now()): string {
  return totp(secret).generate({ timestamp });
}

/** Ten recovery codes of ten characters (about 50 bits each), grouped for reading: "k7m2p-9qx4r". */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as stored: its SHA-256, after the reading aids are taken off. */
export function hashRecoveryCode(code: string): string {
  const plain = code.trim().toLowerCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(plain).digest("hex");
}

/** Whether a typed value looks like a recovery code rather than a six-digit code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[2-9a-z]{10}$/.test(code.trim().toLowerCase().replace(/[\s-]/g, ""));
}

/**
 * Checks a typed second factor for a user with one set up: a code from the app (taken once) or
 * one of their recovery codes (used up). Either way a code works once, also under races.
 */
export async function verifySecondFactor(
  db: DbOrTx,
  mfa: { userId: string; secret: string; lastStep: number | null },
  code: string,
): Promise<"code" | "recovery" | null> {
  if (looksLikeRecoveryCode(code))
    return (await takeRecoveryCode(db, mfa.userId, hashRecoveryCode(code))) ? "recovery" : null;
  const step = acceptedStep(mfa.secret, code, mfa.lastStep);
  if (step === null) return null;
  return (await takeStep(db, mfa.userId, step)) ? "code" : null;
}
