/** Errors as the client receives them: through the app's real error formatter. */
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { appRouter } from "@/server/root";
import type { Context } from "@/server/trpc";

export type FormattedError = {
  code: string;
  message: string;
  fieldErrors: Record<string, string> | null;
};

/** Runs `call`, expects it to fail, and returns the error as the formatter shapes it. */
export async function formattedError(
  call: Promise<unknown>,
  ctx: Partial<Context> = { locale: "nl" },
): Promise<FormattedError> {
  const error = await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error: error as TRPCError,
    type: "mutation",
    path: "test",
    input: undefined,
    ctx: ctx as Context,
  }) as { message: string; data: { code: string; fieldErrors: Record<string, string> | null } };
  return { code: shape.data.code, message: shape.message, fieldErrors: shape.data.fieldErrors };
}
