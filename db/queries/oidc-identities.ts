/** Which provider subject an account signs in as (db/schema/people.ts oidcIdentities). */
import { and, eq } from "drizzle-orm";
import { oidcIdentities } from "../schema";
import type { DbOrTx } from "../types";

/**
 * Links the account to the provider's subject at its first organisation sign-in, or checks the
 * link made before: "linked" (now or before), "other_subject" (the account is linked to
 * another subject of this provider) or "subject_taken" (the subject is another account's).
 */
export async function linkIdentity(
  db: DbOrTx,
  link: { userId: string; issuer: string; subject: string },
): Promise<"linked" | "other_subject" | "subject_taken"> {
  const [mine] = await db
    .select()
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.userId, link.userId), eq(oidcIdentities.issuer, link.issuer)));
  if (mine) return mine.subject === link.subject ? "linked" : "other_subject";
  const made = await db.insert(oidcIdentities).values(link).onConflictDoNothing().returning();
  return made.length > 0 ? "linked" : "subject_taken";
}
