import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Three projects: pure unit tests; integration tests on embedded Postgres (PGlite); and the
 * same integration tests on a Postgres server when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Server logs (login attempts …) only where a test fails.
    silent: "passed-only",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "domain/**/*.test.ts",
            "server/**/*.test.ts",
            "db/**/*.test.ts",
            "app/**/*.test.ts",
            "tests/embedded/**/*.test.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "pglite",
          include: ["tests/integration/**/*.test.ts"],
          env: { TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(serverUrl
        ? [
            {
              resolve: { alias },
              test: {
                name: "postgres",
                include: ["tests/integration/**/*.test.ts"],
                env: { TEST_DB: "postgres", TEST_DATABASE_URL: serverUrl },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
