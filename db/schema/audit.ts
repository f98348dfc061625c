/** The append-only audit log and the login attempts behind rate limiting. */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./people";

/**
 * Who did what to which record, when, with the row before and after. Written in the same
 * transaction as the mutation; a trigger (migration 0001) refuses UPDATE and DELETE.
 * Partitioned by month of `at` (migration 0020; `audit_log_add_months` makes the months ahead,
 * a default partition holds anything outside them), so an operator can detach and archive a
 * month (README "The audit log"). Hence the key is (id, at), and the id is numbered by a
 * sequence of its own.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).notNull().default(sql`nextval('audit_log_seq')`),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for acts without a signed-in user (a failed login, the demo seed). */
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** The partnership the record belongs to, for a partnership's own history. */
    partnershipId: uuid("partnership_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    /** Where the act came from (the client's address, as the rate limits see it), NEN 7513. */
    ip: text("ip"),
  },
  (t) => [
    primaryKey({ name: "audit_log_id_at_pk", columns: [t.id, t.at] }),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_partnership_at_idx").on(t.partnershipId, t.at),
    index("audit_log_actor_at_idx").on(t.actorUserId, t.at),
  ],
);

/** Every login attempt, kept in the database so that limits hold across app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    /** Why it failed: invalid_credentials, rate_limited, deactivated. */
    reason: text("reason"),
  },
  (t) => [
    index("login_attempts_email_at_idx").on(t.email, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
    // The ceiling over all addresses counts the last minute's failures.
    index("login_attempts_at_idx").on(t.at),
  ],
);

/**
 * Sessions ended by signing out, until their token would have expired anyway: a signed-out
 * token stops working at once (loadSessionUser, db/queries/users.ts), though a JWT needs no
 * server state otherwise. The id is the session's own (`sid` in the token), set at sign-in.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_at_idx").on(t.expiresAt)],
);

/**
 * When a session was last used, for the sessions that end when left idle (admins' and
 * analysts', SESSION_IDLE_MINUTES): written at most once a minute per session.
 */
export const sessionActivity = pgTable("session_activity", {
  sessionId: text("session_id").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per create request a form sent (its client request id): a retried or doubled
 * submission finds the record the first one made instead of making a second (docs/ARCHITECTURE.md "Concurrency, and nothing is lost":
 * "a retried submission does not create a duplicate"). Only ids are kept.
 */
export const requestKeys = pgTable(
  "request_keys",
  {
    key: uuid("key").primaryKey(),
    userId: uuid("user_id").notNull(),
    /** What the request created (a procedure's record kind), and its id once made. */
    entity: text("entity").notNull(),
    entityId: uuid("entity_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("request_keys_at_idx").on(t.at)],
);
