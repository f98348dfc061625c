/**
 * Erasure (GDPR art. 17), an admin's audited act.
 *
 * - A user: their name and e-mail address (and those the account had before, as its audit rows
 *   kept them) replaced everywhere they occur — the account itself,
 *   every text and jsonb column of every table, the audit log's copies of rows included
 *   (erase_text, migration 0016) — their login attempts and invitations removed, their
 *   sessions ended and the account closed. What they did stays in the record under
 *   "Gewist account"; who they were does not.
 * - A case: the case and everything of it removed (check-ins, ratings, goals, links, answers:
 *   the foreign keys cascade), its audit rows' copies cleared, its code replaced wherever it is
 *   still written, and the partnership's figures worked out again without it.
 *
 * The erasure's own audit row names the record erased, never the erased values.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "@/db/queries/rows";
import {
  caseGoals,
  cases,
  checkIns,
  invitations,
  loginAttempts,
  users,
  voiceLinks,
} from "@/db/schema";
import type { Tx } from "@/db/types";
import { appError, notFound } from "../errors";
import { hashPassword } from "../passwords";
import { type Actor, audited } from "./audited";

const ERASED = "[gewist]";

/** A text[] literal of bound values (drizzle binds an array as a list, not as one array). */
const textArray = (values: string[]) =>
  values.length === 0
    ? sql`'{}'::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

async function eraseText(tx: Tx, needles: string[], recordIds: string[]) {
  await tx.execute(
    sql`select erase_text(${textArray(needles)}, ${ERASED}, ${textArray(recordIds)})`,
  );
}

export async function eraseUser(ctx: Actor & { user: { id: string } }, userId: string) {
  if (userId === ctx.user.id) throw appError("FORBIDDEN", "errors.erase_self");
  // A password no one knows, made before the transaction (hashing takes a while).
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return audited(ctx, { action: "erase", entity: "user" }, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound();
    // The names and addresses the account had before, too, as its audit rows kept them.
    const earlier = rowsOf<{ value: string | null }>(
      await tx.execute(sql`select distinct v as value from audit_log,
        lateral (values (before->>'name'), (after->>'name'), (before->>'email'), (after->>'email')) as x(v)
        where entity = 'user' and entity_id = ${userId} and v is not null`),
    ).map((r) => r.value ?? "");
    const needles = [...new Set([user.name, user.email, ...earlier])].filter((v) => v.length >= 2);
    await tx.delete(loginAttempts).where(eq(loginAttempts.email, user.email.toLowerCase()));
    await tx
      .delete(invitations)
      .where(eq(sql`lower(${invitations.email})`, user.email.toLowerCase()));
    await tx
      .update(users)
      .set({
        name: "Gewist account",
        email: `gewist-${user.id}@gewist.invalid`,
        passwordHash,
        deactivatedAt: user.deactivatedAt ?? new Date(),
        sessionGeneration: sql`${users.sessionGeneration} + 1`,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId));
    await eraseText(tx, needles, []);
    return { result: { erased: true }, entityId: userId, after: { erased: ["name", "email"] } };
  });
}

export async function eraseCase(
  ctx: Actor & { user: { id: string } },
  input: { partnershipId: string; code: string },
) {
  return audited(
    ctx,
    { action: "erase", entity: "case", figures: ["cases", "reporting"] },
    async (tx) => {
      const scope = and(eq(cases.code, input.code), eq(cases.partnershipId, input.partnershipId));
      const [row] = await tx.select().from(cases).where(scope).for("update");
      if (!row) throw appError("NOT_FOUND", "errors.case_code_unknown", { field: "code" });
      // The ids its audit rows name: the case's and its parts'.
      const parts = await Promise.all([
        tx.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.caseId, row.id)),
        tx.select({ id: caseGoals.id }).from(caseGoals).where(eq(caseGoals.caseId, row.id)),
        tx.select({ id: voiceLinks.id }).from(voiceLinks).where(eq(voiceLinks.caseId, row.id)),
      ]);
      const ids = [row.id, ...parts.flat().map((p) => p.id)];
      await tx.delete(cases).where(inArray(cases.id, [row.id]));
      await eraseText(
        tx,
        [row.code, row.internalReference].filter((v) => v.length >= 2),
        ids,
      );
      return {
        result: { erased: true },
        entityId: row.id,
        partnershipId: input.partnershipId,
        after: { erased: ["case"] },
      };
    },
  );
}
