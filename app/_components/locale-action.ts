"use server";

import { cookies } from "next/headers";
import { localeCookie, resolveLocale } from "@/i18n/locales";

/** The language switch: kept for a year in a cookie, read by i18n/request.ts. */
export async function setLocale(formData: FormData) {
  const locale = resolveLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
  });
}
