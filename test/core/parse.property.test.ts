/**
 * Property tests for parseDocument: any text (random unicode, lone surrogates, YAML/JSON-ish
 * token soup, valid presets with characters inserted or removed) gives ok or well-formed issues,
 * never an exception, and the same answer twice. JSON and YAML written by standard serializers
 * read back as the same value. Fixed seed; FC_RUNS / FC_SEED override for long fuzzing runs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { parseDocument } from "../../core/parse/index.ts";
import { presets } from "../../core/presets/index.ts";
import type { Result } from "../../core/types.ts";
import { validateFlowRequest } from "../../core/validate/index.ts";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 0x5eed), numRuns: Number(process.env.FC_RUNS ?? 200) });

const CODES = new Set(["PARSE", "LIMIT", "TYPE"]);

function wellFormed(r: Result<unknown>): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  for (const issue of r.issues) {
    expect(CODES.has(issue.code), issue.code).toBe(true);
    expect(Array.isArray(issue.path)).toBe(true);
    expect(issue.message).toMatch(/^(\(document\)|line \d+(, column \d+)?|\S+): /);
  }
}

function twice(text: string, format?: "json" | "yaml"): Result<unknown> {
  const a = parseDocument(text, format);
  expect(JSON.stringify(parseDocument(text, format))).toBe(JSON.stringify(a));
  return a;
}

const soup = fc
  .array(
    fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ":",
      ",",
      "-",
      " ",
      "  ",
      "\n",
      "\t",
      '"',
      "'",
      "#",
      "&a",
      "*a",
      "!!str",
      "!t",
      "? ",
      "|",
      ">",
      "a",
      "1",
      "null",
      "__proto__",
      "---",
      "\\",
      "\u2028",
      "\uD800",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const presetTexts = Object.values(presets).flatMap((p) => {
  const request = { topology: p.topology, scenario: Object.values(p.scenarios)[0]?.scenario };
  return [JSON.stringify(request, null, 2), toYaml(request)];
});

describe("parseDocument never throws", () => {
  it("on arbitrary text", () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), soup);
    fc.assert(fc.property(text, fc.constantFrom(undefined, "json" as const, "yaml" as const), (t, format) => wellFormed(twice(t, format))));
  });

  it("on valid requests with a few characters inserted, removed or replaced, nor does validation afterwards", () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.oneof(soup, fc.string({ maxLength: 3 })) });
    fc.assert(
      fc.property(fc.constantFrom(...presetTexts), fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let t = text;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          t = t.slice(0, at) + e.insert + t.slice(at + e.remove);
        }
        const r = twice(t);
        wellFormed(r);
        if (r.ok) {
          const v = validateFlowRequest(r.value, presets);
          expect(v.ok || v.issues.length > 0).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });
});

describe("parseDocument reads back what serializers write", () => {
  const value = fc.jsonValue({ maxDepth: 6 });

  it("JSON.stringify", () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const r = twice(JSON.stringify(v, null, pretty ? 2 : undefined));
        expect(r.ok).toBe(true);
        expect(JSON.stringify(r.ok && r.value)).toBe(JSON.stringify(v));
      }),
    );
  });

  it("yaml.stringify", () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = toYaml(v);
        const r = twice(text, "yaml");
        // A document that is only a comment-free empty value is the one thing we refuse.
        if (!r.ok) expect(text.trim()).toBe("");
        else expect(JSON.stringify(r.value)).toBe(JSON.stringify(v));
      }),
    );
  });
});
