/**
 * `npm run test:oidc`: organisation sign-in (OpenID Connect) end to end, and the second factor
 * over HTTP, against a real OpenID provider started here (the certified `oidc-provider`
 * package, its development login pages) and the built app on an embedded database of its own,
 * driven by Chromium as a person would. It checks:
 * - an existing account with a verified e-mail address signs in through the provider;
 * - refused, each with the login page's one message: an unverified e-mail address, a domain
 *   outside OIDC_ALLOWED_DOMAINS, an ID token for another client (wrong audience), an expired
 *   one, one from another issuer (both signed with the provider's own key, as a token replayed
 *   or substituted would be), an unknown address in a domain without account creation;
 * - an admin turns account creation on for a domain (after setting up their own second factor
 *   over HTTP, as MFA_REQUIRED asks), and then the unknown address gets an account, audited;
 * - an analyst (MFA_REQUIRED) is refused unless the provider says it used a second factor
 *   (`amr` holds "mfa");
 * - a password sign-in of an account with a second factor needs its code, and a code once.
 * Exits non-zero when a check fails.
 */
import type { ChildProcess } from "node:child_process";
import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import Provider from "oidc-provider";
import { DEMO_PASSWORD, demoAccounts } from "@/db/seed/demo";
import { codeAt } from "@/server/mfa";
import { signIn, startApp, trpc, trpcOk } from "./app-client";
// @ts-expect-error: a plain ES module without types of its own
import { buildIfNeeded } from "./build-if-needed.mjs";
import { checks } from "./checks";

const OP_PORT = Number(process.env.OIDC_OP_PORT ?? 3470);
const APP_PORT = Number(process.env.OIDC_APP_PORT ?? 3471);
const issuer = `http://127.0.0.1:${OP_PORT}`;
const base = `http://127.0.0.1:${APP_PORT}`;
const CLIENT_ID = "samenwerkingsmonitor";
const CLIENT_SECRET = "oidc-test-client-secret-oidc-test-client-secret";
const ORGANISATION = "Testorganisatie";

const { check, finish } = checks("oidc");

/** The provider's people: login name → claims. */
const people: Record<string, { email: string; verified: boolean; name: string }> = {
  coordinator: { email: demoAccounts.coordinator, verified: true, name: "Coördinator (OP)" },
  unverified: { email: demoAccounts.leader, verified: false, name: "Leider (OP)" },
  outsider: { email: "iemand@elders.nl", verified: true, name: "Iemand Elders" },
  newcomer: { email: "nieuw@school.nl", verified: true, name: "Nieuwe Leerkracht" },
  analyst: { email: demoAccounts.municipality, verified: true, name: "Analist (OP)" },
};

/** What the next token answer's ID token is changed into (signed again with the provider's key). */
type Tamper = (claims: Record<string, unknown>) => Record<string, unknown>;
let tamper: Tamper | null = null;

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = randomUUID();
const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };

/** A JWT signed with the provider's own key (RS256), as the provider signs its ID tokens. */
function signWithProviderKey(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT", kid })}.${part(claims)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(privateKey).toString("base64url");
  return `${input}.${signature}`;
}

function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
}

async function startProvider(): Promise<Server> {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${base}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The scope's claims in the ID token itself (next-auth reads the ID token).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: person.email,
          email_verified: person.verified,
          name: person.name,
        }),
      };
    },
    // A first-party client: no consent screen (the grant is made at once).
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? "");
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // The token endpoint's answer, changed when a test asks: a substituted ID token.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && tamper && body?.id_token) {
      const claims = decodePayload(body.id_token);
      ctx.body = { ...body, id_token: signWithProviderKey({ ...claims, ...tamper(claims) }) };
    }
  });
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(OP_PORT, "127.0.0.1", resolve));
  return server;
}

type Outcome = {
  signedInAs: string | null;
  refused: boolean;
  /** Held at setting up a second factor (MFA_REQUIRED) instead of seeing the app. */
  held: boolean;
  url: string;
};

/** Signs in through the provider in a fresh browser, as `login`; where it ends up. */
async function organisationSignIn(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  login: string,
  change: Tamper | null = null,
): Promise<Outcome> {
  tamper = change;
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/login`);
    await page.getByRole("button", { name: `Inloggen met ${ORGANISATION}` }).click();
    await page.waitForURL((url) => url.origin === issuer, { timeout: 20_000 });
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', "anything");
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith("/api/"), {
      timeout: 20_000,
    });
    await page.waitForLoadState("networkidle");
    const user = page.locator(".smo-user");
    const signedInAs = (await user.count()) > 0 ? await user.textContent() : null;
    const refused = await page.getByTestId("oidc-error").isVisible();
    const held = await page.getByText("Stel eerst de tweede stap in").isVisible();
    return { signedInAs, refused, held, url: page.url() };
  } finally {
    tamper = null;
    await context.close();
  }
}

async function main() {
  buildIfNeeded();
  const dir = mkdtempSync(path.join(tmpdir(), "smo-oidc-"));
  let app: ChildProcess | undefined;
  let op: Server | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    op = await startProvider();
    app = await startApp(APP_PORT, {
      DATA_DIR: dir,
      DATABASE_URL: "",
      SEED_DEMO: "true",
      NEXTAUTH_URL: base,
      AUTH_SECRET: "oidc-secret-oidc-secret-oidc-secret-32ch",
      MFA_REQUIRED: "true",
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOWED_DOMAINS: "demo.nl, school.nl",
      OIDC_NAME: ORGANISATION,
    });

    const coordinator = await organisationSignIn(browser, "coordinator");
    check(
      coordinator.signedInAs?.includes("Ingelogd als") === true && !coordinator.refused,
      "an existing account with a verified e-mail address signs in through its organisation",
      `${coordinator.signedInAs} at ${new URL(coordinator.url).pathname}`,
    );

    const refusals: [string, string, Tamper | null][] = [
      ["an unverified e-mail address", "unverified", null],
      ["a domain outside OIDC_ALLOWED_DOMAINS", "outsider", null],
      [
        "an ID token for another client (wrong audience)",
        "coordinator",
        () => ({ aud: "another-client" }),
      ],
      [
        "an expired ID token",
        "coordinator",
        () => ({
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      ],
      [
        "an ID token from another issuer",
        "coordinator",
        () => ({ iss: "http://127.0.0.1:1/elsewhere" }),
      ],
      ["an unknown address where no accounts are made", "newcomer", null],
      ["an analyst without a second factor at the provider (MFA_REQUIRED)", "analyst", null],
    ];
    for (const [what, login, change] of refusals) {
      const outcome = await organisationSignIn(browser, login, change);
      check(
        outcome.refused && outcome.signedInAs === null,
        `refused: ${what}`,
        `${new URL(outcome.url).pathname}${new URL(outcome.url).search}`,
      );
    }

    // The admin signs in with a password, sets up the second factor MFA_REQUIRED asks of them,
    // and then signs in again with a code: once, not twice.
    const adminCookie = await signIn(base, demoAccounts.admin, DEMO_PASSWORD);
    if (!adminCookie) throw new Error("the admin could not sign in");
    const held = await trpc(base, adminCookie, "admin.signInDomains.list", undefined);
    check(
      held.status === 403,
      "an admin without a second factor is held at its set-up",
      `HTTP ${held.status}`,
    );
    const { secret } = await trpcOk<{ secret: string }>(
      base,
      adminCookie,
      "me.secondFactor.begin",
      undefined,
      {
        mutation: true,
      },
    );
    const { recoveryCodes } = await trpcOk<{ recoveryCodes: string[] }>(
      base,
      adminCookie,
      "me.secondFactor.confirm",
      { otp: codeAt(secret) },
      { mutation: true },
    );
    check(recoveryCodes.length === 10, "setting up the second factor gives ten recovery codes");
    const withoutCode = await signIn(base, demoAccounts.admin, DEMO_PASSWORD);
    // The step after the one used to confirm: each code works once.
    const nextCode = codeAt(secret, Date.now() + 30_000);
    const withCode = await signIn(base, demoAccounts.admin, DEMO_PASSWORD, base, nextCode);
    const sameCode = await signIn(base, demoAccounts.admin, DEMO_PASSWORD, base, nextCode);
    check(
      withoutCode === null && withCode !== null && sameCode === null,
      "a password sign-in with a second factor needs its code, and takes a code once",
    );

    const set = await trpc(
      base,
      withCode,
      "admin.signInDomains.set",
      { domain: "school.nl", createAccounts: true },
      { mutation: true },
    );
    check(
      set.status === 200,
      "the admin turns account creation on for school.nl",
      `HTTP ${set.status}`,
    );
    const newcomer = await organisationSignIn(browser, "newcomer");
    check(
      newcomer.signedInAs?.includes("Nieuwe Leerkracht") === true,
      "then an unknown school.nl address gets an account at its first organisation sign-in",
      String(newcomer.signedInAs),
    );
    const users = await trpcOk<{ items: { email: string }[] }>(base, withCode, "admin.users.list", {
      page: 1,
      pageSize: 100,
    });
    const emails = users.items.map((u) => u.email);
    check(
      emails.includes("nieuw@school.nl") && !emails.includes("iemand@elders.nl"),
      "the account is there, and none was made for the refused outsider",
    );
    const audit = await trpcOk<{ items: { action: string }[] }>(base, withCode, "audit.platform", {
      page: 1,
      pageSize: 50,
    });
    const actions = audit.items.map((r) => r.action);
    check(
      actions.includes("create_by_sign_in") &&
        actions.includes("sign_in_domain") &&
        actions.includes("second_factor_on"),
      "the audit log holds the account made at sign-in, the domain setting and the second factor",
    );

    const analyst = await organisationSignIn(browser, "analyst", (claims) => ({
      ...claims,
      amr: ["pwd", "mfa"],
    }));
    check(
      analyst.signedInAs?.includes("Ingelogd als") === true && !analyst.held,
      "an analyst whose provider used a second factor (amr mfa) signs in, and is not held at the set-up",
      `${analyst.signedInAs} at ${new URL(analyst.url).pathname}`,
    );
  } finally {
    await browser.close();
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {}
    }
    op?.close();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
  finish();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
