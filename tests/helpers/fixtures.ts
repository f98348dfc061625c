/** Input the integration tests share: a partnership goal and a case goal (GAS levels). */

export const goalFields = {
  parentId: null,
  title: "Minder thuiszitters",
  indicator: "Aantal thuiszitters",
  unit: "kinderen",
  direction: "lower",
  baselineValue: 20,
  baselineDate: "2025-01-01",
  targetValue: 5,
  targetDate: "2027-01-01",
  effectKind: "child",
} as const;

export const caseGoalFields = {
  description: "Gaat weer naar school",
  levelMinus2: "Zit thuis",
  levelMinus1: "Af en toe op school",
  level0: "Halve dagen op school",
  levelPlus1: "Bijna elke dag",
  levelPlus2: "Elke dag de hele dag",
};
