/** View-specific rules of the Mermaid and Markdown emitters (shared rules live in contract.test.ts). */
import { describe, expect, test } from "vitest";
import type { Flow } from "../../core/types.ts";
import { renderMarkdown, renderMermaid, toDiagramModel } from "../../diagrams/index.ts";
import { escapeMarkdown, escapeMermaid, mermaidFlowchartLabel } from "../../diagrams/escape.ts";
import { cleanText } from "../../diagrams/text.ts";
import { goldenCases } from "./cases.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";

const byName = new Map(goldenCases().map((c) => [c.name, c.flow]));
const flow = (name: string): Flow => byName.get(name)!;

describe("renderMermaid", () => {
  test.each(["default", "neutral", "dark"] as const)("theme %s becomes an init directive Mermaid accepts", async (theme) => {
    const out = renderMermaid(flow("activesync-new-york"), { theme });
    expect(out.split("\n")[0]).toBe(`%%{init: {"theme": "${theme}"}}%%`);
    expect(await parseMermaid(out)).toBe("sequence");
  });

  test("proxying, replies, lookups, referrals and failures use different arrows", () => {
    expect(renderMermaid(flow("activesync-new-york"))).toMatch(/p_NY_CAS2013->>p_NY_MBX2013: 2\. Proxy/);
    expect(renderMermaid(flow("activesync-new-york"))).toMatch(/p_NY_CAS2013-->>p_client: 8\. Response/);
    expect(renderMermaid(flow("activesync-new-york"))).toMatch(/p_NY_CAS2013-\)p_ad: AD lookup$/m);
    expect(renderMermaid(flow("ews-internal"))).toMatch(/p_NY_CAS2013--\)p_client: 2\. Autodiscover referral/);
    expect(renderMermaid(flow("activesync-fail-no-la-cas"))).toMatch(/--xp_client: 2\. Error response\n {4}Note over p_client: DX-01/);
  });

  test("sites are boxes and participants follow the flow: client, sites in reach order, AD after the consulting site", () => {
    const model = toDiagramModel(flow("activesync-los-angeles"));
    expect(model.participants.map((p) => p.id)).toEqual(["client", "NY-CAS2013", "NY-MBX2013", "ad", "LA-CAS2007", "LA-MBX2007"]);
    expect(model.sites).toEqual([
      { name: "New York", first: 1, last: 2 },
      { name: "Los Angeles", first: 4, last: 5 },
    ]);
  });

  test("ids that sanitise to the same alias stay distinct", () => {
    const f = structuredClone(flow("ews-external"));
    f.participants.push({ id: "NY_CAS2013", label: "twin", kind: "server", site: "New York" });
    f.steps.push({ n: 5, from: "client", to: "NY_CAS2013", kind: "connect", text: "t", rule: "X" });
    const aliases = toDiagramModel(f).participants.map((p) => p.alias);
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  test("escapeMermaid leaves readable text and encodes what the lexer acts on", () => {
    expect(escapeMermaid("CAS 2013, New York (mail.o365info.com)")).toBe("CAS 2013, New York (mail.o365info.com)");
    expect(escapeMermaid("a;b#c%d<e>f:g`h")).toBe("a#59;b#35;c#37;d#60;e#62;f#58;g#96;h");
    expect(escapeMermaid("host:443", "message")).toBe("host:443");
  });

  test("mermaidFlowchartLabel: HTML entities only where needed, and a closing comment only on one-line labels that have one", () => {
    expect(mermaidFlowchartLabel(["CAS 2013; New York: (a|b) [c] {d} 🏢"])).toBe('"CAS 2013; New York: (a|b) [c] {d} 🏢"');
    expect(mermaidFlowchartLabel(["Zürich #2; Branch"])).toBe('"Zürich &num;2; Branch<!---->"');
    expect(mermaidFlowchartLabel(['R&D "Lab" <West>', "%% `x`"])).toBe(
      '"R&amp;D &quot;Lab&quot; &lt;West&gt;<br>&percnt;&percnt; &grave;x&grave;"',
    );
  });

  test("cleanText breaks the pairs no Mermaid escaping shows with a zero-width space, in every view", () => {
    expect(cleanText("CONTOSO\\nancy \\N \\x")).toBe("CONTOSO\\\u200bnancy \\\u200bN \\x");
    expect(cleanText("\ufb02\u00b0 \u00b6\u00df \u00a0x")).toBe("\ufb02\u200b\u00b0 \u00b6\u200b\u00df x");
    const f = structuredClone(flow("activesync-new-york"));
    f.steps[0]!.text = "Connects as CONTOSO\\nancy";
    expect(renderMarkdown(f)).toContain("CONTOSO\\\\\u200bnancy");
  });
});

describe("renderMarkdown", () => {
  test("steps are the core's sentences, numbered with the flow's numbers; the AD lookup is an italic sub-bullet", () => {
    const out = renderMarkdown(flow("activesync-new-york"));
    const f = flow("activesync-new-york");
    expect(out).toContain(`1. ${escapeMarkdown(f.steps[0]!.text)}`);
    expect(out).toMatch(/^1\. .*\n {3}- \*The New York .*Active Directory.*\*/m);
    expect(out).toContain("```mermaid\nsequenceDiagram\n");
  });

  test("notes and diagnostics follow the diagram", () => {
    const out = renderMarkdown(flow("activesync-fail-no-la-cas"));
    expect(out.indexOf("#### Diagnostics")).toBeGreaterThan(out.indexOf("```mermaid"));
    expect(out).toContain("- **DX-01** (error): ");
  });

  test("escapeMarkdown neutralises HTML and Markdown syntax", () => {
    expect(escapeMarkdown("<b>x</b> & *y* _z_ `c` [l](u) | t")).toBe("&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\_z\\_ \\`c\\` \\[l\\](u) \\| t");
  });
});
