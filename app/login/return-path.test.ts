import { describe, expect, it } from "vitest";
import { returnPath } from "./return-path";

describe("returnPath", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(returnPath("/partnerships/1?tab=goals#doelen")).toBe("/partnerships/1?tab=goals#doelen");
    expect(returnPath(["/national", "/other"])).toBe("/national");
  });

  it("leads home for anything a browser would take to another site", () => {
    for (const value of [
      "//evil.example/",
      "/\\evil.example/",
      "/\tevil.example/",
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r\n/evil.example/",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "/\u0000",
      "/.//evil.example/x",
      "/%2e//evil.example",
      "/a/..//evil.example",
      "/./\\evil.example",
      "",
      undefined,
    ])
      expect(returnPath(value), JSON.stringify(value)).toBe("/");
  });

  it("resolves dot segments within the site", () => {
    expect(returnPath("/a/../../b")).toBe("/b");
  });
});
