/**
 * A goal's history as people read it: what happened to the goal and its measurements, told from
 * the audit log's before and after snapshots — which fields of the goal changed, which value a
 * measurement had — without handing the snapshots themselves to anyone.
 */

/** The fields of a goal whose change the history names. */
export const trackedGoalFields = [
  "parentId",
  "title",
  "description",
  "indicator",
  "unit",
  "direction",
  "baselineValue",
  "baselineDate",
  "targetValue",
  "targetDate",
  "plausibleMin",
  "plausibleMax",
  "effectKind",
  "roles",
] as const;
export type TrackedGoalField = (typeof trackedGoalFields)[number];

type Snapshot = Record<string, unknown> | null;

/** A comparable form of one field of a snapshot (roles by organisation and text, in any order). */
function snapshotValue(row: Snapshot, field: TrackedGoalField): string {
  const value = row?.[field] ?? null;
  if (field === "roles" && Array.isArray(value)) {
    return value
      .map((r: { organisationId?: unknown; role?: unknown }) => `${r.organisationId}=${r.role}`)
      .sort()
      .join("\n");
  }
  return JSON.stringify(value);
}

export type GoalHistoryDetail = {
  /** For an update of the goal: the fields that changed. */
  changedFields: TrackedGoalField[];
  /** For a measurement: its value and date (before a removal, after anything else). */
  measurement: { value: number; measuredOn: string } | null;
};

/** What one audit entry of a goal or measurement says, in the history's terms. */
export function goalHistoryDetail(entry: {
  entity: string;
  action: string;
  before: unknown;
  after: unknown;
}): GoalHistoryDetail {
  const before = entry.before as Snapshot;
  const after = entry.after as Snapshot;
  const changedFields =
    entry.entity === "goal" && entry.action === "update"
      ? trackedGoalFields.filter((f) => snapshotValue(before, f) !== snapshotValue(after, f))
      : [];
  let measurement: GoalHistoryDetail["measurement"] = null;
  if (entry.entity === "goal_measurement") {
    const row = entry.action === "delete" ? before : after;
    if (typeof row?.value === "number" && typeof row?.measuredOn === "string")
      measurement = { value: row.value, measuredOn: row.measuredOn };
  }
  return { changedFields, measurement };
}
