import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the built app with its own embedded database (.data-e2e, wiped by
 * scripts/e2e.mjs before each run) on port 3100. The setup project (e2e/auth.setup.ts) logs each
 * demo role in through the form and saves the session in e2e/.auth/; the specs reuse it.
 * Browser: CHROMIUM_PATH if set; else Debian's /usr/bin/chromium if present (closed networks
 * where Playwright cannot download its own); else Playwright's own Chromium.
 */
const port = 3100;
const baseURL = `http://localhost:${port}`;
const executablePath =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "nl-NL",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Each demo role logs in through the form once and leaves its session for the specs.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: ".data-e2e",
      DATABASE_URL: "",
      SEED_DEMO: "true",
      NEXTAUTH_URL: baseURL,
      // Generous limits: the suite logs in many times from one address.
      LOGIN_MAX_FAILURES_PER_IP: "1000",
    },
  },
});
