import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

/**
 * Runs a server-side call for a page: a record that does not exist or that the user may not
 * see (or a malformed id in the URL) becomes the 404 page; no session goes to /login, and
 * someone who must first set up their second factor to /account (the layout shows only that).
 */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect("/login");
      if (error.message === "errors.second_factor_required") redirect("/account");
      if (["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    }
    throw error;
  }
}
