/** Users, their roles in partnerships, and municipality access for analysts. */
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { partnershipRoles } from "@/domain/vocabulary";
import { deletedAt, id, timestamps, version } from "./columns";
import { partnerships } from "./partnerships";
import { municipalities, organisations, regions } from "./places";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; the login looks it up the same way. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id hash (PHC string). */
    passwordHash: text("password_hash").notNull(),
    isAdmin: boolean("is_admin").notNull().default(false),
    /** A national analyst (a ministry, a national knowledge institute): aggregates nationwide. */
    isNationalAnalyst: boolean("is_national_analyst").notNull().default(false),
    /** A deactivated user cannot sign in and loses every open session at its next request. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * Raised when the account is deactivated: part of every session's key (sessionKey,
     * server/passwords.ts), so no session opened before it works again after reactivation.
     */
    sessionGeneration: integer("session_generation").notNull().default(0),
    /** The language the user last chose in the app: the language of the mail sent to them. */
    locale: text("locale").notNull().default("nl"),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/**
 * A user's second factor (TOTP, RFC 6238; server/mfa.ts): one row per user who set one up.
 * `pendingSecret` is the secret being set up, until a code from the app confirms it and it
 * becomes `secret`. `lastStep` is the time step of the last code accepted, so a code works once.
 */
export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  pendingSecret: text("pending_secret"),
  secret: text("secret"),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastStep: bigint("last_step", { mode: "number" }),
  /**
   * The session that set it up (its id): the one session opened before `enabledAt` that goes
   * on; every other one from before was opened without the factor and ends (server/trpc.ts).
   */
  enrolledSessionId: text("enrolled_session_id"),
  ...timestamps(),
});

/**
 * Which subject of an OpenID provider an account signed in as (server/oidc.ts): linked at the
 * first organisation sign-in; a later one with the same e-mail address but another subject (a
 * reassigned mailbox) is refused.
 */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "oidc_identities_pk", columns: [t.userId, t.issuer] }),
    uniqueIndex("oidc_identities_subject_key").on(t.issuer, t.subject),
  ],
);

/** One-time recovery codes for the second factor, stored as SHA-256 hashes (shown once). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
);

/**
 * E-mail domains whose users may sign in through the organisation's OpenID provider without
 * an account made beforehand: an admin turns it on per domain (server/oidc.ts). Without a row,
 * organisation sign-in only finds existing accounts.
 */
export const signInDomains = pgTable("sign_in_domains", {
  domain: text("domain").primaryKey(),
  createAccounts: boolean("create_accounts").notNull().default(false),
  ...timestamps(),
  version: version(),
});

export const partnershipRole = pgEnum("partnership_role", partnershipRoles);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    role: partnershipRole("role").notNull(),
    /**
     * The partner organisation the member works for, when the coordinator set it: reminders of
     * an action go to the members of its owner organisation (server/mail/reminders.ts).
     */
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("memberships_user_id_idx").on(t.userId),
    index("memberships_organisation_id_idx").on(t.organisationId),
    index("memberships_partnership_id_idx").on(t.partnershipId),
    uniqueIndex("memberships_active_key")
      .on(t.userId, t.partnershipId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * An invitation to join a partnership in a role, by e-mail address. The invitee, signed in with
 * that address, accepts or declines it on their home page; whether an account with the address
 * exists is never told to the one inviting. Withdrawn invitations are soft-deleted.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    /** Stored lower-cased, as users' addresses are. */
    email: text("email").notNull(),
    role: partnershipRole("role").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** "accepted" or "declined", once answered. */
    answer: text("answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("invitations_email_idx").on(t.email),
    uniqueIndex("invitations_open_key")
      .on(t.partnershipId, t.email)
      .where(sql`${t.answeredAt} is null and ${t.deletedAt} is null`),
  ],
);

/** A municipality analyst sees aggregates of the partnerships in these municipalities. */
export const municipalityAccess = pgTable(
  "municipality_access",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("municipality_access_user_id_idx").on(t.userId),
    index("municipality_access_municipality_id_idx").on(t.municipalityId),
    uniqueIndex("municipality_access_active_key")
      .on(t.userId, t.municipalityId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** A region analyst sees aggregates of the partnerships in the region's municipalities. */
export const regionAccess = pgTable(
  "region_access",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("region_access_user_id_idx").on(t.userId),
    index("region_access_region_id_idx").on(t.regionId),
    uniqueIndex("region_access_active_key")
      .on(t.userId, t.regionId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
  municipalityAccess: many(municipalityAccess),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  partnership: one(partnerships, {
    fields: [memberships.partnershipId],
    references: [partnerships.id],
  }),
}));

export const municipalityAccessRelations = relations(municipalityAccess, ({ one }) => ({
  user: one(users, { fields: [municipalityAccess.userId], references: [users.id] }),
  municipality: one(municipalities, {
    fields: [municipalityAccess.municipalityId],
    references: [municipalities.id],
  }),
}));
