/**
 * The partnership document over HTTP, for files too large for the API's 1 MB body limit: the
 * download of an export and the upload of an import, both through the same admin procedures
 * (admin.transfer.*) as the signed-in user, so who may is decided there, and errors are
 * answered as the API answers them (the app's error formatter, in the user's language).
 */

import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { MAX_BODY_BYTES, MAX_TRANSFER_BYTES } from "@/domain/limits";
import { localeFromCookieHeader } from "@/i18n/locales";
import { clientIp } from "./auth";
import { requestContext } from "./context";
import { checkMutationRequest, configuredGuard } from "./http-guard";
import { noStore, withBodyLimit } from "./http-limits";
import { serverTranslator } from "./i18n";
import { appRouter, createCaller } from "./root";
import type { Context } from "./trpc";

/** The request's context, or the answer when there is none (the database is away: a 503). */
async function contextOf(request: Request): Promise<Context | Response> {
  try {
    return await requestContext({
      locale: localeFromCookieHeader(request.headers.get("cookie")),
      ip: clientIp(request.headers),
    });
  } catch (error) {
    if (error instanceof TRPCError) return refusal(error, null, "admin.transfer");
    throw error;
  }
}

/** A refused call as the API would answer it: status, and the formatted error. */
function refusal(error: TRPCError, ctx: Context | null, path: string) {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path,
    input: undefined,
    ctx: ctx ?? undefined,
  });
  return noStore(Response.json({ error: shape }, { status: getHTTPStatusCodeFromError(error) }));
}

const fileName = (name: string, on: string) =>
  `samenwerkingsverband-${name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 60)}-${on}.json`;

/** GET …/export/<partnership id>: the document as a file. */
export async function downloadExport(request: Request, partnershipId: string) {
  const ctx = await contextOf(request);
  if (ctx instanceof Response) return ctx;
  try {
    const document = await createCaller(ctx).admin.transfer.export({ partnershipId });
    const name = String(document.partnership.name ?? "export");
    return noStore(
      new Response(JSON.stringify(document), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="${fileName(name, document.exportedAt.slice(0, 10))}"`,
          "X-Content-Type-Options": "nosniff",
        },
      }),
    );
  } catch (error) {
    if (error instanceof TRPCError) return refusal(error, ctx, "admin.transfer.export");
    throw error;
  }
}

/** POST …/import with the document as its JSON body: what was imported, or why not. */
export async function uploadImport(incoming: Request) {
  const refused = checkMutationRequest(incoming, configuredGuard());
  if (refused) return noStore(Response.json({ error: refused.reason }, { status: refused.status }));
  const ctx = await contextOf(incoming);
  if (ctx instanceof Response) return ctx;
  const { t } = serverTranslator(ctx.locale);
  const say = (status: number, message: string) =>
    noStore(Response.json({ error: { message } }, { status }));
  // Who may, before reading up to 200 MB: an admin (the procedure decides again).
  if (!ctx.user) return say(401, t("errors.code.UNAUTHORIZED"));
  if (!ctx.user.isAdmin || ctx.secondFactorPending) return say(403, t("errors.code.FORBIDDEN"));
  const request = await withBodyLimit(incoming, MAX_TRANSFER_BYTES);
  if (request instanceof Response)
    return say(413, t("errors.transfer_too_large", { max: MAX_TRANSFER_BYTES / MAX_BODY_BYTES }));
  let document: unknown;
  try {
    document = await request.json();
  } catch {
    return say(400, t("transfer.unreadable"));
  }
  try {
    // The procedure parses the document itself (its input schema): this only passes it on.
    const result = await createCaller(ctx).admin.transfer.import(document as never);
    return noStore(Response.json({ result }));
  } catch (error) {
    if (error instanceof TRPCError) return refusal(error, ctx, "admin.transfer.import");
    throw error;
  }
}
