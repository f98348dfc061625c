export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** `%term%` for ILIKE, with the user's wildcards taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
