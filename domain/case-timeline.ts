/**
 * A case as people read it: its check-ins with the four perspectives, GAS T-scores over time and
 * the signals (no progress, strong disagreement), computed by the rules in domain/case-signals.ts and domain/gas.ts.
 */
import { noProgress, perspectiveGap, strongDisagreement } from "./case-signals";
import { dateOf } from "./dates";
import { gasTScore } from "./gas";
import type { CasePerspective } from "./vocabulary";

type CheckInRow = { id: string; caseId: string; heldOn: string; professionalChanges: number };
type RatingRow = {
  checkInId: string;
  perspective: CasePerspective;
  collaboration: number;
  wellbeing: number;
  comment: string;
  viaLink: boolean;
};
type GasRow = { checkInId: string; caseGoalId: string; score: number };

export function caseTimeline<C extends CheckInRow>(
  checkIns: C[],
  ratings: RatingRow[],
  gasScores: GasRow[],
  goals: { id: string; weight: number }[],
) {
  const timeline = checkIns.map((c) => {
    const own = ratings.filter((r) => r.checkInId === c.id);
    const scores = gasScores.filter((g) => g.checkInId === c.id);
    const weighted = scores
      .map((s) => ({ score: s.score, weight: goals.find((g) => g.id === s.caseGoalId)?.weight }))
      .filter((s): s is { score: number; weight: number } => s.weight !== undefined);
    return {
      ...c,
      ratings: own,
      gasScores: scores,
      gasT: gasTScore(weighted),
      gap: perspectiveGap(own, "wellbeing"),
      disagreement:
        strongDisagreement(own, "collaboration") || strongDisagreement(own, "wellbeing"),
    };
  });
  const last = timeline.at(-1);
  return {
    timeline,
    signals: {
      noProgress: noProgress(timeline.map((c) => ({ date: dateOf(c.heldOn), ratings: c.ratings }))),
      disagreement: last?.disagreement ?? false,
    },
  };
}
