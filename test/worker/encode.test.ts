/** worker/encode.ts and worker/etag.ts as plain functions. */
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { base64UrlDecode, base64UrlEncode, decodeDocument, encodeDocument, inflate } from "../../worker/encode.ts";
import { ProblemError } from "../../worker/errors.ts";
import { canonicalJson, etagMatches, strongEtag } from "../../worker/etag.ts";
import { MAX_INFLATED_BYTES } from "../../worker/limits.ts";
import { REQUEST } from "./helpers.ts";

describe("encoding", () => {
  it("encodes as Kroki does: zlib deflate + base64url without padding", async () => {
    const enc = await encodeDocument(REQUEST);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(inflateSync(Buffer.from(enc, "base64url")).toString())).toEqual(REQUEST);
    expect(JSON.parse(await decodeDocument(enc))).toEqual(REQUEST);
  });

  it("base64 round-trips every byte value, and the standard alphabet is accepted", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const enc = base64UrlEncode(bytes);
    expect(base64UrlDecode(enc)).toEqual(bytes);
    expect(base64UrlDecode(Buffer.from(bytes).toString("base64"))).toEqual(bytes);
  });

  it("rejects impossible base64 lengths with a 400", () => {
    expect(() => base64UrlDecode("abcde")).toThrow(ProblemError);
  });

  it("stops inflating at the limit (413)", async () => {
    const bomb = new Uint8Array(deflateSync(Buffer.alloc(10 * MAX_INFLATED_BYTES)));
    await expect(inflate(bomb)).rejects.toMatchObject({ problem: { status: 413 } });
    expect((await inflate(new Uint8Array(deflateSync(Buffer.alloc(MAX_INFLATED_BYTES))))).byteLength).toBe(MAX_INFLATED_BYTES);
  });
});

describe("etag", () => {
  it("canonical JSON sorts keys at every level and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":2,"y":1}]},"b":1}');
  });

  it("strong tags are quoted SHA-256 and depend on every part", async () => {
    const a = await strongEtag(["1", "svg", { x: 1, y: 2 }]);
    expect(a).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await strongEtag(["1", "svg", { y: 2, x: 1 }])).toBe(a);
    expect(await strongEtag(["2", "svg", { x: 1, y: 2 }])).not.toBe(a);
  });

  it("If-None-Match uses weak comparison", () => {
    expect(etagMatches('W/"a", "b"', '"a"')).toBe(true);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});
