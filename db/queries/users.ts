import { and, asc, count, eq, ilike, isNull, lt, ne, notExists, or, sql } from "drizzle-orm";
import { offsetOf } from "@/domain/paging";
import { versioned } from "../errors";
import {
  memberships,
  municipalities,
  municipalityAccess,
  partnerships,
  regionAccess,
  regions,
  revokedSessions,
  sessionActivity,
  userMfa,
  users,
} from "../schema";
import type { DbOrTx } from "../types";
import { likePattern } from "./like";
import { rowsOf, updateVersioned } from "./rows";

export type PartnershipRoleName = (typeof memberships.$inferSelect)["role"];

/**
 * Who the session user is and where they work: active memberships of live partnerships and
 * municipality access. Authorization decisions are made from this, never from client input.
 */
export async function loadSessionUser(
  db: DbOrTx,
  userId: string,
  /**
   * When given, the session is only valid while the account still matches its key (password
   * hash and session generation), and while its id (`sessionId`) has not been signed out.
   */
  session?: {
    stillValid?: (passwordHash: string, generation: number) => boolean;
    sessionId?: string | null;
    /**
     * When the session was signed in (seconds): one opened before the account's second factor
     * was set up is ended, but for the session that set it up (user_mfa.enrolled_session_id).
     */
    signedInAt?: number | null;
  },
) {
  const [found] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      isNationalAnalyst: users.isNationalAnalyst,
      passwordHash: users.passwordHash,
      sessionGeneration: users.sessionGeneration,
      /** The second factor (TOTP), if set up: when, and by which session. */
      factorSince: userMfa.enabledAt,
      factorSecret: userMfa.secret,
      enrolledSessionId: userMfa.enrolledSessionId,
    })
    .from(users)
    .leftJoin(userMfa, eq(userMfa.userId, users.id))
    .where(
      and(
        eq(users.id, userId),
        isNull(users.deactivatedAt),
        session?.sessionId
          ? notExists(
              db
                .select({ one: sql`1` })
                .from(revokedSessions)
                .where(eq(revokedSessions.sessionId, session.sessionId)),
            )
          : undefined,
      ),
    );
  if (!found) return null;
  if (session?.stillValid && !session.stillValid(found.passwordHash, found.sessionGeneration))
    return null;
  const { passwordHash, sessionGeneration, factorSince, factorSecret, enrolledSessionId, ...rest } =
    found;
  const secondFactor = factorSecret !== null && factorSince !== null;
  // A session opened before the account's second factor was set up (to the second: a token
  // keeps its sign-in time in whole seconds) ends, but for the one that set it up.
  if (
    secondFactor &&
    typeof session?.signedInAt === "number" &&
    Math.floor(factorSince.getTime() / 1000) > session.signedInAt &&
    enrolledSessionId !== (session.sessionId ?? null)
  )
    return null;
  const user = { ...rest, secondFactor };
  const [roles, access, regionGrants] = await Promise.all([
    db
      .select({
        partnershipId: memberships.partnershipId,
        role: memberships.role,
        partnershipName: partnerships.name,
        municipalityId: partnerships.municipalityId,
      })
      .from(memberships)
      .innerJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
      .where(
        and(
          eq(memberships.userId, userId),
          isNull(memberships.deletedAt),
          isNull(partnerships.deletedAt),
        ),
      )
      .orderBy(partnerships.name),
    db
      .select({ municipalityId: municipalityAccess.municipalityId, name: municipalities.name })
      .from(municipalityAccess)
      .innerJoin(municipalities, eq(municipalities.id, municipalityAccess.municipalityId))
      .where(
        and(
          eq(municipalityAccess.userId, userId),
          isNull(municipalityAccess.deletedAt),
          isNull(municipalities.deletedAt),
        ),
      )
      .orderBy(municipalities.name),
    db
      .select({ regionId: regionAccess.regionId, name: regions.name })
      .from(regionAccess)
      .innerJoin(regions, eq(regions.id, regionAccess.regionId))
      .where(and(eq(regionAccess.userId, userId), isNull(regionAccess.deletedAt)))
      .orderBy(regions.name),
  ]);
  return { ...user, memberships: roles, municipalities: access, regions: regionGrants };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;

/**
 * A session that ends when left idle: "idle" once it was last used more than `idleMs` ago (it
 * is then revoked, like a sign-out), else its use is recorded — at most once a minute — and it
 * is "active". `revokeUntil` is as long as any token with this id could still be alive.
 */
export async function touchIdleSession(
  db: DbOrTx,
  session: { sessionId: string; userId: string },
  idleMs: number,
  revokeUntil: Date,
  now = new Date(),
): Promise<"active" | "idle"> {
  const [row] = await db
    .select({ seenAt: sessionActivity.seenAt })
    .from(sessionActivity)
    .where(eq(sessionActivity.sessionId, session.sessionId));
  if (row && now.getTime() - row.seenAt.getTime() > idleMs) {
    await db
      .insert(revokedSessions)
      .values({ sessionId: session.sessionId, userId: session.userId, expiresAt: revokeUntil })
      .onConflictDoNothing();
    return "idle";
  }
  if (!row || now.getTime() - row.seenAt.getTime() > 60_000)
    await db
      .insert(sessionActivity)
      .values({ ...session, seenAt: now })
      .onConflictDoUpdate({ target: sessionActivity.sessionId, set: { seenAt: now } });
  return "active";
}

/* ------------------------------------------------------------- administration */

const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isAdmin: users.isAdmin,
  isNationalAnalyst: users.isNationalAnalyst,
  deactivatedAt: users.deactivatedAt,
  version: users.version,
};

export async function listUsers(
  db: DbOrTx,
  params: { page: number; pageSize: number; search?: string },
) {
  const where = params.search
    ? or(
        ilike(users.name, likePattern(params.search)),
        ilike(users.email, likePattern(params.search)),
      )
    : undefined;
  const [items, [totals]] = await Promise.all([
    db
      .select(publicUserColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(params.pageSize)
      .offset(offsetOf(params.page, params.pageSize)),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: params.page, pageSize: params.pageSize };
}

export async function getUser(db: DbOrTx, id: string) {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function getUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function insertUser(
  db: DbOrTx,
  values: { email: string; name: string; passwordHash: string; isAdmin: boolean },
) {
  const [row] = await db.insert(users).values(values).returning(publicUserColumns);
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateUser(
  db: DbOrTx,
  params: {
    id: string;
    version: number;
    values: Partial<{
      name: string;
      isAdmin: boolean;
      isNationalAnalyst: boolean;
      deactivatedAt: Date | null;
      passwordHash: string;
    }>;
    /** Ends every session of the account for good (its session generation goes up). */
    endSessions?: boolean;
  },
) {
  return versioned(
    "user",
    db
      .update(users)
      .set({
        ...params.values,
        ...(params.endSessions ? { sessionGeneration: sql`${users.sessionGeneration} + 1` } : {}),
        version: sql`${users.version} + 1`,
      })
      .where(and(eq(users.id, params.id), eq(users.version, params.version)))
      .returning(publicUserColumns),
    async () => (await getUser(db, params.id)) !== undefined,
  );
}

/** A user's partnerships and municipalities, for the admin's user page. */
export async function userAccessOverview(db: DbOrTx, userId: string) {
  const [roles, access, regionGrants] = await Promise.all([
    db
      .select({ partnershipId: partnerships.id, name: partnerships.name, role: memberships.role })
      .from(memberships)
      .innerJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
      .where(
        and(
          eq(memberships.userId, userId),
          isNull(memberships.deletedAt),
          isNull(partnerships.deletedAt),
        ),
      )
      .orderBy(asc(partnerships.name)),
    db
      .select({
        id: municipalityAccess.id,
        municipalityId: municipalities.id,
        name: municipalities.name,
        version: municipalityAccess.version,
      })
      .from(municipalityAccess)
      .innerJoin(municipalities, eq(municipalities.id, municipalityAccess.municipalityId))
      .where(and(eq(municipalityAccess.userId, userId), isNull(municipalityAccess.deletedAt)))
      .orderBy(asc(municipalities.name)),
    db
      .select({
        id: regionAccess.id,
        regionId: regions.id,
        name: regions.name,
        version: regionAccess.version,
      })
      .from(regionAccess)
      .innerJoin(regions, eq(regions.id, regionAccess.regionId))
      .where(and(eq(regionAccess.userId, userId), isNull(regionAccess.deletedAt)))
      .orderBy(asc(regions.name)),
  ]);
  return { memberships: roles, municipalities: access, regions: regionGrants };
}

export async function insertRegionAccess(db: DbOrTx, values: { userId: string; regionId: string }) {
  const [row] = await db.insert(regionAccess).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function revokeRegionAccess(db: DbOrTx, params: { id: string; version: number }) {
  return updateVersioned(db, "regionAccess", regionAccess, {
    scope: eq(regionAccess.id, params.id),
    version: params.version,
    values: { deletedAt: new Date() },
  });
}

export async function insertMunicipalityAccess(
  db: DbOrTx,
  values: { userId: string; municipalityId: string },
) {
  const [row] = await db.insert(municipalityAccess).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function revokeMunicipalityAccess(
  db: DbOrTx,
  params: { id: string; version: number },
) {
  return versioned(
    "municipalityAccess",
    db
      .update(municipalityAccess)
      .set({ deletedAt: new Date(), version: sql`${municipalityAccess.version} + 1` })
      .where(
        and(
          eq(municipalityAccess.id, params.id),
          eq(municipalityAccess.version, params.version),
          isNull(municipalityAccess.deletedAt),
        ),
      )
      .returning(),
    async () =>
      (
        await db
          .select({ id: municipalityAccess.id })
          .from(municipalityAccess)
          .where(and(eq(municipalityAccess.id, params.id), isNull(municipalityAccess.deletedAt)))
      ).length > 0,
  );
}

/** Counts for the admin's start page. */
export async function platformCounts(db: DbOrTx) {
  const [rows] = await Promise.all([
    db.execute(sql`
      select
        (select count(*)::int from users where deactivated_at is null) as users,
        (select count(*)::int from organisations where deleted_at is null) as organisations,
        (select count(*)::int from municipalities where deleted_at is null) as municipalities,
        (select count(*)::int from partnerships where deleted_at is null) as partnerships`),
  ]);
  const [row] = rowsOf<{
    users: number;
    organisations: number;
    municipalities: number;
    partnerships: number;
  }>(rows);
  return row ?? { users: 0, organisations: 0, municipalities: 0, partnerships: 0 };
}

/**
 * Ends one session (signing out): its token stops working at the next request. Rows whose
 * token has expired anyway are cleared on the way.
 */
export async function revokeSession(
  db: DbOrTx,
  session: { sessionId: string; userId: string; expiresAt: Date },
) {
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
  await db.insert(revokedSessions).values(session).onConflictDoNothing();
}

/** Keeps the user's language for their mail; writes only when it changed. */
export async function rememberLocale(db: DbOrTx, userId: string, locale: string) {
  await db
    .update(users)
    .set({ locale })
    .where(and(eq(users.id, userId), ne(users.locale, locale)));
}
