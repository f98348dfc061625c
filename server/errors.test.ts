import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, toUserError, withinDeadline } from "./errors";

/** An error as drizzle wraps the driver's: the driver's error as its cause. */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query"), { cause });

describe("a database that is away", () => {
  it("is told apart from other failures, also behind a wrapper", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECT_TIMEOUT"])
      expect(isDatabaseUnavailable(wrapped(Object.assign(new Error(code), { code }))), code).toBe(
        true,
      );
    // Postgres shutting down, starting up after a crash, out of connections, a broken link.
    for (const code of ["57P01", "57P02", "57P03", "53300", "08006"])
      expect(isDatabaseUnavailable(wrapped({ code })), code).toBe(true);
    for (const code of ["23505", "40001", "22P02", undefined])
      expect(isDatabaseUnavailable(wrapped({ code })), String(code)).toBe(false);
    expect(isDatabaseUnavailable(new Error("bug"))).toBe(false);
  });

  it("becomes a 503 to retry, not a 500", () => {
    const error = toUserError(wrapped(Object.assign(new Error("x"), { code: "ECONNREFUSED" })));
    expect(error?.code).toBe("SERVICE_UNAVAILABLE");
    expect(error?.message).toBe("errors.database_unavailable");
  });
});

describe("a request that waits too long", () => {
  it("is answered 503 at the deadline, and one in time is left alone", async () => {
    const never = new Promise(() => {});
    await expect(withinDeadline(never, 20)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: "errors.database_unavailable",
    });
    await expect(withinDeadline(Promise.resolve(7), 1000)).resolves.toBe(7);
  });
});
