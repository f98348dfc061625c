/**
 * Keeps tier 1 of the figures (db/schema/figures.ts) true: recomputed for a partnership in the
 * transaction of every change that moves them (see `figures` in server/services/audited.ts), and
 * for all partnerships at once when asked (a new quarter, a bulk load).
 */

import {
  type FiguresPart,
  type FiguresRules,
  goalsForFigures,
  lockFiguresOf,
  markFiguresChanged,
  refreshFigureParts,
  replaceGoalFigures,
} from "@/db/queries/figures";
import type { DbOrTx } from "@/db/types";
import { today as todayInNl } from "@/domain/dates";
import { figureQuarters, goalStatusesByQuarter } from "@/domain/figures";
import { DEFAULT_GAS_RHO } from "@/domain/gas";
import { currentInstrument } from "@/domain/instrument";
import { cadenceMonths } from "@/domain/vocabulary";
import { env } from "@/env";

export type { FiguresPart } from "@/db/queries/figures";
export const allFigureParts: readonly FiguresPart[] = [
  "collaboration",
  "reporting",
  "goals",
  "cases",
];

/** The rules the statements apply, from the domain and the configuration. */
export function figuresRules(): FiguresRules {
  return {
    instrument: {
      version: currentInstrument.version,
      levels: currentInstrument.levels.length,
      factors: currentInstrument.levels.flatMap((l, i) =>
        l.factors.map((f) => ({ id: f.id, level: i + 1 })),
      ),
    },
    cadenceMonths,
    onTimeDays: env.REPORTING_ON_TIME_DAYS,
    gasRho: DEFAULT_GAS_RHO,
  };
}

/** Recomputes the given parts for these partnerships (all when null), as of `today`. */
export async function refreshFigures(
  db: DbOrTx,
  partnershipIds: readonly string[] | null,
  parts: readonly FiguresPart[] = allFigureParts,
  today: string = todayInNl(),
) {
  const quarters = figureQuarters(today);
  const scope = { partnershipIds, today, windowStart: quarters[0]?.start ?? today };
  // All at once (a bulk load, a test) runs alone; slices and single partnerships take turns.
  if (partnershipIds) await lockFiguresOf(db, partnershipIds);
  await refreshFigureParts(
    db,
    scope,
    parts.filter((p): p is Exclude<FiguresPart, "goals"> => p !== "goals"),
    figuresRules(),
  );
  if (parts.includes("goals")) {
    const goals = await goalsForFigures(db, scope);
    await replaceGoalFigures(db, scope, goalStatusesByQuarter(goals, quarters, today));
  }
  await markFiguresChanged(db);
}
