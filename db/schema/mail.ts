/**
 * Mail to users (reminders and the weekly digest, server/mail/reminders.ts). Every mail is a
 * row here first, keyed by the event it is about (`dedupeKey`): however many app instances
 * look for due reminders, the key lets one row in, and the delivery claims each row once
 * (server/mail/outbox.ts). Without SMTP configured the rows stay unsent: the outbox an admin
 * reads in the app. Only account holders get mail; parents and young people are never mailed.
 */
import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./columns";
import { users } from "./people";

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    dedupeKey: text("dedupe_key").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    toEmail: text("to_email").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** When a delivery took the row; another may take it again only after a while. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("mail_outbox_dedupe_key").on(t.dedupeKey),
    index("mail_outbox_user_id_idx").on(t.userId),
    index("mail_outbox_unsent_idx").on(t.sentAt, t.createdAt),
  ],
);

/** A kind of mail a user does not want. */
export const mailOptOuts = pgTable(
  "mail_opt_outs",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
