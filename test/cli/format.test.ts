/**
 * The CLI's pure helpers, in-process: file-name stems for user names, the validate summary, and
 * which view each audit format uses (the views themselves: test/diagrams/audit.test.ts).
 */
import { describe, expect, it } from "vitest";
import { uniqueStems, sanitize } from "../../cli/filenames.ts";
import { formatAudit } from "../../cli/commands/audit.ts";
import { summary } from "../../cli/commands/validate.ts";
import { audit } from "../../core/audit/index.ts";
import { presets } from "../../core/presets/index.ts";
import { renderAuditCsv, renderAuditMarkdown } from "../../diagrams/audit/index.ts";

describe("file names", () => {
  it("keeps safe names and replaces the rest", () => {
    expect(sanitize("alice")).toBe("alice");
    expect(sanitize("../../etc/passwd")).toBe("etc_passwd");
    expect(sanitize("Zoë O'Brien")).toBe("Zoe_O_Brien");
    expect(sanitize("...")).toBe("user");
    expect(sanitize("x".repeat(300))).toHaveLength(64);
  });

  it("makes stems unique, also on case-insensitive file systems", () => {
    const stems = uniqueStems(["Ann", "ann", "a/b", "a b", "a_b"]);
    expect([...stems.values()]).toEqual(["Ann", "ann-2", "a_b", "a_b-2", "a_b-3"]);
  });
});

describe("audit formats", () => {
  it("md and csv are the shared audit views (the worker answers the same text); json is the Audit", () => {
    const a = audit(presets.o365info!.topology);
    expect(formatAudit(a, "md")).toBe(renderAuditMarkdown(a));
    expect(formatAudit(a, "csv")).toBe(renderAuditCsv(a));
    expect(JSON.parse(formatAudit(a, "json"))).toEqual(a);
  });
});

describe("validate summary", () => {
  it("counts with singular and plural", () => {
    expect(summary({ sites: [{ name: "A" }], servers: [], namespaces: [], users: [] })).toBe(
      "ok: 1 site, 0 servers, 0 namespaces, 0 users",
    );
  });
});
