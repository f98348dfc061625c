"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Navigation within one area (a partnership's pages); marks the page you are on. */
export function SubNav({
  label,
  links,
}: {
  label: string;
  links: { href: string; label: string; exact?: boolean }[];
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="smo-no-print">
      <ul className="smo-subnav">
        {links.map((l) => {
          const current = l.exact
            ? pathname === l.href
            : pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                className="utrecht-link utrecht-link--html-a"
                aria-current={current ? "page" : undefined}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
