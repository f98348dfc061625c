"use server";

import { cookies } from "next/headers";
import { serverCaller } from "@/app/_trpc/server";
import { localeCookie, resolveLocale } from "@/i18n/locales";
import { currentUser } from "./session";

/**
 * The language switch: kept for a year in a cookie, read by i18n/request.ts; for someone
 * signed in also with their account, as the language of the mail they get.
 */
export async function setLocale(formData: FormData) {
  const locale = resolveLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
  });
  if (await currentUser()) await (await serverCaller()).me.mail.language({ locale });
}
