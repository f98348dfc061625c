/**
 * Paging, the same everywhere: lists answer a page of items with the total, pages count from 1,
 * and every list shows PAGE_SIZE rows unless it says otherwise. A plain module (no "use client"),
 * so server pages prefetch with the same input, and so the same query key, as the client
 * components that show the list.
 */
import { z } from "zod";

/** Rows per page in every list. */
export const PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const pageNumber = z.number().int().min(1).max(100_000).default(1);
export const pageSizeSchema = z.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE);

/** The first row of a page. */
export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** How many pages `total` rows fill (at least one, so an empty list shows "page 1 of 1"). */
export const pageCount = (total: number, pageSize: number) =>
  Math.max(1, Math.ceil(total / pageSize));

/** How many choices a picker offers at a time (alphabetically); a search narrows them. */
export const OPTIONS_LIMIT = 50;
