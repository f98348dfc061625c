/** E-mail domains where organisation sign-in makes accounts (db/schema/people.ts signInDomains). */
import { asc, eq, sql } from "drizzle-orm";
import { signInDomains } from "../schema";
import type { DbOrTx } from "../types";

export async function getSignInDomain(db: DbOrTx, domain: string) {
  const [row] = await db.select().from(signInDomains).where(eq(signInDomains.domain, domain));
  return row;
}

export function listSignInDomains(db: DbOrTx) {
  return db.select().from(signInDomains).orderBy(asc(signInDomains.domain));
}

/** Sets whether a domain's users get an account at their first organisation sign-in. */
export async function setSignInDomain(
  db: DbOrTx,
  values: { domain: string; createAccounts: boolean },
) {
  const [row] = await db
    .insert(signInDomains)
    .values(values)
    .onConflictDoUpdate({
      target: signInDomains.domain,
      set: { createAccounts: values.createAccounts, version: sql`${signInDomains.version} + 1` },
    })
    .returning();
  if (!row) throw new Error("sign-in domain not written");
  return row;
}
