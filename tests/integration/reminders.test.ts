/**
 * Reminders (server/mail/reminders.ts, server/mail/outbox.ts) through a real SMTP server
 * started here (smtp-server), read back with mailparser: every due event arrives once, also
 * when the reminder run and the delivery run twice at the same time (two app instances); an
 * opted-out kind is not sent; each mail is in its recipient's language; an action's reminder
 * goes to whoever works for its owner organisation, a case's check-in reminder to its
 * professionals by the case's rhythm; the job runner
 * (pg-boss, server/jobs.ts) starts on this database and runs the job.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { addDays, today } from "@/domain/dates";
import { runReminders, startJobs, stopJobs } from "@/server/jobs";
import { deliverOutbox } from "@/server/mail/outbox";
import { queueReminders } from "@/server/mail/reminders";
import { formattedError } from "../helpers/errors";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

type Received = { to: string; subject: string; text: string; key: string };
const received: Received[] = [];
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            key: String(mail.headers.get("x-smo-mail") ?? ""),
          });
          done();
        },
        (error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("reminders", () => {
  it("arrive once per event, in the recipient's language, and not when opted out", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const professional = await callerFor(database.db, world, "professional");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const day = today();
    // A round for tomorrow's session: an invitation and the day-before nudge for each member
    // who takes part and has not scored.
    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(day, 1) });
    const s = { ...p, sessionId: session.id };
    await coordinator.reflections.addParticipant({
      ...s,
      name: "Intern begeleider",
      sector: "education",
      userId: world.userIds.professional,
    });
    await coordinator.reflections.addParticipant({
      ...s,
      name: "Teamleider",
      sector: "youth_care",
      userId: world.userIds.leader,
    });
    await coordinator.rounds.open(s);
    await coordinator.reflections.addAction({
      ...s,
      description: "Zorgoverleg met ouders plannen",
      dueOn: addDays(day, 2),
    });
    // The professional reads English; the leader does not want the nudge.
    await professional.me.mail.language({ locale: "en" });
    await leader.me.mail.choose({ kind: "round_nudge", on: false });
    expect((await leader.me.mail.kinds()).kinds.find((k) => k.kind === "round_nudge")).toEqual({
      kind: "round_nudge",
      on: false,
    });

    // Two instances at once, twice over.
    await Promise.all([queueReminders(database.db, day), queueReminders(database.db, day)]);
    await Promise.all([deliverOutbox(database.db, smtpUrl), deliverOutbox(database.db, smtpUrl)]);
    await queueReminders(database.db, day);
    await deliverOutbox(database.db, smtpUrl);

    const keys = received.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    const outbox = await database.db.select().from(mailOutbox);
    expect(outbox.every((m) => m.sentAt !== null)).toBe(true);
    expect(received).toHaveLength(outbox.length);

    const to = (email: string, kind: string) =>
      received.filter((m) => m.to.includes(email) && m.key.startsWith(`${kind}:`));
    const professionalEmail = (await professional.me.get()).email;
    const leaderEmail = (await leader.me.get()).email;
    const coordinatorEmail = (await coordinator.me.get()).email;
    expect(to(professionalEmail, "round_invitation")).toHaveLength(1);
    expect(to(professionalEmail, "round_nudge")).toHaveLength(1);
    expect(to(professionalEmail, "round_nudge")[0]?.subject).toBe(
      "Reflection tomorrow: your scores are still missing",
    );
    expect(to(leaderEmail, "round_invitation")[0]?.subject).toMatch(
      /^Vul uw scores in voor de reflectie van /,
    );
    expect(to(leaderEmail, "round_nudge")).toHaveLength(0);
    const due = to(coordinatorEmail, "action_due");
    expect(due).toHaveLength(1);
    expect(due[0]?.subject).toBe("Actie binnenkort af: Zorgoverleg met ouders plannen");
    expect(due[0]?.text).toContain(`/partnerships/${world.p.id}`);

    // The job's own run (as pg-boss calls it) finds nothing new: nothing is sent twice.
    const before = received.length;
    await runReminders(database.db);
    await deliverOutbox(database.db, smtpUrl);
    expect(received.length).toBe(before);
  });

  it("runs on the job runner in this database", async () => {
    const boss = await startJobs(database, { force: true });
    if (!boss) throw new Error("job runner not started");
    try {
      const id = await boss.send("reminders", {});
      if (!id) throw new Error("job not queued");
      let state: string | undefined;
      for (let i = 0; i < 60 && state !== "completed"; i++) {
        await new Promise((r) => setTimeout(r, 500));
        state = (await boss.getJobById("reminders", id))?.state;
      }
      expect(state).toBe("completed");
    } finally {
      await stopJobs();
    }
  });

  it("without SMTP keeps the mails in the outbox an admin reads", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const coordinator = await callerFor(database.db, world, "coordinator");
    const session = await coordinator.reflections.plan({
      partnershipId: world.p.id,
      heldOn: addDays(today(), 5),
    });
    await coordinator.reflections.addAction({
      partnershipId: world.p.id,
      sessionId: session.id,
      description: "Afspraken met het wijkteam vastleggen",
      dueOn: addDays(today(), 1),
    });
    expect(await queueReminders(database.db, today())).toBeGreaterThan(0);
    expect(await deliverOutbox(database.db, undefined)).toBe(0);
    const outbox = await admin.admin.outbox({ page: 1, pageSize: 50 });
    const waiting = outbox.rows.find((m) => m.subject.includes("Afspraken met het wijkteam"));
    expect(waiting?.sentAt).toBeNull();
    expect(outbox.smtp).toBe(false);
  });

  it("go to the owner organisation's people, and a case's check-in to its professionals", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const day = today();
    const { school, care, team } = world.organisations;
    const own = world.memberships.professional;
    const member = { ...p, id: own.id, version: own.version, role: "professional" as const };

    // A member works for one of the partnership's own partners, not for any organisation.
    const outsider = await formattedError(
      coordinator.partnerships.changeMember({ ...member, organisationId: team.id }),
    );
    expect(outsider.code).toBe("BAD_REQUEST");
    expect(Object.keys(outsider.fieldErrors ?? {})).toEqual(["organisationId"]);
    const saved = await coordinator.partnerships.changeMember({
      ...member,
      organisationId: school.id,
    });
    expect(saved.organisationId).toBe(school.id);
    expect(
      (await coordinator.partnerships.members(p)).find((m) => m.id === own.id)?.organisationId,
    ).toBe(school.id);

    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(day, 20) });
    const s = { ...p, sessionId: session.id };
    const schoolAction = await coordinator.reflections.addAction({
      ...s,
      description: "Leerlingbespreking met jeugdhulp inplannen",
      dueOn: addDays(day, 1),
      ownerOrganisationId: school.id,
    });
    // Nobody works for the care partner here: its action goes to the coordinators.
    const careAction = await coordinator.reflections.addAction({
      ...s,
      description: "Wachtlijst in beeld brengen",
      dueOn: addDays(day, 1),
      ownerOrganisationId: care.id,
    });

    // Opened 20 days ago with a check-in every 2 weeks: due 6 days ago. Every 4 weeks: not yet.
    const due = await professional.cases.create({
      ...p,
      ageBand: "4-12",
      schoolType: "po",
      openedOn: addDays(day, -20),
      checkInEveryWeeks: 2,
    });
    const notYet = await professional.cases.create({
      ...p,
      ageBand: "12-16",
      schoolType: "vo",
      openedOn: addDays(day, -20),
      checkInEveryWeeks: 4,
    });
    const detail = await professional.cases.get({ ...p, caseId: due.id });
    expect(detail.nextCheckIn).toEqual({ dueOn: addDays(day, -6), overdue: true });

    const professionalEmail = (await professional.me.get()).email;
    const coordinatorEmail = (await coordinator.me.get()).email;
    const about = (email: string, kind: string, id: string) =>
      received.filter((m) => m.to.includes(email) && m.key.startsWith(`${kind}:${id}`));
    const run = async (on: string) => {
      await Promise.all([queueReminders(database.db, on), queueReminders(database.db, on)]);
      await deliverOutbox(database.db, smtpUrl);
    };
    await run(day);
    await run(day);

    expect(about(professionalEmail, "action_due", schoolAction.id)).toHaveLength(1);
    expect(about(coordinatorEmail, "action_due", schoolAction.id)).toHaveLength(0);
    expect(about(coordinatorEmail, "action_due", careAction.id)).toHaveLength(1);
    expect(about(professionalEmail, "action_due", careAction.id)).toHaveLength(0);

    const checkIn = about(professionalEmail, "case_check_in", due.id);
    expect(checkIn).toHaveLength(1);
    expect(checkIn[0]?.subject).toBe(`Check-in due for case ${due.code}`);
    expect(checkIn[0]?.text).toContain(`/partnerships/${world.p.id}/cases/${due.id}`);
    expect(about(coordinatorEmail, "case_check_in", due.id)).toHaveLength(0);
    expect(received.filter((m) => m.key.startsWith(`case_check_in:${notYet.id}`))).toHaveLength(0);

    // A check-in held today moves the next one two weeks on: reminded again then, once.
    await professional.cases.addCheckIn({
      ...p,
      caseId: due.id,
      clientRequestId: crypto.randomUUID(),
      heldOn: day,
      ratings: [{ perspective: "school", collaboration: 4, wellbeing: 3, comment: "" }],
    });
    await run(addDays(day, 13));
    expect(about(professionalEmail, "case_check_in", due.id)).toHaveLength(1);
    await run(addDays(day, 14));
    await run(addDays(day, 15));
    expect(
      about(professionalEmail, "case_check_in", due.id).map((m) => m.key.split(":")[2]),
    ).toEqual([addDays(day, -6), addDays(day, 14)]);

    // Closed, the case is reminded of nothing more; the other case by its own rhythm only.
    const current = await professional.cases.get({ ...p, caseId: due.id });
    await professional.cases.close({
      ...p,
      caseId: due.id,
      version: current.version,
      closedOn: day,
      ending: "planned",
    });
    await run(addDays(day, 40));
    expect(about(professionalEmail, "case_check_in", due.id)).toHaveLength(2);
    expect(about(professionalEmail, "case_check_in", notYet.id)).toHaveLength(1);
  });

  it("send the Monday digest with what is overdue and the next reflection", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const day = today();
    // The coming Monday (today when it is one).
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const monday = addDays(day, (8 - weekday) % 7);
    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(day, 30) });
    await coordinator.reflections.addAction({
      ...p,
      sessionId: session.id,
      description: "Terugkoppeling aan de intern begeleiders",
      dueOn: addDays(day, -30),
    });
    await queueReminders(database.db, monday);
    await queueReminders(database.db, monday);
    await deliverOutbox(database.db, smtpUrl);
    const coordinatorEmail = (await coordinator.me.get()).email;
    const digest = received.filter(
      (m) =>
        m.to.includes(coordinatorEmail) &&
        m.key.startsWith(`weekly_digest:${world.p.id}:${monday}:`),
    );
    expect(digest).toHaveLength(1);
    expect(digest[0]?.text).toMatch(/open acties, waarvan [1-9]\d* over tijd\./);
    expect(digest[0]?.text).toContain("Over tijd:");
    expect(digest[0]?.text).toMatch(
      /- Terugkoppeling aan de intern begeleiders \(moest af zijn op \d{1,2} \S+ \d{4}\)/,
    );
    expect(digest[0]?.text).toMatch(/De volgende reflectie is op \d{1,2} \S+ \d{4}\./);
    // Not on another day of the week.
    const before = received.length;
    await queueReminders(database.db, addDays(monday, 1));
    await deliverOutbox(database.db, smtpUrl);
    expect(received.slice(before).filter((m) => m.key.startsWith("weekly_digest:"))).toHaveLength(
      0,
    );
  });

  it("mail nothing to a member who was removed", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const day = today();
    const newcomer = world.users.newcomer;
    const placed = await admin.partnerships.addMember({
      ...p,
      email: newcomer.email,
      role: "professional",
    });
    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(day, 9) });
    const s = { ...p, sessionId: session.id };
    await coordinator.reflections.addParticipant({
      ...s,
      name: "Nieuwe collega",
      sector: "education",
      userId: newcomer.id,
    });
    // The coordinator takes part too: invited, as a member still.
    await coordinator.reflections.addParticipant({
      ...s,
      name: "Coördinator",
      sector: "youth_care",
      userId: world.userIds.coordinator,
    });
    const round = await coordinator.rounds.open(s);
    await coordinator.partnerships.removeMember({ ...p, id: placed.id, version: placed.version });
    const before = received.length;
    await queueReminders(database.db, day);
    await deliverOutbox(database.db, smtpUrl);
    const arrived = received.slice(before);
    expect(arrived.filter((m) => m.to.includes(newcomer.email))).toEqual([]);
    expect(arrived.map((m) => m.key)).toContain(
      `round_invitation:${round.id}:${world.userIds.coordinator}`,
    );
  });
});
