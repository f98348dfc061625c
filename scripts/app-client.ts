/**
 * Driving the built app over HTTP, as a browser does: start `scripts/server.mjs` (what
 * `npm start` runs) on a database, sign in through next-auth's credentials endpoint, call tRPC
 * procedures (queries as GET, mutations as POST with the Origin the mutation guard checks).
 * Used by the benchmarks and the cluster test.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Starts the app on `port` with `env` on top of this process's; resolves once it is healthy. */
export async function startApp(
  port: number,
  env: Record<string, string>,
  output: "ignore" | "inherit" = "ignore",
): Promise<ChildProcess> {
  const app = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", ...env },
    stdio: ["ignore", output, "inherit"],
    detached: true,
  });
  let exited: number | null = null;
  app.on("exit", (code) => {
    exited = code ?? -1;
  });
  for (let i = 0; i < 240; i++) {
    if (exited !== null) throw new Error(`the app on port ${port} exited (${exited})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return app;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app on port ${port} did not start`);
}

/** The name=value parts of a response's Set-Cookie headers. */
function cookiesOf(response: Response) {
  return (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0] ?? "");
}

/**
 * Signs in through next-auth's credentials endpoint at `base`; the session cookie, or null when
 * the sign-in was refused (a wrong password, or the login limits). `origin` is the app's public
 * address (NEXTAUTH_URL), which the mutation guard compares with.
 */
export async function signIn(
  base: string,
  email: string,
  password: string,
  origin = base,
  /** The second factor's code, for an account that has one. */
  code?: string,
): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiesOf(csrf).join("; "),
      origin,
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      json: "true",
      ...(code ? { code } : {}),
    }),
  });
  await response.arrayBuffer();
  return cookiesOf(response).find((c) => c.startsWith("next-auth.session-token=")) ?? null;
}

export type CallResult = { status: number; body: unknown; servedBy: string | null };

/** One tRPC query (GET, superjson input) or mutation (POST); its status and answer. */
export async function trpc(
  base: string,
  cookie: string | null,
  proc: string,
  input: unknown,
  options: { mutation?: boolean; origin?: string; signal?: AbortSignal } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const payload = input === undefined ? undefined : JSON.stringify({ json: input });
  const response = options.mutation
    ? await fetch(`${base}/api/trpc/${proc}`, {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          origin: options.origin ?? base,
        },
        body: payload ?? "{}",
        signal: options.signal,
      })
    : await fetch(
        `${base}/api/trpc/${proc}${payload ? `?input=${encodeURIComponent(payload)}` : ""}`,
        { headers, signal: options.signal },
      );
  const text = await response.text();
  // An answer: its data; a refusal: the whole error (its message in error.json.message).
  let body: unknown = text;
  let complete = true;
  try {
    const parsed = JSON.parse(text) as { result?: { data?: { json?: unknown } } };
    body = parsed.result ? parsed.result.data?.json : parsed;
  } catch {
    complete = false;
  }
  // A 200 whose body was cut off (the server died while sending it) is no answer: status 0,
  // as a browser's client would take it, and retry.
  const status = response.status === 200 && !complete ? 0 : response.status;
  return { status, body, servedBy: response.headers.get("x-served-by") };
}

/** A call that must succeed: its answer, or an error naming the procedure and status. */
export async function trpcOk<T>(
  base: string,
  cookie: string | null,
  proc: string,
  input: unknown,
  options: { mutation?: boolean; origin?: string } = {},
): Promise<T> {
  const r = await trpc(base, cookie, proc, input, options);
  if (r.status !== 200)
    throw new Error(`${proc} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body as T;
}
