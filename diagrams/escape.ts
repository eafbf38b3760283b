/**
 * Per-target escaping of text that came from the user (names, URLs, messages). Each function
 * takes one cleaned line (see text.ts) and returns text that can only ever be read as text.
 */

/**
 * Mermaid sequence diagrams: everything outside a small safe set becomes an entity code `#<decimal>;`, which
 * Mermaid turns back into the character when it draws. This is what stops `;` and newlines
 * (statement ends), `#` (comments and entity syntax), `%` (`%%` comments and `%%{init}%%`
 * directives), `:` (`wrap:` prefixes), `<`/`>` (HTML) and backticks (the Markdown fence).
 * Printable non-ASCII text is kept as is.
 */
export function escapeMermaid(s: string, context: "label" | "message" = "label"): string {
  // After a message's first `:` the lexer reads to `#`, `;` or end of line, so `:` may stay there.
  const unsafe = context === "message" ? /[^A-Za-z0-9 .,:()/_'\-\u00a0-\uffff]/gu : /[^A-Za-z0-9 .,()/_'\-\u00a0-\uffff]/gu;
  return s.replace(unsafe, (ch) => `#${ch.codePointAt(0)};`);
}

const FLOWCHART: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "#": "&num;",
  "%": "&percnt;",
  "`": "&grave;",
};

/**
 * Mermaid flowchart label (node, subgraph title or edge label) from cleaned lines, as a
 * double-quoted string. Entity codes (`#35;`) do not work here: with htmlLabels off, Mermaid 11
 * shows them literally in subgraph titles, edge labels and one-line node labels. What it does
 * decode is HTML, once, when it sanitizes a label with DOMPurify at parse time, and DOMPurify only
 * parses a label that contains a `<`. So the few characters that need it become HTML named
 * entities (`&` `<` `>` `"`, `#` so that no `#word;` is read as an entity code, `%` so that no
 * `%%` starts a comment or directive, and the backtick so that no label starts a Markdown
 * string), and a label that got an entity and has no `<br>` ends with an empty HTML comment,
 * which DOMPurify drops. Everything else (`;`, `:`, `|`, brackets, non-ASCII, emoji) is safe
 * inside the quotes as it is. Each form was checked by rendering (test/map/fidelity.test.ts).
 */
export function mermaidFlowchartLabel(lines: string[]): string {
  const body = lines.map((l) => l.replace(/[&<>"#%`]/g, (ch) => FLOWCHART[ch] ?? ch)).join("<br>");
  return `"${body}${body.includes("&") && lines.length < 2 ? "<!---->" : ""}"`;
}

/** A participant id Mermaid reads as a bare name: ASCII letters, digits and `_`, with a prefix so it is never a keyword. */
export function mermaidAlias(id: string): string {
  return `p_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
}

const XML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** SVG/XML text and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => XML[ch] ?? ch);
}

/**
 * Markdown inline text: HTML characters become entities (so no raw HTML passes through) and
 * Markdown punctuation gets a backslash (so no emphasis, code span, link, table cell or heading).
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[&<>]/g, (ch) => XML[ch] ?? ch).replace(/[\\`*_[\]|~#!{}]/g, (ch) => `\\${ch}`);
}
