/** What a municipality analyst sees: aggregates of the partnerships in the municipality. */

import { z } from "zod";
import { partnershipsByForm, sharedPartnerships } from "@/db/queries/partnerships";
import { getMunicipality } from "@/db/queries/places";
import { collaborationForms } from "@/domain/vocabulary";
import { notFound } from "../errors";
import { createTRPCRouter, municipalityProcedure } from "../trpc";

/** What leaves the server for an analyst: counts only (checked on the way out). */
const overviewOutput = z.object({
  municipality: z.object({
    id: z.uuid(),
    name: z.string(),
    cbsCode: z.string(),
    youthRegion: z.string(),
  }),
  byForm: z.array(
    z.object({ form: z.enum(collaborationForms), partnerships: z.number().int().min(0) }),
  ),
  total: z.number().int().min(0),
  /** Partnerships that chose to share full read access with the municipality: names only. */
  shared: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const municipalitiesRouter = createTRPCRouter({
  overview: municipalityProcedure.output(overviewOutput).query(async ({ ctx }) => {
    const municipality = await getMunicipality(ctx.db, ctx.municipalityId);
    if (!municipality || municipality.deletedAt) throw notFound();
    const [counts, shared] = await Promise.all([
      partnershipsByForm(ctx.db, ctx.municipalityId),
      sharedPartnerships(ctx.db, ctx.municipalityId),
    ]);
    const byForm = collaborationForms.map((form) => ({
      form,
      partnerships: counts.find((c) => c.form === form)?.n ?? 0,
    }));
    return {
      municipality: {
        id: municipality.id,
        name: municipality.name,
        cbsCode: municipality.cbsCode,
        youthRegion: municipality.youthRegion,
      },
      byForm,
      total: byForm.reduce((sum, f) => sum + f.partnerships, 0),
      shared,
    };
  }),
});
