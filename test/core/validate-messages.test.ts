/**
 * The wording helpers every issue message is built from (core/suggest.ts): did-you-mean,
 * "allowed" lists, readable paths and safe quoting of user values.
 */
import { describe, expect, it } from "vitest";
import { choices, didYouMean, distance, formatPath, listAllowed, quote } from "../../lib/suggest.ts";

describe("didYouMean", () => {
  it.each<[string, string[], string | undefined]>([
    ["verison", ["name", "version", "roles"], "version"],
    ["ActiveSync", ["owa", "activesync"], "activesync"],
    ["o365", ["o365info", "contoso"], "o365info"],
    ["mail", ["mail-a", "mail-b"], undefined], // two candidates start with it: no guess
    ["alise", ["alice", "alison"], "alice"],
    ["mapihttp", ["mapi-http", "rpc-tcp"], "mapi-http"],
    ["xyz", ["name", "version"], undefined],
    ["", ["name"], undefined],
    ["x".repeat(100), ["x".repeat(99)], undefined], // too long to be a typo
    ["servr", ["server", "servers"], "server"], // ties go to the earlier candidate
  ])("%j among %j → %j", (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  // Its cost against thousands of names is measured in bench/growth.ts, not asserted here.
  it("finds the name among thousands", () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `user${i}`);
    for (let i = 0; i < 50; i++) expect(didYouMean(`usr${i}`, names)).toBe(`user${i}`);
  });
});

describe("distance", () => {
  it.each<[string, string, number]>([
    ["abc", "abc", 0],
    ["abc", "ABC", 0],
    ["abc", "acb", 1],
    ["kitten", "sitting", 3],
  ])("%j → %j is %i", (a, b, d) => expect(distance(a, b, 5)).toBe(d));

  it("stops at the bound", () => expect(distance("aaaaaaaa", "bbbbbbbb", 2)).toBe(3));
});

describe("message parts", () => {
  it("formats paths as people write them", () => {
    expect(formatPath(["topology", "servers", 2, "urls", "mapi-http", "internal"])).toBe("topology.servers[2].urls.mapi-http.internal");
    expect(formatPath(["users", 0, "odd key"])).toBe('users[0]["odd key"]');
    expect(formatPath([])).toBe("(document)");
    expect(formatPath(["a".repeat(100_000)])).toBe(`["${"a".repeat(60)}..."]`);
  });

  it("lists at most 20 and says how many more", () => {
    expect(listAllowed(Array.from({ length: 25 }, (_, i) => `s${i}`))).toMatch(/, s19 and 5 more$/);
    expect(listAllowed([])).toBe("(none)");
  });

  it("ends a message with a suggestion and the allowed values", () => {
    expect(choices("drak", ["default", "dark"])).toBe('; did you mean "dark"? Allowed: default, dark');
    expect(choices("blue", ["default", "dark"], "themes")).toBe("; themes: default, dark");
    expect(choices(42, ["a"])).toBe("; allowed: a");
  });

  it("quotes user values escaped and short, never splitting a surrogate pair", () => {
    expect(quote("a\nb\u0000")).toBe('"a\\nb\\u0000"');
    expect(quote("x".repeat(100))).toBe(`"${"x".repeat(60)}..."`);
    expect(quote(`${"x".repeat(59)}😀y`)).toBe(`"${"x".repeat(59)}..."`);
    expect(quote("\uD800")).toBe('"\\ud800"');
    expect([quote(1), quote(null), quote(true), quote([]), quote({})]).toEqual(["1", "null", "true", "an array", "an object"]);
  });
});
