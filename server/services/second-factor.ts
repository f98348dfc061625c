/**
 * Setting up, using and resetting the second factor (server/mfa.ts): every change is audited
 * on the user's account record; the secret and codes themselves never enter the audit log.
 * What a session may change needs a current code where a factor is set up (replacing it,
 * new recovery codes, turning it off), and wrong codes count towards the same limit as at
 * sign-in (MAX_CODE_FAILURES), so a borrowed session cannot guess its way to the factor.
 */

import { lockCodeChecks, recentCodeFailures, recordLoginAttempt } from "@/db/queries/logins";
import {
  confirmSecret,
  getMfa,
  removeSecondFactor,
  replaceRecoveryCodes,
  setPendingSecret,
  unusedRecoveryCodes,
} from "@/db/queries/mfa";
import { getUser } from "@/db/queries/users";
import type { Tx } from "@/db/types";
import { env } from "@/env";
import { appError, notFound } from "../errors";
import { MAX_CODE_FAILURES } from "../login";
import {
  acceptedStep,
  enrolment,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  verifySecondFactor,
} from "../mfa";
import { type Actor, audited } from "./audited";

type Self = Actor & {
  user: { id: string; email: string };
  /** The session doing this (server/trpc.ts Context): the one that goes on after a set-up. */
  sessionId?: string | null;
};

const wrongCode = () => appError("BAD_REQUEST", "errors.second_factor_code", { field: "otp" });

/** A wrong code inside a transaction: recorded once that transaction has rolled back. */
class WrongCode extends Error {}

/**
 * Checks a code typed in a session, for a user whose factor is set up, inside the change's
 * transaction: refused after too many wrong ones (TOO_MANY_REQUESTS), else accepted or WrongCode.
 */
async function checkCode(
  ctx: Self,
  tx: Tx,
  mfa: { userId: string; secret: string; lastStep: number | null },
  code: string | undefined,
  accept: "code" | "code or recovery",
) {
  const since = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const email = ctx.user.email.toLowerCase();
  await lockCodeChecks(tx, email);
  if ((await recentCodeFailures(tx, email, since)) >= MAX_CODE_FAILURES)
    throw appError("TOO_MANY_REQUESTS", "errors.second_factor_limit", { field: "otp" });
  const used = code ? await verifySecondFactor(tx, mfa, code) : null;
  if (used === "code" || (used === "recovery" && accept === "code or recovery")) return;
  throw new WrongCode();
}

/**
 * Runs a change that checks a code: a wrong one is recorded as a failed attempt on the account
 * (as at sign-in, so it counts towards the limit) and answered as a field error.
 */
async function recordingWrongCodes<T>(ctx: Self, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof WrongCode)) throw error;
    await recordLoginAttempt(ctx.db, {
      email: ctx.user.email.toLowerCase(),
      ip: ctx.ip ?? "unknown",
      succeeded: false,
      reason: "invalid_code",
    });
    throw wrongCode();
  }
}

/** Where the user stands: set up or not, and how many recovery codes are left. */
export async function secondFactorStatus(ctx: Self) {
  const mfa = await getMfa(ctx.db, ctx.user.id);
  const enabled = Boolean(mfa?.secret);
  return {
    enabled,
    enabledAt: mfa?.enabledAt ?? null,
    recoveryCodesLeft: enabled ? await unusedRecoveryCodes(ctx.db, ctx.user.id) : 0,
  };
}

/**
 * Starts setting up: a new secret, waiting for a code. Where one is set up already (a new
 * phone), only with a current code or a recovery code; until the new one is confirmed, the
 * old one stays as it is.
 */
export async function beginSecondFactor(ctx: Self, current?: string) {
  const secret = newTotpSecret();
  await recordingWrongCodes(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const mfa = await getMfa(tx, ctx.user.id, { forUpdate: true });
      if (mfa?.secret)
        await checkCode(ctx, tx, { ...mfa, secret: mfa.secret }, current, "code or recovery");
      await setPendingSecret(tx, ctx.user.id, secret);
    }),
  );
  const { uri, qrSvg } = await enrolment(secret, ctx.user.email);
  return { secret, uri, qrSvg };
}

/**
 * Confirms the pending secret with a code from the app; returns the recovery codes, once.
 * Sessions opened before it, but this one, end (db/queries/users.ts loadSessionUser).
 */
export async function confirmSecondFactor(ctx: Self, code: string) {
  const codes = newRecoveryCodes();
  // Only for the audit row's name: the change itself reads the row again, locked.
  const replaced = Boolean((await getMfa(ctx.db, ctx.user.id))?.secret);
  const action = replaced ? "second_factor_replaced" : "second_factor_on";
  await audited(ctx, { action, entity: "user" }, async (tx) => {
    const mfa = await getMfa(tx, ctx.user.id, { forUpdate: true });
    if (!mfa?.pendingSecret) throw appError("CONFLICT", "errors.second_factor_not_started");
    const step = acceptedStep(mfa.pendingSecret, code, null);
    if (step === null) throw wrongCode();
    await confirmSecret(
      tx,
      ctx.user.id,
      { secret: mfa.pendingSecret, step, sessionId: ctx.sessionId ?? null },
      codes.map(hashRecoveryCode),
    );
    return { result: null, entityId: ctx.user.id, after: { recoveryCodes: codes.length } };
  });
  return { recoveryCodes: codes };
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export async function renewRecoveryCodes(ctx: Self, code: string) {
  const codes = newRecoveryCodes();
  await recordingWrongCodes(ctx, () =>
    audited(ctx, { action: "recovery_codes", entity: "user" }, async (tx) => {
      const mfa = await getMfa(tx, ctx.user.id, { forUpdate: true });
      if (!mfa?.secret) throw appError("CONFLICT", "errors.second_factor_not_started");
      await checkCode(ctx, tx, { ...mfa, secret: mfa.secret }, code, "code");
      await replaceRecoveryCodes(tx, ctx.user.id, codes.map(hashRecoveryCode));
      return { result: null, entityId: ctx.user.id };
    }),
  );
  return { recoveryCodes: codes };
}

/** Turns the second factor off, after a current code; not where it is required. */
export async function disableSecondFactor(ctx: Self & { required: boolean }, code: string) {
  if (ctx.required) throw appError("FORBIDDEN", "errors.second_factor_needed_for_role");
  await recordingWrongCodes(ctx, () =>
    audited(ctx, { action: "second_factor_off", entity: "user" }, async (tx) => {
      const mfa = await getMfa(tx, ctx.user.id, { forUpdate: true });
      if (!mfa?.secret) throw appError("CONFLICT", "errors.second_factor_not_started");
      await checkCode(ctx, tx, { ...mfa, secret: mfa.secret }, code, "code or recovery");
      await removeSecondFactor(tx, ctx.user.id);
      return { result: null, entityId: ctx.user.id };
    }),
  );
  return { enabled: false };
}

/**
 * An admin resets someone's second factor (a lost phone, no recovery codes left): it is gone,
 * the user's sessions end, and they set up a new one at their next sign-in where required.
 */
export async function resetSecondFactor(ctx: Actor, userId: string) {
  return audited(ctx, { action: "second_factor_reset", entity: "user" }, async (tx) => {
    if (!(await getUser(tx, userId))) throw notFound();
    const had = await removeSecondFactor(tx, userId, { endSessions: true });
    return { result: { userId, hadSecondFactor: had }, entityId: userId, after: { had } };
  });
}
