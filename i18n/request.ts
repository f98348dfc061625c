import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, messages, resolveLocale, timeZone } from "./locales";

// No locale in the URL: the public paths (/login, /partnerships …) stay the same in every
// language, and the choice lives in a cookie.
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(localeCookie)?.value);
  return { locale, messages: messages[locale], timeZone };
});
