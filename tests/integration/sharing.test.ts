/**
 * "Per-partnership detail only where that partnership shares it" (docs/DOMAIN.md "Sharing with the municipality"): an analyst of
 * the partnership's municipality reads its overview, dashboard and goals when it shares full
 * read access — never its people, its sessions' individual scores, its cases or case figures,
 * and never a change.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { partnerships } from "@/db/schema";
import { formattedError } from "../helpers/errors";
import { goalFields } from "../helpers/fixtures";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const share = (sharing: "full" | "aggregates") =>
  database.db
    .update(partnerships)
    .set({ municipalitySharing: sharing })
    .where(eq(partnerships.id, world.p.id));

describe("full read access for the municipality", () => {
  it("lets its own analyst read, and nothing more", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const goal = await coordinator.goals.create({ ...p, ...goalFields });
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-01-20" });

    const analyst = await callerFor(database.db, world, "analyst");
    // Without sharing the partnership does not exist for them; with it, what is not shared is
    // refused outright (domain/permissions.ts refusalFor).
    expect((await formattedError(analyst.partnerships.get(p))).code).toBe("NOT_FOUND");

    await share("full");
    expect((await analyst.partnerships.get(p)).myRole).toBe("analyst");
    expect((await analyst.dashboards.partnership(p)).goals.map((g) => g.id)).toContain(goal.id);
    expect((await analyst.goals.get({ ...p, goalId: goal.id })).id).toBe(goal.id);
    expect((await analyst.goals.list(p)).map((g) => g.id)).toContain(goal.id);
    // The dashboard's sector gaps are means of a few people: left out for a municipality.
    expect((await analyst.dashboards.partnership(p)).gaps).toEqual([]);

    // Each call starts when it is awaited: a rejection made earlier would go unhandled meanwhile.
    for (const call of [
      // A session holds each participant's own scores, a parent's too.
      () => analyst.reflections.list(p),
      () => analyst.reflections.get({ ...p, sessionId: session.id }),
      () => analyst.partnerships.members(p),
      () => analyst.dashboards.cases(p),
      () => analyst.cases.list(p),
      () => analyst.trash.list(p),
      () => analyst.goals.create({ ...p, ...goalFields }),
      () => analyst.reflections.plan({ ...p, heldOn: "2026-02-20" }),
      () =>
        analyst.partnerships.update({
          ...p,
          version: 1,
          name: "Overgenomen",
          form: "vindbaar",
          purpose: "",
          intendedImpact: "",
          reflectionCadence: "yearly",
          municipalitySharing: "full",
        }),
    ])
      expect((await formattedError(call())).code).toBe("FORBIDDEN");

    // Another municipality's analyst, and this one once sharing stops: not found.
    const other = await callerFor(database.db, world, "otherAnalyst");
    expect((await formattedError(other.partnerships.get(p))).code).toBe("NOT_FOUND");
    await share("aggregates");
    expect((await formattedError(analyst.goals.list(p))).code).toBe("NOT_FOUND");
  });

  it("shows an analyst a session's scores only when enough people scored it", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const analyst = await callerFor(database.db, world, "analyst");
    const p = { partnershipId: world.p.id };
    const held = async (heldOn: string, people: number) => {
      const session = await coordinator.reflections.plan({ ...p, heldOn });
      for (let i = 0; i < people; i++) {
        const who = await coordinator.reflections.addParticipant({
          ...p,
          sessionId: session.id,
          name: `Deelnemer ${i}`,
          sector: i === 0 ? "parent" : "education",
        });
        await coordinator.reflections.saveScores({
          ...p,
          sessionId: session.id,
          participantId: who.id,
          version: who.version,
          scores: [{ factorId: "B1", score: i === 0 ? 1 : 4 }],
        });
      }
      const row = await leader.reflections.get({ ...p, sessionId: session.id });
      await leader.reflections.signOff({
        ...p,
        sessionId: session.id,
        version: row.version,
        revision: row.revision,
      });
      return session.id;
    };
    // One parent alone: their own score would be the session's.
    const alone = await held("2025-02-03", 1);
    await share("full");
    expect((await analyst.dashboards.partnership(p)).trend.map((t) => t.sessionId)).not.toContain(
      alone,
    );
    expect((await coordinator.dashboards.partnership(p)).trend.map((t) => t.sessionId)).toContain(
      alone,
    );
    // Five people: the session counts for the analyst too.
    const five = await held("2025-03-03", 5);
    const seen = await analyst.dashboards.partnership(p);
    expect(seen.trend.map((t) => t.sessionId)).toContain(five);
    expect(seen.trend.map((t) => t.sessionId)).not.toContain(alone);
    expect(seen.minScorers).toBe(5);
    await share("aggregates");
  });
});
