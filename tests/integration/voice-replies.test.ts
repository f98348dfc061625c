/**
 * Writing back on a parent's answer (cases.replyToVoice): the professional says what is done
 * with what the parent gave through their link; the parent reads it at their next link; the
 * dashboard counts how often answers were written back on, for coordinators, and withholds so
 * small a count from others.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { today } from "@/domain/dates";
import { formattedError } from "../helpers/errors";
import { anonymousFrom, callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

describe("writing back on a voice", () => {
  it("reaches the parent at their next link and counts on the dashboard", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({ ...p, ageBand: "12-16", schoolType: "vo" });
    const c = { ...p, caseId: created.id };
    const first = await professional.cases.createLink({ ...c, perspective: "parent" });
    const parent = await anonymousFrom(database.db, "192.0.2.81");
    await parent.voice.submit({
      token: first.path.replace("/stem/", ""),
      collaboration: 2,
      wellbeing: 3,
      comment: "We horen weinig van school",
    });
    await professional.cases.addCheckIn({
      ...c,
      clientRequestId: crypto.randomUUID(),
      heldOn: today(),
      ratings: [{ perspective: "school", collaboration: 3, wellbeing: 3 }],
    });
    const detail = await professional.cases.get(c);
    const voice = detail.voices.find((v) => v.perspective === "parent");
    if (!voice) throw new Error("the parent's answer was not taken into the check-in");
    expect(voice.reply).toBeNull();

    const bsn = await formattedError(
      professional.cases.replyToVoice({ ...c, responseId: voice.id, reply: "Bel 0612345678" }),
    );
    expect(bsn.fieldErrors?.reply).toBeTruthy();
    const unknown = await formattedError(
      professional.cases.replyToVoice({ ...c, responseId: crypto.randomUUID(), reply: "Goed" }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    const reply = "De mentor belt u voortaan elke twee weken.";
    await professional.cases.replyToVoice({ ...c, responseId: voice.id, reply });
    expect((await professional.cases.get(c)).voices[0]?.reply).toBe(reply);

    const next = await professional.cases.createLink({ ...c, perspective: "parent" });
    const opened = await parent.voice.open({ token: next.path.replace("/stem/", "") });
    expect(opened.replies.map((r) => r.reply)).toEqual([reply]);
    // The young person's link does not show what was written back to the parent.
    const young = await professional.cases.createLink({ ...c, perspective: "young_person" });
    expect((await parent.voice.open({ token: young.path.replace("/stem/", "") })).replies).toEqual(
      [],
    );

    expect((await coordinator.dashboards.cases(p)).voices).toEqual({ received: 1, answered: 1 });
    expect((await leader.dashboards.cases(p)).voices).toEqual({ received: null, answered: null });
  });
});
