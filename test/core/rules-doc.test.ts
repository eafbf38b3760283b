/** docs/rules.md is generated from core/route/rules.ts and core/route/sources.ts, and every citation resolves. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../core/route/rules.ts";
import { SOURCES, sourceId } from "../../core/route/sources.ts";
import { describeMatch, rulesMarkdown } from "../../scripts/rules-doc.ts";

const root = join(import.meta.dirname, "../..");

describe("docs/rules.md", () => {
  it("every source a row cites is in the sources table, with an https or http address", () => {
    // Citations by id (S1 ... S41) must resolve; others name their document in full (a URL path, a KB or TechNet id).
    const missing = RULES.flatMap((r) =>
      r.sources.filter((c) => /^S\d+\b/.test(c) && !Object.hasOwn(SOURCES, sourceId(c))).map((c) => `${r.id}: ${c}`),
    );
    expect(missing).toEqual([]);
    for (const s of Object.values(SOURCES)) expect(s.url).toMatch(/^https?:\/\/[^\s<>"]+$/);
  });

  it("every row cites at least one source", () => {
    expect(RULES.filter((r) => r.sources.length === 0).map((r) => r.id)).toEqual([]);
  });

  it("is current: `npm run docs:rules` writes exactly the committed file", () => {
    expect(readFileSync(join(root, "docs/rules.md"), "utf8"), "docs/rules.md is stale: run npm run docs:rules").toBe(rulesMarkdown());
  });

  it("lists every row once per variant, and links each citation to the sources table", () => {
    const doc = rulesMarkdown();
    for (const r of RULES) expect(doc).toContain(`${r.id} | ${describeMatch(r.match).replace(/</g, "&lt;")} |`);
    for (const id of new Set(RULES.flatMap((r) => r.sources.filter((c) => /^S\d+\b/.test(c)).map(sourceId))))
      expect(doc).toContain(`[${id}](#${id.toLowerCase()})`);
  });
});
