/**
 * Guessing personal links from many addresses at once: beyond LINK_MAX_FAILURES_PER_MINUTE
 * failed uses in a minute, from all addresses together, every use is refused until the minute
 * has passed. A file of its own: the ceiling holds for the whole database while it lasts.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { voiceAttempts } from "@/db/schema";
import { env } from "@/env";
import { formattedError } from "../helpers/errors";
import { anonymousFrom, personalLinkToken, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const from = (ip: string) => anonymousFrom(database.db, ip);

describe("personal links under a spread guess", () => {
  it("refuses every use beyond the ceiling, from any address, until the minute has passed", async () => {
    const token = await personalLinkToken(database.db, world);

    const ceiling = env.LINK_MAX_FAILURES_PER_MINUTE;
    for (let i = 0; i < ceiling; i++) {
      const guesser = await from(`203.0.${Math.floor(i / 250)}.${i % 250}`);
      expect(
        (await formattedError(guesser.voice.open({ token: `guess-${i}-${"x".repeat(30)}` }))).code,
      ).toBe("NOT_FOUND");
    }
    // A new address, and even the real link: refused while the ceiling holds.
    const parent = await from("198.51.100.60");
    expect((await formattedError(parent.voice.open({ token }))).code).toBe("TOO_MANY_REQUESTS");
    // A minute later (the failures moved back) the real link opens again.
    await database.db.update(voiceAttempts).set({ at: new Date(Date.now() - 2 * 60_000) });
    expect(await parent.voice.open({ token })).toMatchObject({ perspective: "parent" });
  });
});
