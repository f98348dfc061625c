/**
 * Setting up, using and resetting the second factor (server/mfa.ts): every change is audited
 * on the user's account record; the secret and codes themselves never enter the audit log.
 */
import {
  confirmSecret,
  getMfa,
  removeSecondFactor,
  setPendingSecret,
  unusedRecoveryCodes,
} from "@/db/queries/mfa";
import { getUser } from "@/db/queries/users";
import { appError, notFound } from "../errors";
import {
  acceptedStep,
  enrolment,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  verifySecondFactor,
} from "../mfa";
import { type Actor, audited } from "./audited";

type Self = Actor & { user: { id: string; email: string } };

const wrongCode = () => appError("BAD_REQUEST", "errors.second_factor_code", { field: "otp" });

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
 * Starts setting up: a new secret, waiting for a code. Until confirmed, a second factor that
 * is already set up stays as it is (someone who starts over on a new phone is not locked out).
 */
export async function beginSecondFactor(ctx: Self) {
  const secret = newTotpSecret();
  await setPendingSecret(ctx.db, ctx.user.id, secret);
  const { uri, qrSvg } = await enrolment(secret, ctx.user.email);
  return { secret, uri, qrSvg };
}

/** Confirms the pending secret with a code from the app; returns the recovery codes, once. */
export async function confirmSecondFactor(ctx: Self, code: string) {
  const codes = newRecoveryCodes();
  await audited(ctx, { action: "second_factor_on", entity: "user" }, async (tx) => {
    const mfa = await getMfa(tx, ctx.user.id);
    if (!mfa?.pendingSecret) throw appError("CONFLICT", "errors.second_factor_not_started");
    const step = acceptedStep(mfa.pendingSecret, code, null);
    if (step === null) throw wrongCode();
    await confirmSecret(tx, ctx.user.id, mfa.pendingSecret, step, codes.map(hashRecoveryCode));
    return { result: null, entityId: ctx.user.id, after: { recoveryCodes: codes.length } };
  });
  return { recoveryCodes: codes };
}

/** New recovery codes (the old ones stop working), after a current code. */
export async function renewRecoveryCodes(ctx: Self, code: string) {
  const codes = newRecoveryCodes();
  await audited(ctx, { action: "recovery_codes", entity: "user" }, async (tx) => {
    const mfa = await getMfa(tx, ctx.user.id);
    if (!mfa?.secret) throw appError("CONFLICT", "errors.second_factor_not_started");
    if ((await verifySecondFactor(tx, { ...mfa, secret: mfa.secret }, code)) !== "code")
      throw wrongCode();
    await confirmSecret(
      tx,
      ctx.user.id,
      mfa.secret,
      mfa.lastStep ?? 0,
      codes.map(hashRecoveryCode),
    );
    return { result: null, entityId: ctx.user.id };
  });
  return { recoveryCodes: codes };
}

/** Turns the second factor off, after a current code; not where it is required. */
export async function disableSecondFactor(ctx: Self & { required: boolean }, code: string) {
  if (ctx.required) throw appError("FORBIDDEN", "errors.second_factor_needed_for_role");
  await audited(ctx, { action: "second_factor_off", entity: "user" }, async (tx) => {
    const mfa = await getMfa(tx, ctx.user.id);
    if (!mfa?.secret) throw appError("CONFLICT", "errors.second_factor_not_started");
    if (!(await verifySecondFactor(tx, { ...mfa, secret: mfa.secret }, code))) throw wrongCode();
    await removeSecondFactor(tx, ctx.user.id);
    return { result: null, entityId: ctx.user.id };
  });
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
