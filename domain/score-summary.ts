/**
 * Scores of sessions as people read them: level scores, the collaboration index, factor means,
 * agreement and the sector gap, computed by the rules of domain/scoring.ts over
 * the instrument version the session was scored on (versions are never mixed).
 */
import { type Instrument, instrumentByVersion } from "./instrument";
import {
  collaborationIndex,
  factorMeans,
  factorSpread,
  levelScores,
  type Score,
  sectorGaps,
} from "./scoring";
import type { Sector } from "./vocabulary";

export type ScoreRow = {
  sessionId: string;
  participantId: string;
  sector: Sector;
  factorId: string;
  score: number | null;
};

export function levelsOf(instrument: Instrument) {
  return instrument.levels.map((l) => ({ id: l.id, factorIds: l.factors.map((f) => f.id) }));
}

/** The summary of one session's scores on its instrument version. */
export function summariseScores(instrumentVersion: number, rows: ScoreRow[]) {
  const instrument = instrumentByVersion(instrumentVersion);
  if (!instrument) throw new Error(`unknown instrument version ${instrumentVersion}`);
  const known = new Set(instrument.levels.flatMap((l) => l.factors.map((f) => f.id)));
  const scores: Score[] = rows.filter((r) => known.has(r.factorId));
  const levels = levelScores(scores, levelsOf(instrument));
  const means = factorMeans(scores);
  const spread = factorSpread(scores);
  return {
    instrumentVersion,
    index: collaborationIndex(levels),
    levels,
    factors: [...known].map((factorId) => ({
      factorId,
      mean: means.get(factorId) ?? null,
      n: spread.get(factorId)?.n ?? 0,
      sd: spread.get(factorId)?.sd ?? null,
    })),
    gaps: sectorGaps(scores),
    participantsScored: new Set(scores.filter((s) => s.score !== null).map((s) => s.participantId))
      .size,
  };
}

export type ScoreSummary = ReturnType<typeof summariseScores>;
