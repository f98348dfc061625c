/** Municipalities and organisations (platform administration): audited changes. */
import {
  countLivePartnershipsIn,
  getMunicipality,
  getOrganisation,
  insertMunicipality,
  regionIdFor,
  updateMunicipality,
  updateOrganisation,
} from "@/db/queries/places";
import type { DbOrTx } from "@/db/types";
import { appError, notFound } from "../errors";
import { type Actor, audited, auditedRow } from "./audited";

/** A live municipality, or a field error on `municipalityId`. */
export async function assertMunicipality(db: DbOrTx, municipalityId: string | null) {
  if (!municipalityId) return;
  const municipality = await getMunicipality(db, municipalityId);
  if (!municipality || municipality.deletedAt)
    throw appError("NOT_FOUND", "errors.reference_not_found", { field: "municipalityId" });
}

export function changeOrganisation(
  ctx: Actor,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  values: Parameters<typeof updateOrganisation>[1]["values"],
) {
  return audited(ctx, { action, entity: "organisation" }, async (tx) => {
    if (values.municipalityId !== undefined) await assertMunicipality(tx, values.municipalityId);
    const before = await getOrganisation(tx, id);
    if (!before) throw notFound();
    const after = await updateOrganisation(tx, {
      id,
      version,
      values,
      removed: action === "restore",
    });
    return { result: after, before, after };
  });
}

/** A municipality with live partnerships cannot be removed. */
/** A new municipality, in its youth-care region (made if it is the region's first). */
export function createMunicipality(
  ctx: Actor,
  values: { cbsCode: string; name: string; youthRegion: string },
) {
  return auditedRow(ctx, { action: "create", entity: "municipality" }, async (tx) =>
    insertMunicipality(tx, { ...values, regionId: await regionIdFor(tx, values.youthRegion) }),
  );
}

export function changeMunicipality(
  ctx: Actor,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  values: Parameters<typeof updateMunicipality>[1]["values"],
) {
  return audited(ctx, { action, entity: "municipality" }, async (tx) => {
    if (action === "delete" && (await countLivePartnershipsIn(tx, id)) > 0)
      throw appError("CONFLICT", "errors.municipality_in_use");
    const before = await getMunicipality(tx, id);
    if (!before) throw notFound();
    const regionId = values.youthRegion ? await regionIdFor(tx, values.youthRegion) : undefined;
    const after = await updateMunicipality(tx, {
      id,
      version,
      values: regionId ? { ...values, regionId } : values,
      removed: action === "restore",
    });
    return { result: after, before, after };
  });
}
