/**
 * Rows per page in every list. A plain module (not "use client"), so server pages prefetch with
 * the same input, and so the same query key, as the client components that show the list.
 */
export const PAGE_SIZE = 25;
