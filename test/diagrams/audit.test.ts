/**
 * The audit views shared by the worker and the CLI (diagrams/audit/): RFC 4180 CSV with its
 * formula-injection guard and stable columns, and the Markdown report (matrix, failing flows,
 * diagnostics, names) with every user-derived string inert.
 */
import { describe, expect, it } from "vitest";
import { audit } from "../../core/audit/index.ts";
import { CODES } from "../../core/diagnose/codes.ts";
import { escapeMarkdown } from "../../diagrams/escape.ts";
import { presets } from "../../core/presets/index.ts";
import type { Topology } from "../../core/types.ts";
import { AUDIT_CSV_COLUMNS, csvCell, failingRows, renderAuditCsv, renderAuditMarkdown, toCsv } from "../../diagrams/audit/index.ts";
import { markdownProblems } from "../hostile/support.ts";

const o365info = (): Topology => structuredClone(presets.o365info!.topology);

describe("CSV cells", () => {
  it("quotes per RFC 4180", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["line\nbreak", null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(1)", "-1+1"])("guards %j against formula injection", (v) => {
    expect(csvCell(v).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("leaves numbers, empty values and harmless text alone", () => {
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(2013)).toBe("2013");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("alice")).toBe("alice");
  });
});

describe("renderAuditCsv", () => {
  it("writes the stable header and one CRLF line per user x protocol x location", () => {
    const a = audit(o365info());
    const csv = renderAuditCsv(a);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("user,mailbox,version,site,protocol,client,host,outcome,steps,rules,diagnostics,note");
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(","));
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(a.rows.length + 2);
    expect(lines[1]!.startsWith("alice,NY-MBX2007,2007,New York,autodiscover,internal,")).toBe(true);
  });

  it("n/a rows carry their reason; failing rows their diagnostics", () => {
    const csv = renderAuditCsv(audit(o365info()));
    expect(csv).toMatch(/^alice,NY-MBX2007,2007,New York,mapi-http,internal,,n\/a,0,,,MH-1: /m);
    expect(csv).toMatch(/^bob,[^\r\n]*,ews,external,[^,]*,fail,\d+,[^,]*,DX-02,/m);
  });

  it("a hostile user name stays text in a spreadsheet", () => {
    const t = o365info();
    t.users[0]!.name = '=HYPERLINK("http://evil.example","x")';
    const csv = renderAuditCsv(audit(t));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe("renderAuditMarkdown", () => {
  const text = renderAuditMarkdown(audit(o365info()));

  it("reads in order: summary, matrix, failing flows, diagnostics, names", () => {
    expect(text).toMatch(
      /^# Audit: o365info\n\nProfile \*\*o365info\*\*: 4 users, \d+ flows \(\d+ combinations not applicable\)\. Outcomes: proxy \d+/,
    );
    const at = ["## Matrix", "## Failing flows", "## Diagnostics", "## DNS and certificate names"].map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it("has one matrix row per user, protocols as columns, internal / external per cell", () => {
    expect(text).toContain("| User | Mailbox | autodiscover | outlook-anywhere | mapi-http |");
    for (const u of presets.o365info!.topology.users) expect(text).toMatch(new RegExp(`^\\| ${u.name} \\| `, "m"));
    const bob = text.split("\n").find((l) => l.startsWith("| bob |")) ?? "";
    expect(bob).toContain("| LA-MBX2007 (2007, Los Angeles) |");
    // ews: referral inside, failing outside with the diagnostic's code.
    expect(bob.split(" | ")[9]).toBe("referral / **FAIL** (DX-02)");
  });

  it("lists each failing flow once, and each diagnostic with its path", () => {
    const a = audit(o365info());
    const failing = failingRows(a);
    expect(failing.length).toBeGreaterThan(0);
    const section = text.slice(text.indexOf("## Failing flows"), text.indexOf("## Diagnostics"));
    expect(section.split("\n").filter((l) => l.startsWith("| bob |"))).toHaveLength(failing.length);
    expect(text).toMatch(/^- \*\*DX-02\*\* \(error\) at topology\.servers\\\[\d+\\\]\.urls\.ews\.external: /m);
    expect(text).toContain("| mail.o365info.com | primary | NY-CAS2013 | yes | yes | public | – |");
  });

  it("explains every code it shows, once, from the catalogue", () => {
    const a = audit(o365info());
    const shown = new Set([...a.rows.flatMap((r) => r.diagnostics), ...a.diagnostics.map((d) => d.code)]);
    expect(shown.size).toBeGreaterThan(0);
    const section = text.slice(text.indexOf("\n## Codes\n"), text.indexOf("\n## DNS and certificate names\n"));
    for (const code of shown) {
      const lines = section.split("\n").filter((l) => l.startsWith(`| ${code} |`));
      expect(lines, code).toHaveLength(1);
      expect(lines[0]).toContain(escapeMarkdown(CODES[code as keyof typeof CODES].title));
    }
  });

  it("says so when nothing fails and nothing is diagnosed", () => {
    const t: Topology = {
      name: "tiny",
      sites: [{ name: "A" }],
      servers: [{ name: "M1", version: 2013, roles: ["mailbox", "cas"], site: "A" }],
      namespaces: [],
      users: [{ name: "u", mailbox: "M1" }],
    } as Topology;
    const a = audit(t);
    const out = renderAuditMarkdown({ ...a, rows: a.rows.filter((r) => r.outcome !== "fail"), diagnostics: [] });
    expect(out).not.toContain("## Failing flows");
    expect(out).toContain("## Diagnostics\n\nNone.\n");
  });

  it("escapes user-derived text: no HTML, emphasis, table cell or link can form", () => {
    const t = o365info();
    t.name = "<img src=x> | *bold*";
    t.users[0]!.name = "[click](javascript:alert(1))";
    t.users[1]!.name = "<img src=x onerror=alert(1)>|x";
    const out = renderAuditMarkdown(audit(t));
    expect(out).toContain("# Audit: &lt;img src=x&gt; \\| \\*bold\\*");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;\\|x");
    expect(out).toContain("\\[click\\]\\(javascript:alert\\(1\\)\\)");
    expect(out).not.toContain("](");
    expect(markdownProblems(out, "none")).toEqual([]);
    // Every matrix row keeps its column count: no user text adds a cell.
    const rows = out.split("\n").filter((l) => /^\| .+ \|$/.test(l) && out.indexOf(l) < out.indexOf("## Failing flows"));
    for (const r of rows) expect(r.replace(/\\\|/g, "").split("|").length).toBe(rows[0]!.replace(/\\\|/g, "").split("|").length);
  });
});
