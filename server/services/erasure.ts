/**
 * Erasure (GDPR art. 17), an admin's audited act; the database does the erasing itself
 * (erase_user and erase_case, migration 0017), from the subject alone.
 *
 * - A user: every name and e-mail address the account had (its row and its audit rows) replaced
 *   as whole words by "[gewist]" in every human-text column and every jsonb string, the audit
 *   log's copies included (never in ids, hashes, tokens or codes); their login attempts and
 *   invitations removed, the addresses their acts came from cleared, their sessions ended and
 *   the account closed. What they did stays in the record under "Gewist account".
 * - A case: the case and everything of it removed (check-ins, ratings, goals, links, answers:
 *   the foreign keys cascade), its audit rows' copies cleared, its code and own reference
 *   replaced in the partnership's audit log, and the figures worked out again without it.
 *
 * The erasure's own audit row names the record erased, never the erased values.
 */
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { cases, mailOutbox, users } from "@/db/schema";
import { appError, notFound } from "../errors";
import { hashPassword } from "../passwords";
import { type Actor, audited } from "./audited";

/** Whether an account was erased before (erase_user, migration 0017, names it so). */
const erasedAlready = (user: { name: string; email: string }) =>
  user.name === "Gewist account" && user.email.endsWith("@gewist.invalid");

export async function eraseUser(ctx: Actor & { user: { id: string } }, userId: string) {
  if (userId === ctx.user.id) throw appError("FORBIDDEN", "errors.erase_self");
  // A password no one knows, made before the transaction (hashing takes a while).
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return audited(ctx, { action: "erase", entity: "user" }, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound();
    // A second erasure (a retry) would look for "Gewist account" everywhere: refused instead.
    if (erasedAlready(user)) throw appError("CONFLICT", "errors.already_erased");
    // The database finds every name and address the account had and replaces them (0017).
    await tx.execute(sql`select erase_user(${userId}::uuid)`);
    // Mail to the account held its address and name: gone with them (db/schema/mail.ts).
    await tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId));
    await tx
      .update(users)
      .set({
        passwordHash,
        deactivatedAt: user.deactivatedAt ?? new Date(),
        sessionGeneration: sql`${users.sessionGeneration} + 1`,
      })
      .where(eq(users.id, userId));
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
      const [row] = await tx.select({ id: cases.id }).from(cases).where(scope).for("update");
      if (!row) throw appError("NOT_FOUND", "errors.case_code_unknown", { field: "code" });
      await tx.execute(sql`select erase_case(${row.id}::uuid, ${input.partnershipId}::uuid)`);
      return {
        result: { erased: true },
        entityId: row.id,
        partnershipId: input.partnershipId,
        after: { erased: ["case"] },
      };
    },
  );
}
