/**
 * What the dashboard's case aggregates per quarter need of one partnership (domain/
 * case-aggregates.ts): the cases open in a period and the check-ins held in it, with their
 * ratings, referral judgements and weighted GAS scores. Five small queries, none of them
 * selecting a case code or free text. Deleted cases, check-ins and goals do not count.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { AggregateCase, AggregateCheckIn } from "@/domain/case-aggregates";
import {
  caseGoals,
  cases,
  checkInGasScores,
  checkInRatings,
  checkInReferrals,
  checkIns,
} from "../schema";
import type { DbOrTx } from "../types";

/** One partnership over a period of calendar dates, both ends included. */
export type AggregatePeriod = { partnershipId: string; from: string; to: string };

/** Cases open on at least one day of the period. */
export async function listCasesInPeriod(db: DbOrTx, params: AggregatePeriod) {
  return db
    .select({
      id: cases.id,
      openedOn: cases.openedOn,
      closedOn: cases.closedOn,
      jointPlan: cases.jointPlan,
      jointPlanSince: cases.jointPlanSince,
    })
    .from(cases)
    .where(
      and(
        eq(cases.partnershipId, params.partnershipId),
        isNull(cases.deletedAt),
        lte(cases.openedOn, params.to),
        or(isNull(cases.closedOn), gte(cases.closedOn, params.from)),
      ),
    );
}

const checkInsInPeriod = (params: AggregatePeriod) =>
  and(
    eq(checkIns.partnershipId, params.partnershipId),
    isNull(checkIns.deletedAt),
    isNull(cases.deletedAt),
    gte(checkIns.heldOn, params.from),
    lte(checkIns.heldOn, params.to),
  );

/** The ids of the check-ins held in the period, as a subquery. */
const checkInIdsInPeriod = (db: DbOrTx, params: AggregatePeriod) =>
  db
    .select({ id: checkIns.id })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .where(checkInsInPeriod(params));

/** Check-ins held in the period, by date and then in the order they were entered. */
export async function listCheckInsInPeriod(db: DbOrTx, params: AggregatePeriod) {
  return db
    .select({
      id: checkIns.id,
      caseId: checkIns.caseId,
      heldOn: checkIns.heldOn,
      professionalChanges: checkIns.professionalChanges,
    })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .where(checkInsInPeriod(params))
    .orderBy(asc(checkIns.heldOn), asc(checkIns.createdAt), asc(checkIns.id));
}

/** The ratings (without comments) of the check-ins held in the period. */
export async function listRatingsInPeriod(db: DbOrTx, params: AggregatePeriod) {
  return db
    .select({
      checkInId: checkInRatings.checkInId,
      perspective: checkInRatings.perspective,
      collaboration: checkInRatings.collaboration,
      wellbeing: checkInRatings.wellbeing,
    })
    .from(checkInRatings)
    .where(
      and(
        eq(checkInRatings.partnershipId, params.partnershipId),
        inArray(checkInRatings.checkInId, checkInIdsInPeriod(db, params)),
      ),
    );
}

/** The referral judgements of the check-ins held in the period. */
export async function listReferralJudgementsInPeriod(db: DbOrTx, params: AggregatePeriod) {
  return db
    .select({ checkInId: checkInReferrals.checkInId, judgement: checkInReferrals.judgement })
    .from(checkInReferrals)
    .where(
      and(
        eq(checkInReferrals.partnershipId, params.partnershipId),
        inArray(checkInReferrals.checkInId, checkInIdsInPeriod(db, params)),
      ),
    );
}

/** The GAS scores of the check-ins held in the period, each with its (not deleted) goal's weight. */
export async function listWeightedGasScoresInPeriod(db: DbOrTx, params: AggregatePeriod) {
  return db
    .select({
      checkInId: checkInGasScores.checkInId,
      score: checkInGasScores.score,
      weight: caseGoals.weight,
    })
    .from(checkInGasScores)
    .innerJoin(caseGoals, eq(caseGoals.id, checkInGasScores.caseGoalId))
    .where(
      and(
        eq(checkInGasScores.partnershipId, params.partnershipId),
        isNull(caseGoals.deletedAt),
        inArray(checkInGasScores.checkInId, checkInIdsInPeriod(db, params)),
      ),
    );
}

/** Everything caseAggregatesByQuarter needs for the period, check-ins in date order. */
export async function loadCaseAggregateInput(
  db: DbOrTx,
  params: AggregatePeriod,
): Promise<{ cases: AggregateCase[]; checkIns: AggregateCheckIn[] }> {
  const [caseRows, checkInRows, ratings, referrals, gas] = await Promise.all([
    listCasesInPeriod(db, params),
    listCheckInsInPeriod(db, params),
    listRatingsInPeriod(db, params),
    listReferralJudgementsInPeriod(db, params),
    listWeightedGasScoresInPeriod(db, params),
  ]);
  const byCheckIn = <T extends { checkInId: string }>(rows: T[]) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const list = grouped.get(row.checkInId);
      if (list) list.push(row);
      else grouped.set(row.checkInId, [row]);
    }
    return (id: string) => grouped.get(id) ?? [];
  };
  const ratingsOf = byCheckIn(ratings);
  const referralsOf = byCheckIn(referrals);
  const gasOf = byCheckIn(gas);
  return {
    cases: caseRows,
    checkIns: checkInRows.map((c) => ({
      caseId: c.caseId,
      heldOn: c.heldOn,
      professionalChanges: c.professionalChanges,
      ratings: ratingsOf(c.id).map(({ perspective, collaboration, wellbeing }) => ({
        perspective,
        collaboration,
        wellbeing,
      })),
      referralJudgements: referralsOf(c.id).map((r) => r.judgement),
      gasGoals: gasOf(c.id).map(({ weight, score }) => ({ weight, score })),
    })),
  };
}
