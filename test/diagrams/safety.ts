/**
 * What "inert" means for each output format, as assertions. The checks are structural (allow-lists
 * of statements, tags and attributes), so they do not depend on which hostile string was used.
 */
import { expect } from "vitest";

const STATEMENT = new RegExp(
  "^(?:sequenceDiagram" +
    '|%%\\{init: \\{(?:"theme": "(?:default|neutral|dark)")?(?:, )?(?:"sequence": \\{"width": \\d+, "actorMargin": \\d+\\})?\\}\\}%%' +
    "|    box transparent .+" +
    "| {4,8}participant p_\\w+ as .*" +
    "|    end" +
    "|    Note over p_\\w+(?:,p_\\w+)?: .*" +
    "|    p_\\w+(?:->>|-->>|-\\)|--\\)|-x|--x)p_\\w+: .*)$",
);

/** Every line is one of our statements, and user text holds no character the lexer acts on. */
export function assertInertMermaid(out: string): void {
  const lines = out.replace(/\n$/, "").split("\n");
  for (const line of lines) {
    expect(line).toMatch(STATEMENT);
    if (line.startsWith("%%{init")) continue;
    // In the user text (after the statement's own syntax), entity codes and our <br> are the only
    // places `#`, `;`, `<`, `>` may appear.
    const text = line.replace(/^ *(?:box transparent |participant p_\w+ as |Note over [\w,]+: |p_\w+\S*p_\w+: )/, "");
    const rest = text.replace(/#\d+;/g, "").replace(/<br>/g, "");
    expect(rest).not.toMatch(/[#;%<>`{}"]/);
  }
}

const TAGS = new Set(["svg", "title", "defs", "marker", "path", "rect", "line", "text", "circle"]);
const ATTRS = new Set([
  "xmlns",
  "width",
  "height",
  "viewBox",
  "role",
  "font-family",
  "font-size",
  "font-weight",
  "id",
  "refX",
  "refY",
  "markerUnits",
  "markerWidth",
  "markerHeight",
  "orient",
  "d",
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "x",
  "y",
  "rx",
  "ry",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "class",
  "text-anchor",
  "marker-end",
]);

/** Only allow-listed tags and attributes, no href, url() only to own markers, text fully escaped. */
export function assertSafeSvg(out: string): void {
  expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="')).toBe(true);
  expect(out).toMatch(/^<svg [^>]*width="[\d.]+" height="[\d.]+" viewBox="-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+"/);
  const tags = [...out.matchAll(/<(\/?)([^\s>/]*)([^>]*)>/g)];
  let body = out;
  for (const [whole, , name, attrs] of tags) {
    expect(TAGS.has(name ?? "")).toBe(true);
    const rest = (attrs ?? "").replace(/\s([\w-]+)="([^"<>]*)"/g, (_, attr: string, value: string) => {
      expect(ATTRS.has(attr)).toBe(true);
      const urls = value.match(/url\(/g)?.length ?? 0;
      expect(value.match(/url\(#[\w-]+\)/g)?.length ?? 0).toBe(urls);
      return "";
    });
    expect(rest.replace(/\s*\/$/, "").trim()).toBe("");
    body = body.replace(whole, "");
  }
  // Outside tags only escaped text: no raw markup, and every & starts a known entity.
  expect(body).not.toMatch(/[<>]/);
  expect(body.replace(/&(?:amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
}

const MAP_STATEMENT = new RegExp(
  "^(?:flowchart LR" +
    '|%%\\{init: \\{(?:"theme": "(?:default|neutral|dark)", )?"htmlLabels": false\\}\\}%%' +
    '|    subgraph s_\\d+ \\["[^"]*"\\]' +
    '| {4,8}p_\\w+(?:\\["[^"]*"\\]|\\("[^"]*"\\)|\\[\\("[^"]*"\\)\\])' +
    '|    note_diagnostics\\["[^"]*"\\]' +
    "|    end" +
    '|    p_\\w+ (?:-->|-\\.->|---|--x)(?:\\|"[\\d, ]*"\\|)? p_\\w+)$',
);

/**
 * The map's flowchart: every line is one of our statements, and quoted text holds no character
 * Mermaid acts on there: besides our `<br>`, a closing empty comment and the HTML entities of
 * mermaidFlowchartLabel, no `&`, `#` (entity codes), `%` (comments, directives), `<`, `>`,
 * backtick (Markdown strings) or `"`.
 */
export function assertInertMapMermaid(out: string): void {
  for (const line of out.replace(/\n$/, "").split("\n")) {
    expect(line).toMatch(MAP_STATEMENT);
    if (line.startsWith("%%{init")) continue;
    for (const [, text = ""] of line.matchAll(/"([^"]*)"/g)) {
      const rest = text
        .replace(/&(?:amp|lt|gt|quot|num|percnt|grave);/g, "")
        .replace(/<br>/g, "")
        .replace(/<!---->$/, "");
      expect(rest).not.toMatch(/[&#%<>`"]/);
    }
  }
}

/** Outside the mermaid fence: no raw HTML and Markdown punctuation only escaped; inside: our Mermaid (`fence` checks it). */
export function assertInertMarkdown(out: string, fence: (mermaid: string) => void = assertInertMermaid): void {
  const parts = out.split(/^```(?:mermaid)?$/m);
  expect(parts).toHaveLength(3);
  const [before = "", inner = "", after = ""] = parts;
  fence(inner.replace(/^\n/, ""));
  for (const text of [before, after]) {
    expect(text).not.toMatch(/[<>]/);
    expect(text.replace(/&(?:amp|lt|gt);/g, "")).not.toContain("&");
    // Drop every backslash escape; what is left may hold Markdown punctuation only from our own
    // markup: "**x**" labels and "*...*" around unnumbered steps.
    const raw = text
      .replace(/\\[\s\S]/g, "e")
      .replace(/^( *- )\*([^*\n]+)\*/gm, "$1$2")
      .replace(/\*\*[^*\n]+\*\*/g, "");
    expect(raw).not.toMatch(/[`[\]|~_*]/);
  }
}
