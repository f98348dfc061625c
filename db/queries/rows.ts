/**
 * `db.execute` returns an array of rows with postgres.js and `{ rows }` with PGlite:
 * this gives the rows either way.
 */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
