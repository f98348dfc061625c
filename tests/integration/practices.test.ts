/**
 * "Wat werkt" entries: kept by a partnership's coordinator (identifiers and names refused), and
 * shared with others only when opted in — nationwide or within the municipality, named only
 * when the partnership agreed ("Wat werkt elders", server/routers/practices.ts).
 */
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { partnerships } from "@/db/schema";
import { formattedError } from "../helpers/errors";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const entry = {
  factorId: "R6",
  text: "Ouders schuiven aan bij het eerste overleg, met een tolk waar dat helpt.",
  schoolType: "po" as const,
  shared: false,
  reach: "national" as const,
  showName: false,
};

describe("what works", () => {
  it("is kept by the coordinator, guarded, and shared only when opted in and as agreed", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const otherCoordinator = await callerFor(database.db, world, "otherMember");
    const p = { partnershipId: world.p.id };
    const q = { partnershipId: world.q.id };
    const find = (where: "national" | "municipality", extra: object = {}) =>
      otherCoordinator.practices.elsewhere({ ...q, factorId: "R6", where, ...extra });

    // Identifiers and names are refused, naming the field.
    const bsn = await formattedError(
      coordinator.practices.create({ ...p, ...entry, text: "Bel 0612345678 voor de afspraak." }),
    );
    expect(bsn.fieldErrors?.text).toMatch(/^Wat werkt: /);
    const named = await formattedError(
      coordinator.practices.create({
        ...p,
        ...entry,
        text: "Jan de Vries van school belt de ouders.",
      }),
    );
    expect(named.fieldErrors?.text).toBeTruthy();
    const unknownFactor = await formattedError(
      coordinator.practices.create({ ...p, ...entry, factorId: "Z9" }),
    );
    expect(unknownFactor.fieldErrors?.factorId).toBeTruthy();

    const kept = await coordinator.practices.create({ ...p, ...entry });
    expect(await coordinator.practices.list(p)).toMatchObject([{ id: kept.id, shared: false }]);
    // Not shared: nobody else finds it.
    expect(await find("national")).toEqual([]);

    const shared = await coordinator.practices.update({
      ...p,
      ...entry,
      id: kept.id,
      version: kept.version,
      shared: true,
    });
    const found = await find("national");
    expect(found).toMatchObject([{ id: kept.id, text: entry.text }]);
    // Without its agreement, nothing points to the partnership: no name, form or place, and
    // only the month it was written.
    expect(found[0]).toMatchObject({ partnershipName: null, form: null, sameMunicipality: null });
    expect(found[0]?.updatedAt.getUTCDate()).toBe(1);
    // Narrowed by form and school type.
    expect(await find("national", { form: "geintegreerd" })).toEqual([]);
    expect(await find("national", { schoolType: "vo" })).toEqual([]);
    expect(await find("national", { schoolType: "po" })).toHaveLength(1);
    // One for no particular school type is found for every school type.
    const general = await coordinator.practices.create({
      ...p,
      ...entry,
      schoolType: null,
      shared: true,
    });
    expect((await find("national", { schoolType: "vo" })).map((x) => x.id)).toEqual([general.id]);
    const gone = await coordinator.practices.list(p);
    const generalNow = gone.find((x) => x.id === general.id);
    await coordinator.practices.remove({ ...p, id: general.id, version: generalNow?.version ?? 1 });
    // Q is in another municipality: nothing of its own municipality.
    expect(await find("municipality")).toEqual([]);
    // A partnership does not find its own entries "elsewhere".
    expect(
      await coordinator.practices.elsewhere({ ...p, factorId: "R6", where: "national" }),
    ).toEqual([]);

    const named2 = await coordinator.practices.update({
      ...p,
      ...entry,
      id: kept.id,
      version: shared.version,
      shared: true,
      showName: true,
      reach: "municipality",
    });
    // Within the municipality only: Q (elsewhere) no longer sees it; a partnership of P's
    // municipality does, with the name.
    expect(await find("national")).toEqual([]);
    const [neighbour] = await database.db
      .insert(partnerships)
      .values({ name: "Buren", municipalityId: world.muniA.id, form: "op_school" })
      .returning();
    const admin = await callerFor(database.db, world, "admin");
    const nearby = await admin.practices.elsewhere({
      partnershipId: neighbour?.id ?? "",
      factorId: "R6",
      where: "municipality",
    });
    expect(nearby).toMatchObject([
      { id: kept.id, partnershipName: "Samenwerking P", form: "op_school", sameMunicipality: true },
    ]);

    await coordinator.practices.remove({ ...p, id: kept.id, version: named2.version });
    expect(await coordinator.practices.list(p)).toEqual([]);
    expect(
      await admin.practices.elsewhere({
        partnershipId: neighbour?.id ?? "",
        factorId: "R6",
        where: "municipality",
      }),
    ).toEqual([]);
  });
});
