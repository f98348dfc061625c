/**
 * Tier 2 of the figures: the published sections of every municipality, region and the nation
 * (server/disclosure/publish.ts), recomputed by a job when tier 1 moved on, and in full when a
 * new day or quarter begins (the current quarter counts up to today). Several app instances may
 * run the job: a lease in figures_state lets one of them do it, and what they agree on — which
 * change was published — lives in the database, not in any process.
 */
import {
  claimFiguresLease,
  figuresState,
  latestFiguresChange,
  livePartnershipIds,
  loadTierOne,
  releaseFiguresLease,
  replacePublished,
} from "@/db/queries/figures";
import type { Db } from "@/db/types";
import { today as todayInNl } from "@/domain/dates";
import { figureQuarters } from "@/domain/figures";
import { currentInstrument } from "@/domain/instrument";
import { env } from "@/env";
import { publishAll } from "../disclosure/publish";
import { refreshFigures } from "./figures";

/** How long one round may take before another instance may take the job over. */
const LEASE_SECONDS = 15 * 60;
/** Partnerships recomputed per transaction on a new day, so changes meanwhile do not wait long. */
const SLICE = 200;

export const publishedSections = [
  "benchmark",
  "cases",
  "reporting",
  "goals",
  "collaboration",
  "outcomes",
] as const;
export type PublishedSection = (typeof publishedSections)[number];

/** Computes and stores every scope's sections from tier 1 as it is now. */
export async function publishFigures(db: Db, today = todayInNl()) {
  const quarters = figureQuarters(today);
  const windowStart = quarters[0]?.start ?? today;
  const change = await latestFiguresChange(db);
  const tierOne = await loadTierOne(db, windowStart);
  const published = await publishAll({
    quarters,
    ...tierOne,
    thresholds: {
      cases: env.SUPPRESS_BELOW_CASES,
      partnerships: env.SUPPRESS_BELOW_PARTNERSHIPS,
      scorers: env.SUPPRESS_BELOW_SCORERS,
      correlation: env.CORRELATION_MIN_PARTNERSHIPS,
    },
    factorIds: currentInstrument.levels.flatMap((l) => l.factors.map((f) => f.id)),
    levelCount: currentInstrument.levels.length,
  });
  const rows = [...published].flatMap(([key, sections]) => {
    const [kind, ...rest] = key.split(":");
    return publishedSections.map((section) => ({
      scopeKind: kind as string,
      scopeId: rest.join(":"),
      section,
      payload: sections[section],
    }));
  });
  await db.transaction((tx) =>
    replacePublished(tx, rows, {
      computedAt: new Date(),
      computedChange: change,
      windowStart,
      computedOn: today,
    }),
  );
  return { scopes: published.size, rows: rows.length };
}

/**
 * Brings the published figures up to date if they are behind: a new day recomputes tier 1 for
 * every partnership first (the current quarter counts up to today, goals are judged on today);
 * any change to tier 1 since the last publication republishes. Returns what it did.
 */
export async function bringFiguresUpToDate(db: Db, today = todayInNl()) {
  const state = await figuresState(db);
  if (!state || state.computedOn !== today) {
    const ids = await livePartnershipIds(db);
    for (let i = 0; i < ids.length; i += SLICE)
      await db.transaction((tx) => refreshFigures(tx, ids.slice(i, i + SLICE), undefined, today));
    await publishFigures(db, today);
    return "recomputed" as const;
  }
  if ((await latestFiguresChange(db)) > state.computedChange) {
    await publishFigures(db, today);
    return "republished" as const;
  }
  return "current" as const;
}

/** One round of the job: with the lease, or not at all when another instance holds it. */
export async function runFiguresJob(db: Db) {
  if (!(await claimFiguresLease(db, LEASE_SECONDS))) return "busy" as const;
  try {
    return await bringFiguresUpToDate(db);
  } finally {
    await releaseFiguresLease(db);
  }
}

const globalForJob = globalThis as unknown as { __smoFiguresJob?: NodeJS.Timeout };

/** Starts the job in this process: now, and then every `everyMs`. */
export function startFiguresJob(db: Db, everyMs = 20_000) {
  if (globalForJob.__smoFiguresJob) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runFiguresJob(db);
    } catch (error) {
      console.error("[figures]", error);
    } finally {
      running = false;
    }
  };
  void tick();
  globalForJob.__smoFiguresJob = setInterval(tick, everyMs);
  globalForJob.__smoFiguresJob.unref();
}
