/**
 * What a stranger can send, through the caller on a real database: the public personal-link
 * form reads nothing of a text before the link holds, a text over its length is refused without
 * being read, and text the database would change (half a character) is refused by field.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { formattedError } from "../helpers/errors";
import {
  anonymousFrom,
  callerFor,
  ownPartnership,
  personalLinkToken,
  type World,
  withWorld,
} from "../helpers/world";

let database: Database;
let shared: World;
let world: World;
withWorld((d, w) => {
  database = d;
  shared = w;
});
beforeEach(async () => {
  world = await ownPartnership(database.db, shared);
});

const anonymous = (ip: string) => anonymousFrom(database.db, ip);

/** A valid BSN (it passes the 11-check), to show whether a text was scanned at all. */
const bsn = "123456782";
const megabyte = `${"Een lange tekst. ".repeat(61_681)}${bsn}`.slice(-1_048_576);

const personalLink = () => personalLinkToken(database.db, world);

describe("the personal-link form, sent by a stranger", () => {
  it("checks the link before it reads the answer: an unknown link with a megabyte of text is refused as unknown", async () => {
    const stranger = await anonymous("198.51.100.7");
    const started = performance.now();
    const error = await formattedError(
      stranger.voice.submit({
        token: "x".repeat(43),
        collaboration: 3,
        wellbeing: 3,
        comment: megabyte,
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a megabyte comment on a real link as too long, without scanning it for identifiers", async () => {
    const token = await personalLink();
    const parent = await anonymous("198.51.100.8");
    const error = await formattedError(
      parent.voice.submit({ token, collaboration: 3, wellbeing: 3, comment: megabyte }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors?.comment).toContain("hoogstens 1000 tekens");
    // The BSN at its end was never looked for.
    expect(error.fieldErrors?.comment).not.toContain("BSN");
    // Within its length the same BSN is found.
    const short = await formattedError(
      parent.voice.submit({ token, collaboration: 3, wellbeing: 3, comment: `nummer ${bsn}` }),
    );
    expect(short.fieldErrors?.comment).toContain("BSN");
  });
});

describe("text the database would change", () => {
  it("refuses half a character (a lone surrogate) by field, and keeps a whole one", async () => {
    const token = await personalLink();
    const parent = await anonymous("198.51.100.9");
    const answer = { token, collaboration: 4, wellbeing: 4 };
    for (const broken of ["kapot \uD83D teken", "\uDE00 aan het begin", "op het eind \uD83D"]) {
      const error = await formattedError(parent.voice.submit({ ...answer, comment: broken }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.comment).toContain("ongeldig teken");
    }
    const professional = await callerFor(database.db, world, "professional");
    const reference = await formattedError(
      professional.cases.create({
        partnershipId: world.p.id,
        ageBand: "12-16",
        schoolType: "vo",
        internalReference: "map \uD800 7",
      }),
    );
    expect(reference.fieldErrors?.internalReference).toContain("ongeldig teken");
    // A whole emoji is two surrogates in a pair: kept as typed.
    expect(await parent.voice.submit({ ...answer, comment: "Heel fijn 😀" })).toMatchObject({
      received: true,
    });
  });
});
