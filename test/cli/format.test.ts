/**
 * The CLI's pure helpers, in-process: file-name stems for user names, CSV fields, and the
 * audit formatters over a real audit of the o365info preset.
 */
import { describe, expect, it } from "vitest";
import { uniqueStems, sanitize } from "../../cli/filenames.ts";
import { auditCsv, auditMarkdown, csvField } from "../../cli/format-audit.ts";
import { summary } from "../../cli/commands/validate.ts";
import { audit } from "../../core/audit.ts";
import { presets } from "../../core/presets/index.ts";

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

describe("CSV", () => {
  it("quotes separators and quotes, and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField(2013)).toBe("2013");
    expect(csvField(null)).toBe("");
  });

  it("writes a header and one row per user x protocol x location", () => {
    const a = audit(presets.o365info!.topology);
    const lines = auditCsv(a).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(a.rows.length + 2);
    expect(lines[1]!.startsWith("alice,NY-MBX2007,2007,New York,autodiscover,internal,")).toBe(true);
  });
});

describe("audit Markdown", () => {
  it("escapes user-derived text", () => {
    const t = structuredClone(presets.o365info!.topology);
    t.name = "<img src=x> | *bold*";
    const text = auditMarkdown(audit(t));
    expect(text).toContain("# Audit: &lt;img src=x&gt; \\| \\*bold\\*");
    expect(text).not.toContain("<img");
  });
});

describe("validate summary", () => {
  it("counts with singular and plural", () => {
    expect(summary({ sites: [{ name: "A" }], servers: [], namespaces: [], users: [] })).toBe("ok: 1 site, 0 servers, 0 namespaces, 0 users");
  });
});
