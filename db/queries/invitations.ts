/** Invitations to join a partnership (db/schema/people.ts). */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { invitations, memberships, partnerships, users } from "../schema";
import type { DbOrTx } from "../types";
import { updateVersioned } from "./rows";

const open = and(isNull(invitations.answeredAt), isNull(invitations.deletedAt));

/**
 * Invites `email` in `role`; an open invitation for the same address is kept and gets the new
 * role, so inviting twice sends one invitation.
 */
export async function upsertInvitation(
  db: DbOrTx,
  values: {
    partnershipId: string;
    email: string;
    role: (typeof invitations.$inferInsert)["role"];
    invitedBy: string;
  },
) {
  const [existing] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.partnershipId, values.partnershipId),
        eq(invitations.email, values.email),
        open,
      ),
    )
    .for("update");
  if (existing) {
    const [row] = await db
      .update(invitations)
      // A new version: an answer given to the old role is a conflict, not a yes to the new one.
      .set({
        role: values.role,
        invitedBy: values.invitedBy,
        updatedAt: new Date(),
        version: sql`${invitations.version} + 1`,
      })
      .where(eq(invitations.id, existing.id))
      .returning();
    return row ?? existing;
  }
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** A partnership's open invitations, by address. */
export function listInvitations(db: DbOrTx, partnershipId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      version: invitations.version,
    })
    .from(invitations)
    .where(and(eq(invitations.partnershipId, partnershipId), open))
    .orderBy(asc(invitations.email));
}

/** The open invitations for an address, with the partnership's name and who invited. */
export function listInvitationsFor(db: DbOrTx, email: string) {
  return db
    .select({
      id: invitations.id,
      partnershipId: invitations.partnershipId,
      partnershipName: partnerships.name,
      role: invitations.role,
      invitedByName: users.name,
      createdAt: invitations.createdAt,
      version: invitations.version,
    })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.email, email), open, isNull(partnerships.deletedAt)))
    .orderBy(asc(partnerships.name));
}

/** An open invitation for this address to a live partnership, locked for the answer. */
export async function openInvitationFor(db: DbOrTx, id: string, email: string) {
  const [row] = await db
    .select({ invitation: invitations })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.email, email),
        open,
        isNull(partnerships.deletedAt),
      ),
    )
    .for("update", { of: invitations });
  return row?.invitation;
}

export async function getOpenInvitation(db: DbOrTx, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.partnershipId, partnershipId), open));
  return row;
}

/** Answers, or withdraws (deletedAt), an invitation at the version it was read at. */
export function updateInvitation(
  db: DbOrTx,
  params: {
    id: string;
    version: number;
    values: Partial<{ answer: "accepted" | "declined"; answeredAt: Date; deletedAt: Date }>;
  },
) {
  return updateVersioned(db, "invitation", invitations, {
    scope: and(eq(invitations.id, params.id), open),
    version: params.version,
    values: params.values,
  });
}

/** Whether this address already belongs to an active member of the partnership. */
export async function isMemberByEmail(db: DbOrTx, partnershipId: string, email: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(users.email, email),
        isNull(memberships.deletedAt),
      ),
    );
  return row !== undefined;
}
