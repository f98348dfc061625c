/**
 * Outcomes of queries that the API layer turns into user-facing errors
 * (see the error middleware in server/trpc.ts).
 */
export class RecordNotFoundError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = "RecordNotFoundError";
  }
}

/** The row changed since the caller read it (its version moved on). */
export class VersionConflictError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else`);
    this.name = "VersionConflictError";
  }
}

/**
 * Runs a versioned update or soft delete and tells apart "stale version" from "no such row".
 * `exists` is only asked when the update touched nothing.
 */
export async function versioned<Row>(
  entity: string,
  update: Promise<Row[]>,
  exists: () => Promise<boolean>,
): Promise<Row> {
  const [row] = await update;
  if (row) return row;
  if (await exists()) throw new VersionConflictError(entity);
  throw new RecordNotFoundError(entity);
}

/**
 * Which form field each unique constraint guards, and what to tell the user (a key under
 * `errors.` in messages/), for "already exists" answers that say what exists.
 */
export const uniqueConstraintFields: Record<string, { field: string; message: string }> = {
  municipalities_cbs_code_key: { field: "cbsCode", message: "cbs_code_taken" },
  organisations_name_key: { field: "name", message: "organisation_name_taken" },
  partnerships_municipality_name_key: { field: "name", message: "partnership_name_taken" },
  partnership_organisations_active_key: { field: "organisationId", message: "already_partner" },
  users_email_key: { field: "email", message: "email_taken" },
  memberships_active_key: { field: "email", message: "already_member" },
  // Two invitations of one address at the same moment: the second sees the first.
  invitations_open_key: { field: "email", message: "already_invited" },
  municipality_access_active_key: { field: "municipalityId", message: "already_has_access" },
  reflection_sessions_partnership_day_key: { field: "heldOn", message: "session_on_date" },
};
