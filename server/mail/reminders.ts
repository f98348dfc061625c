/**
 * Reminders that keep the rhythm: for a day, every due event becomes a mail in the outbox in
 * its recipient's language — scoring round invitations and the day-before nudge, a reflection
 * due in 14 days or overdue, actions due within 3 days or overdue, a case's check-in due by its
 * rhythm, and on Mondays a weekly digest. Each mail's dedupe key names its event, so running this again (or on several app
 * instances at once) queues nothing twice. Parents and young people are never mailed: they
 * have no account, and their contact details are never stored.
 */
import { createTranslator } from "next-intl";
import { type QueuedMail, queueMails } from "@/db/queries/mail";
import {
  actionEvents,
  caseCheckInEvents,
  digestEvents,
  longestOverdue,
  type Recipient,
  reflectionRecipients,
  roundEvents,
  sessionsOf,
} from "@/db/queries/reminders";
import type { Db } from "@/db/types";
import { nextReflectionDue } from "@/domain/cadence";
import { addDays } from "@/domain/dates";
import { readableDay } from "@/domain/heard";
import type { ReflectionCadence } from "@/domain/vocabulary";
import { env } from "@/env";
import { messages, resolveLocale } from "@/i18n/locales";
import type { MailKind } from "./kinds";

function baseUrl() {
  return (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * One mail: subject and text from messages (mail.<kind>), with the link and a way out;
 * `more` adds lines after the text, written in the recipient's language.
 */
function compose(
  kind: MailKind,
  key: string,
  to: Recipient,
  values: Record<string, string | undefined>,
  path: string,
  more?: (t: Translate, day: (iso: string) => string) => string[],
): QueuedMail {
  const locale = resolveLocale(to.locale);
  // The mail texts are looked up by kind: typed as plain keys, not the whole message tree.
  const t = createTranslator({ locale, messages: messages[locale] }) as unknown as Translate;
  const day = (iso: string | undefined) => (iso ? readableDay(locale, iso) : "");
  const args = {
    ...values,
    name: to.name,
    heldOn: day(values.heldOn),
    dueOn: day(values.dueOn),
  };
  return {
    dedupeKey: `${kind}:${key}:${to.userId}`,
    userId: to.userId,
    kind,
    toEmail: to.email,
    locale,
    subject: t(`mail.${kind}.subject`, args),
    body: [
      t("mail.greeting", args),
      "",
      t(`mail.${kind}.body`, args),
      ...(more ? ["", ...more(t, day)] : []),
      "",
      `${baseUrl()}${path}`,
      "",
      t("mail.footer", { settings: `${baseUrl()}/account` }),
    ].join("\n"),
  };
}

/** Queues every reminder due on `today` (YYYY-MM-DD); returns how many mails were new. */
export async function queueReminders(db: Db, today: string): Promise<number> {
  const mails: QueuedMail[] = [];
  for (const nudge of [false, true]) {
    for (const r of await roundEvents(db, today, nudge))
      mails.push(
        compose(
          nudge ? "round_nudge" : "round_invitation",
          r.roundId,
          r,
          r,
          `/partnerships/${r.partnershipId}/reflections/${r.sessionId}`,
        ),
      );
  }
  for (const overdue of [false, true]) {
    for (const a of await actionEvents(db, today, overdue))
      mails.push(
        compose(
          overdue ? "action_overdue" : "action_due",
          a.actionId,
          a,
          a,
          `/partnerships/${a.partnershipId}`,
        ),
      );
  }
  for (const c of await caseCheckInEvents(db, today))
    mails.push(
      compose(
        "case_check_in",
        `${c.caseId}:${c.dueOn}`,
        c,
        c,
        `/partnerships/${c.partnershipId}/cases/${c.caseId}`,
      ),
    );
  // The reflection reminders and the Monday digest (in the Netherlands' calendar, which `today`
  // already is) read the same sessions, fetched once for all their partnerships.
  const monday = new Date(`${today}T12:00:00Z`).getUTCDay() === 1;
  const reflectionKinds = ["reflection_due", "reflection_overdue"] as const;
  const reflections = await Promise.all(reflectionKinds.map((k) => reflectionRecipients(db, k)));
  const digests = monday ? await digestEvents(db, today) : [];
  const partnershipIds = [
    ...new Set([...reflections.flat(), ...digests].map((r) => r.partnershipId)),
  ];
  const sessions = await sessionsOf(db, partnershipIds);
  const dueOf = (r: { partnershipId: string; cadence: string }) =>
    nextReflectionDue(
      r.cadence as ReflectionCadence,
      sessions.filter((s) => s.partnershipId === r.partnershipId),
      today,
    );
  reflectionKinds.forEach((kind, k) => {
    for (const r of reflections[k] ?? []) {
      const due = dueOf(r);
      if (due.plannedOn) continue;
      const fits = kind === "reflection_due" ? due.dueOn === addDays(today, 14) : due.overdue;
      if (fits)
        mails.push(
          compose(
            kind,
            `${r.partnershipId}:${due.dueOn}`,
            r,
            { ...r, dueOn: due.dueOn },
            `/partnerships/${r.partnershipId}/reflections`,
          ),
        );
    }
  });
  const overdueActions = await longestOverdue(
    db,
    [...new Set(digests.map((d) => d.partnershipId))],
    today,
  );
  for (const d of digests) {
    const overdue = overdueActions.filter((a) => a.partnershipId === d.partnershipId);
    const { plannedOn } = dueOf(d);
    mails.push(
      compose(
        "weekly_digest",
        `${d.partnershipId}:${today}`,
        d,
        d,
        `/partnerships/${d.partnershipId}`,
        (t, day) => [
          ...(overdue.length > 0 ? [t("mail.weekly_digest.overdueHeading")] : []),
          ...overdue.map((a) =>
            t("mail.weekly_digest.overdueLine", {
              description: a.description,
              dueOn: day(a.dueOn),
            }),
          ),
          plannedOn
            ? t("mail.weekly_digest.planned", { heldOn: day(plannedOn) })
            : t("mail.weekly_digest.nonePlanned"),
        ],
      ),
    );
  }
  return queueMails(db, mails);
}
