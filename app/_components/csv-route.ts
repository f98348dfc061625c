/**
 * Route handlers that answer a table as a CSV file (csv.ts), such as
 * `/partnerships/<id>/export/trend.csv`. The data comes from the same tRPC procedure the screen
 * calls, through the server caller as the signed-in user, so who may download what, and which
 * small numbers are hidden, is exactly what the procedure decides (docs/ARCHITECTURE.md
 * "Permissions", "Small-number suppression"): there is no second path to the data. As on the
 * pages (guard.ts), a record the user may not see is a 404 and no session a 401.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { serverCaller } from "@/app/_trpc/server";
import { today } from "@/domain/dates";
import { MAX_PAGE_SIZE, type Page } from "@/domain/paging";
import { localeCookie, resolveLocale } from "@/i18n/locales";
import { serverTranslator } from "@/server/i18n";
import { csvFileName, toCsv } from "./csv";
import type { TableContext, TableModel } from "./table-model";

export type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** What a table's loader gets: the caller, the route's ids, the query string, the language. */
export type CsvRequest<P> = {
  caller: Caller;
  params: P;
  query: URLSearchParams;
  context: TableContext;
  /**
   * Runs `load` once per request under `key`: the file's name and its table often need the
   * same record, which is then read (and, for a case, its read audited) once.
   */
  once: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

/** One downloadable table: its word in the file name (`csv.file.<file>`) and how it is written. */
export type CsvTable<P> = { file: string; write: (request: CsvRequest<P>) => Promise<string> };

/** A table whose model `build` makes from what the procedures answer. */
export function csvTable<P, R>(
  file: string,
  build: (request: CsvRequest<P>) => Promise<TableModel<R>>,
): CsvTable<P> {
  return { file, write: async (request) => toCsv(await build(request)) };
}

/** Hundreds of rows at the most per page (the screen's pages are smaller). */
const MAX_PAGES = 100;

/**
 * Every page of a paged list, as the screen's pages would show them one after the other
 * (at most MAX_PAGES pages of MAX_PAGE_SIZE rows).
 */
export async function allPages<T>(
  load: (page: { page: number; pageSize: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await load({ page, pageSize: MAX_PAGE_SIZE });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) break;
  }
  return items;
}

/** The user's language and texts for table declarations, in route handlers and async pages. */
export async function requestTableContext(): Promise<TableContext> {
  const locale = resolveLocale((await cookies()).get(localeCookie)?.value);
  const { t, has } = serverTranslator(locale);
  return { t, has, locale };
}

const text = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * The GET handler of a `…/export/[table]` route: `tables` by their name in the URL (without
 * ".csv"), `subject` the names the file is called after (the partnership, the goal …).
 */
export function csvRoute<P extends { table: string }>(scope: {
  subject: (request: CsvRequest<P>) => Promise<string[]>;
  tables: Record<string, CsvTable<P>>;
}) {
  return async function answerCsv(
    request: Request,
    { params }: { params: Promise<P> },
  ): Promise<Response> {
    const ids = await params;
    const context = await requestTableContext();
    const { t } = context;
    const name = ids.table.endsWith(".csv") ? ids.table.slice(0, -".csv".length) : "";
    const table = Object.hasOwn(scope.tables, name) ? scope.tables[name] : undefined;
    if (!table) return text(t("errors.pageNotFoundText"), 404);
    const loaded = new Map<string, Promise<unknown>>();
    const csvRequest: CsvRequest<P> = {
      caller: await serverCaller(),
      params: ids,
      query: new URL(request.url).searchParams,
      context,
      once: <T>(key: string, load: () => Promise<T>) => {
        if (!loaded.has(key)) loaded.set(key, load());
        return loaded.get(key) as Promise<T>;
      },
    };
    try {
      const [subject, csv] = await Promise.all([
        scope.subject(csvRequest),
        table.write(csvRequest),
      ]);
      const fileName = csvFileName([...subject, t(`csv.file.${table.file}`)], today());
      return new Response(csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${fileName}"`,
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      if (error instanceof TRPCError) {
        if (error.code === "UNAUTHORIZED") return text(t("errors.code.UNAUTHORIZED"), 401);
        if (["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code))
          return text(t("errors.pageNotFoundText"), 404);
      }
      throw error;
    }
  };
}
