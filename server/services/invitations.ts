/**
 * Invitations: how a coordinator brings someone into a partnership. The coordinator names an
 * e-mail address and a role; the answer is the same whether or not an account with that
 * address exists (no one learns from it who is on the platform). The invitee, signed in with
 * that address, sees the invitation on their home page and accepts or declines it; only an
 * acceptance makes them a member. An admin may still place an account at once (addMember in
 * server/services/partnerships.ts).
 */
import type { z } from "zod";
import {
  getOpenInvitation,
  isMemberByEmail,
  openInvitationFor,
  updateInvitation,
  upsertInvitation,
} from "@/db/queries/invitations";
import { insertMembership } from "@/db/queries/partnerships";
import type { roleSchema } from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { type Actor, audited, type InPartnership } from "./audited";

const shown = (row: {
  id: string;
  email: string;
  role: z.infer<typeof roleSchema>;
  createdAt: Date;
  version: number;
}) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdAt: row.createdAt,
  version: row.version,
});

export function invite(
  ctx: InPartnership,
  input: { email: string; role: z.infer<typeof roleSchema> },
) {
  const email = input.email.trim().toLowerCase();
  return audited(ctx, { action: "invite", entity: "invitation" }, async (tx) => {
    // The coordinator sees the members anyway: saying so tells nothing new.
    if (await isMemberByEmail(tx, ctx.partnership.id, email))
      throw appError("CONFLICT", "errors.already_member", { field: "email" });
    const row = await upsertInvitation(tx, {
      partnershipId: ctx.partnership.id,
      email,
      role: input.role,
      invitedBy: ctx.user.id,
    });
    return { result: shown(row), after: { email, role: input.role } };
  });
}

export function withdrawInvitation(ctx: InPartnership, id: string, version: number) {
  return audited(ctx, { action: "withdraw", entity: "invitation" }, async (tx) => {
    const before = await getOpenInvitation(tx, ctx.partnership.id, id);
    if (!before) throw notFound();
    const after = await updateInvitation(tx, { id, version, values: { deletedAt: new Date() } });
    return { result: shown(after), before: shown(before), after: shown(after) };
  });
}

/** The invitee's answer: accepting makes them a member in the role they were invited to. */
export function answerInvitation(
  ctx: Actor & { user: { id: string; email: string } },
  input: { id: string; version: number; answer: "accepted" | "declined" },
) {
  return audited(ctx, { action: input.answer, entity: "invitation" }, async (tx) => {
    const invitation = await openInvitationFor(tx, input.id, ctx.user.email.toLowerCase());
    if (!invitation) throw notFound();
    if (
      input.answer === "accepted" &&
      !(await isMemberByEmail(tx, invitation.partnershipId, invitation.email))
    )
      await insertMembership(tx, {
        partnershipId: invitation.partnershipId,
        userId: ctx.user.id,
        role: invitation.role,
      });
    await updateInvitation(tx, {
      id: invitation.id,
      version: input.version,
      values: { answer: input.answer, answeredAt: new Date() },
    });
    return {
      result: { partnershipId: invitation.partnershipId, answer: input.answer },
      entityId: invitation.id,
      partnershipId: invitation.partnershipId,
      after: { answer: input.answer, role: invitation.role },
    };
  });
}
