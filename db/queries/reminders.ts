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

type CaseRow = InPartnership & { caseId: string; code: string; dueOn: string; weeks: string };

const recipient = sql`u.id as "userId", u.email, u.name, u.locale`;
/** A member today: the membership not removed (a removed member is mailed nothing). */
const member = sql`m.deleted_at is null`;
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
      join memberships m on m.partnership_id = s.partnership_id and m.user_id = sp.user_id
        and ${member}
      join users u on u.id = sp.user_id
      where r.closed_at is null
        and ${nudge ? sql`s.held_on = (${today}::date + 1)` : sql`s.held_on >= ${today}::date`}
        and not exists (select 1 from round_responses rr
                        where rr.round_id = r.id and rr.participant_id = sp.id)
        and ${active(kind)}`),
  );
}

/**
 * Open actions due within three days (`overdue`: past their day), to the members who work for
 * the action's owner organisation; to the coordinators when it has no owner or nobody there
 * has an active account in the partnership.
 */
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
      join memberships m on m.partnership_id = a.partnership_id and ${member}
      join users u on u.id = m.user_id
      where a.deleted_at is null and a.status in ('open', 'continued')
        and (m.organisation_id = a.owner_organisation_id
             or (m.role = 'coordinator' and not exists (
               select 1 from memberships mo join users uo on uo.id = mo.user_id
               where mo.partnership_id = a.partnership_id and mo.deleted_at is null
                 and mo.organisation_id = a.owner_organisation_id
                 and uo.deactivated_at is null)))
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
      join memberships m on m.partnership_id = p.id and m.role = 'coordinator' and ${member}
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

/** An open action of a session that was not removed (a removed session's actions go with it). */
const openAction = sql`a.deleted_at is null and a.status in ('open', 'continued')
  and exists (select 1 from reflection_sessions s
              where s.id = a.session_id and s.deleted_at is null)`;

/**
 * Coordinators and leaders, with their partnership's cadence and open and overdue actions, for
 * the digest.
 */
export async function digestEvents(db: DbOrTx, today: string) {
  return rowsOf<InPartnership & { cadence: string; open: string; overdue: string }>(
    await db.execute(sql`
      select ${recipient}, p.id as "partnershipId", p.name as "partnershipName",
             p.reflection_cadence::text as cadence,
             (select count(*) from reflection_actions a
              where a.partnership_id = p.id and ${openAction})::text as open,
             (select count(*) from reflection_actions a
              where a.partnership_id = p.id and ${openAction}
                and a.due_on < ${today}::date)::text as overdue
      from partnerships p
      join memberships m on m.partnership_id = p.id and m.role in ('coordinator', 'leader')
        and ${member}
      join users u on u.id = m.user_id
      where p.deleted_at is null and ${active("weekly_digest")}`),
  );
}

/**
 * Open cases with a rhythm whose next check-in is due by `today` (domain/cadence.ts
 * nextCheckInDue: the latest check-in, or the day the case opened, plus the rhythm), to the
 * professionals assigned to it who still work on cases (a member made leader no longer opens
 * them); to the coordinators when nobody does.
 * The due day is part of the event, so a case is reminded once per check-in it waits for.
 */
export async function caseCheckInEvents(db: DbOrTx, today: string) {
  return rowsOf<CaseRow>(
    await db.execute(sql`
      with due as (
        select c.id, c.partnership_id, c.code, c.check_in_every_weeks,
               coalesce((select max(ci.held_on) from check_ins ci
                         where ci.case_id = c.id and ci.deleted_at is null), c.opened_on)
                 + c.check_in_every_weeks * 7 as due_on
        from cases c
        where c.deleted_at is null and c.closed_on is null and c.check_in_every_weeks is not null
      )
      select ${recipient}, d.id as "caseId", d.code, d.due_on::text as "dueOn",
             d.check_in_every_weeks::text as weeks,
             p.id as "partnershipId", p.name as "partnershipName"
      from due d
      join partnerships p on p.id = d.partnership_id and p.deleted_at is null
      join memberships m on m.partnership_id = d.partnership_id and ${member}
      join users u on u.id = m.user_id
      where d.due_on <= ${today}::date
        and (exists (select 1 from case_assignments ca
                     where ca.case_id = d.id and ca.user_id = m.user_id and ca.deleted_at is null
                       and m.role in ('coordinator', 'professional'))
             or (m.role = 'coordinator' and not exists (
               select 1 from case_assignments ca
               join memberships ma on ma.user_id = ca.user_id
                 and ma.partnership_id = ca.partnership_id and ma.deleted_at is null
                 and ma.role in ('coordinator', 'professional')
               join users ua on ua.id = ca.user_id and ua.deactivated_at is null
               where ca.case_id = d.id and ca.deleted_at is null)))
        and ${active("case_check_in")}`),
  );
}

/** For the digest, per partnership: its five longest overdue open actions. */
export async function longestOverdue(db: DbOrTx, partnershipIds: string[], today: string) {
  if (partnershipIds.length === 0) return [];
  const ids = sql.join(
    partnershipIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf<{ partnershipId: string; description: string; dueOn: string }>(
    await db.execute(sql`
      select partnership_id as "partnershipId", description, due_on::text as "dueOn"
      from (select a.*, row_number() over (partition by a.partnership_id
                                           order by a.due_on, a.created_at) as n
            from reflection_actions a
            where a.partnership_id in (${ids}) and ${openAction}
              and a.due_on < ${today}::date) ranked
      where n <= 5
      order by due_on`),
  );
}
