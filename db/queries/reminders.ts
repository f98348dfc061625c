/**
 * What is due for a reminder on a day (server/mail/reminders.ts): each row one event for one
 * account holder, with what the mail needs. Deactivated accounts and opted-out kinds are left
 * out here; the outbox's dedupe key makes sure each event is mailed once.
 */
import { and, inArray, isNull, sql } from "drizzle-orm";
import { reflectionSessions } from "../schema";
import type { DbOrTx } from "../types";
import { rowsOf } from "./rows";

export type Recipient = { userId: string; email: string; name: string; locale: string };
type InPartnership = Recipient & { partnershipId: string; partnershipName: string };
type RoundRow = InPartnership & { roundId: string; sessionId: string; heldOn: string };
type ActionRow = InPartnership & {
  actionId: string;
  description: string;
  dueOn: string;
  ownerName: string;
};

const recipient = sql`u.id as "userId", u.email, u.name, u.locale`;
const active = (kind: string) =>
  sql`u.deactivated_at is null and not exists (
    select 1 from mail_opt_outs o where o.user_id = u.id and o.kind = ${kind})`;

/** Members asked to score an open round they have not responded to; `nudge`: the day before. */
export async function roundEvents(db: DbOrTx, today: string, nudge: boolean) {
  const kind = nudge ? "round_nudge" : "round_invitation";
  return rowsOf<RoundRow>(
    await db.execute(sql`
      select ${recipient}, r.id as "roundId", s.id as "sessionId", s.partnership_id as "partnershipId",
             p.name as "partnershipName", s.held_on::text as "heldOn"
      from scoring_rounds r
      join reflection_sessions s on s.id = r.session_id and s.deleted_at is null
      join partnerships p on p.id = s.partnership_id and p.deleted_at is null
      join session_participants sp on sp.session_id = s.id and sp.deleted_at is null
      join users u on u.id = sp.user_id
      where r.closed_at is null
        and ${nudge ? sql`s.held_on = (${today}::date + 1)` : sql`s.held_on >= ${today}::date`}
        and not exists (select 1 from round_responses rr
                        where rr.round_id = r.id and rr.participant_id = sp.id)
        and ${active(kind)}`),
  );
}

/** Open actions due within three days (`overdue`: past their day), to the coordinators. */
export async function actionEvents(db: DbOrTx, today: string, overdue: boolean) {
  const kind = overdue ? "action_overdue" : "action_due";
  return rowsOf<ActionRow>(
    await db.execute(sql`
      select ${recipient}, a.id as "actionId", a.description, a.due_on::text as "dueOn",
             a.partnership_id as "partnershipId", p.name as "partnershipName",
             coalesce(o.name, '') as "ownerName"
      from reflection_actions a
      join partnerships p on p.id = a.partnership_id and p.deleted_at is null
      join reflection_sessions s on s.id = a.session_id and s.deleted_at is null
      left join organisations o on o.id = a.owner_organisation_id
      join memberships m on m.partnership_id = a.partnership_id and m.role = 'coordinator'
      join users u on u.id = m.user_id
      where a.deleted_at is null and a.status in ('open', 'continued')
        and ${
          overdue
            ? sql`a.due_on < ${today}::date`
            : sql`a.due_on between ${today}::date and (${today}::date + 3)`
        }
        and ${active(kind)}`),
  );
}

/** The partnerships' sessions and cadence, with their coordinators, for the due reflection. */
export async function reflectionRecipients(db: DbOrTx, kind: string) {
  return rowsOf<InPartnership & { cadence: string }>(
    await db.execute(sql`
      select ${recipient}, p.id as "partnershipId", p.name as "partnershipName",
             p.reflection_cadence::text as cadence
      from partnerships p
      join memberships m on m.partnership_id = p.id and m.role = 'coordinator'
      join users u on u.id = m.user_id
      where p.deleted_at is null and ${active(kind)}`),
  );
}

export function sessionsOf(db: DbOrTx, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      partnershipId: reflectionSessions.partnershipId,
      heldOn: reflectionSessions.heldOn,
      status: reflectionSessions.status,
    })
    .from(reflectionSessions)
    .where(
      and(
        inArray(reflectionSessions.partnershipId, partnershipIds),
        isNull(reflectionSessions.deletedAt),
      ),
    );
}

/** Coordinators and leaders, with their partnership's open and overdue actions, for the digest. */
export async function digestEvents(db: DbOrTx, today: string) {
  return rowsOf<InPartnership & { open: string; overdue: string }>(
    await db.execute(sql`
      select ${recipient}, p.id as "partnershipId", p.name as "partnershipName",
             (select count(*) from reflection_actions a where a.partnership_id = p.id
                and a.deleted_at is null and a.status in ('open', 'continued'))::text as open,
             (select count(*) from reflection_actions a where a.partnership_id = p.id
                and a.deleted_at is null and a.status in ('open', 'continued')
                and a.due_on < ${today}::date)::text as overdue
      from partnerships p
      join memberships m on m.partnership_id = p.id and m.role in ('coordinator', 'leader')
      join users u on u.id = m.user_id
      where p.deleted_at is null and ${active("weekly_digest")}`),
  );
}
