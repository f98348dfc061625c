/**
 * Validated configuration: the one place that reads `process.env`.
 * Everything has a default that works on a fresh clone (embedded Postgres, a generated
 * auth secret kept beside the embedded data); configuration wins where given.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server; unset means embedded Postgres (PGlite) in DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /**
   * The schema owner's connection, for the migrations at start, when DATABASE_URL's role is the
   * restricted app role (README "The database roles"). Unset: DATABASE_URL migrates.
   */
  DATABASE_MIGRATION_URL: z.url().optional(),
  /** Folder for the embedded database and the generated auth secret. */
  DATA_DIR: z.string().min(1).default(".data"),
  /**
   * The app's public address (https in production). Mutations are accepted only from this
   * origin (server/http-guard.ts); next-auth reads it too. `npm start` sets
   * http://localhost:$PORT when it is unset.
   */
  NEXTAUTH_URL: z.url().optional(),
  /** Set by scripts/start.mjs when it filled in NEXTAUTH_URL itself (then not a public URL). */
  NEXTAUTH_URL_DEFAULTED: z.enum(["1"]).optional(),
  /**
   * Set by scripts/server.mjs: it writes the connection's address into every request
   * (scripts/peer-address.mjs). Without it that header could be a client's own.
   */
  PEER_ADDRESS_FROM_SOCKET: z.enum(["1"]).optional(),
  /** Secret that signs session tokens; generated into DATA_DIR when unset. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Seed demo data on first start: default on for the embedded database only. */
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  /**
   * Failed logins per account (from any client: a hard limit, far above what one client can
   * try with its growing delay, server/login.ts) and per IP address, in the window before
   * login is refused.
   */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /**
   * Failed logins per minute over all accounts and addresses together, and failed uses of
   * personal links: beyond them every attempt is refused for the rest of the minute, whatever
   * addresses a guesser rotates through.
   */
  LOGIN_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(100),
  LINK_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(100),
  /**
   * Days that login and link attempts and create-request keys are kept; older ones are purged
   * every six hours (server/services/retention.ts, or `npm run purge` from cron).
   */
  RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /**
   * Admins and analysts must sign in with a second factor (TOTP): until they set one up, they
   * can do nothing but that. Default true on a Postgres server, false in the embedded demo (so
   * its accounts stay one step).
   */
  MFA_REQUIRED: z.enum(["true", "false"]).optional(),
  /**
   * Organisation sign-in (OpenID Connect) beside passwords, when OIDC_ISSUER is set: the
   * provider's issuer URL, this app's client id and secret there, and the e-mail domains whose
   * users may sign in through it (comma-separated). A user is matched to an account by their
   * verified e-mail address; accounts are made only for domains an admin allows it for.
   */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** The sign-in button's name for the provider ("Inloggen met {name}"). */
  OIDC_NAME: z.string().min(1).max(60).optional(),
  /** Minutes an admin's or analyst's session may lie idle before it ends (0: never). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(0).default(30),
  /**
   * Proxies in front of the app that append the address they see to X-Forwarded-For (a load
   * balancer, a reverse proxy). 0, out of the box: the client's address is the connection's
   * own and X-Forwarded-For is not read. N: the entry N places before the connection, the one
   * the outermost trusted proxy wrote, which the client cannot choose (clientIp, server/auth.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /**
   * Where reminders are sent (smtp://user:pass@host:port, or smtps://). Without it mails stay
   * in the outbox an admin reads at /admin/outbox (the embedded demo).
   */
  SMTP_URL: z.url().optional(),
  /** The sender of every mail. */
  MAIL_FROM: z
    .string()
    .min(3)
    .default("Samenwerkingsmonitor <noreply@samenwerkingsmonitor.invalid>"),
  /** Off (false) in tests that run the reminder job themselves; on by default. */
  JOBS: z.enum(["true", "false"]).default("true"),
  /**
   * Small-number suppression: case figures over fewer cases than this are shown only to
   * coordinators, who may see every case anyway (docs/ARCHITECTURE.md "Small-number suppression").
   */
  SUPPRESS_BELOW_CASES: z.coerce.number().int().min(1).default(10),
  /** Figures over fewer partnerships than this are not published to analysts. */
  SUPPRESS_BELOW_PARTNERSHIPS: z.coerce.number().int().min(1).default(3),
  /**
   * Collaboration scores of a session enter figures shown outside the partnership only when at
   * least this many participants scored (so no one's own scores can be read off them).
   */
  SUPPRESS_BELOW_SCORERS: z.coerce.number().int().min(1).default(5),
  /** The relation between collaboration and outcomes is shown from this many partnerships. */
  CORRELATION_MIN_PARTNERSHIPS: z.coerce.number().int().min(3).default(10),
  /** A reflection counts as on time when signed off at most this many days after it was due. */
  REPORTING_ON_TIME_DAYS: z.coerce.number().int().min(0).default(30),
  /** Connections per app instance to the Postgres server. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const raw = { ...process.env };
  // next-auth's own name for the secret is accepted too.
  raw.AUTH_SECRET ??= process.env.NEXTAUTH_SECRET;
  for (const key of Object.keys(raw)) if (raw[key] === "") delete raw[key];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (parsed.data.OIDC_ISSUER && !(parsed.data.OIDC_CLIENT_ID && parsed.data.OIDC_CLIENT_SECRET))
    throw new Error(
      "Invalid configuration:\n  OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too",
    );
  return parsed.data;
}

export const env: Env = load();

export const dataDir = path.resolve(env.DATA_DIR);

/** Whether admins and analysts need a second factor (MFA_REQUIRED, by default on a server). */
export const mfaRequired = env.MFA_REQUIRED ? env.MFA_REQUIRED === "true" : !!env.DATABASE_URL;

/** Embedded mode seeds demo data unless told otherwise; a real server only on request. */
export const seedDemoOnStart = env.SEED_DEMO ? env.SEED_DEMO === "true" : !env.DATABASE_URL;

let secret: string | undefined;
/**
 * The auth secret: configured, or generated once and kept in DATA_DIR so that sessions survive
 * a restart. Several instances must share a configured AUTH_SECRET (see README).
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (secret) return secret;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    secret = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(dataDir, { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, generated, { flag: "wx", mode: 0o600 });
      secret = generated;
    } catch {
      // Another process wrote it first: use theirs.
      secret = readFileSync(file, "utf8").trim();
    }
  }
  return secret;
}
