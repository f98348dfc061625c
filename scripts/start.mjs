/**
 * `npm start`: build if needed, then serve. The server migrates the database and, on the
 * first start of the embedded database, seeds the demo data (instrumentation.ts).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT || "3000";
if (!process.env.NEXTAUTH_URL) {
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  // Not a public URL: the mutation guard then compares with the request's own host.
  process.env.NEXTAUTH_URL_DEFAULTED = "1";
}

buildIfNeeded();
console.info(`[start] serving on http://localhost:${port}`);
// scripts/server.mjs: Next.js with the connection's own address on every request (the rate
// limits need it; `next start` gives route handlers none).
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
