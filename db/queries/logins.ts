import { and, count, eq, gt } from "drizzle-orm";
import { loginAttempts } from "../schema";
import type { DbOrTx } from "../types";

/** Failed attempts since `since`, for one e-mail address and for one IP address. */
export async function recentFailures(
  db: DbOrTx,
  params: { email: string; ip: string; since: Date },
) {
  const failed = (column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(column, value),
          eq(loginAttempts.succeeded, false),
          gt(loginAttempts.at, params.since),
        ),
      )
      .then(([row]) => row?.n ?? 0);
  const [byEmail, byIp] = await Promise.all([
    failed(loginAttempts.email, params.email),
    failed(loginAttempts.ip, params.ip),
  ]);
  return { byEmail, byIp };
}

export async function recordLoginAttempt(
  db: DbOrTx,
  attempt: { email: string; ip: string; succeeded: boolean; reason?: string },
) {
  await db.insert(loginAttempts).values(attempt);
}
