/**
 * Where to go after signing in: only a path of this site. `/login?callbackUrl=…` is a link
 * anyone can send, so a value that a browser would read as another site ("/\evil.example",
 * "/<tab>/evil.example", "//evil.example") or that cannot go in a Location header (a line
 * break) leads home instead.
 */
const BASE = "https://this-site.invalid";
/** Backslashes (browsers read "/\" as "//") and control characters (tab, line breaks …). */
const REFUSED = /[\\\p{Cc}]/u;

export function returnPath(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith("/") || REFUSED.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // Dot segments resolve after the checks: "/.//evil.example" becomes "//evil.example".
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || REFUSED.test(path) ? "/" : path;
}
