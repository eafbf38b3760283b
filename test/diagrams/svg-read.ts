/**
 * Reads back what a sequence-diagram SVG shows, for comparing ours with mermaid-cli's:
 * participants (left to right, label, centre), messages (in drawing order, label as read), site
 * box titles (left to right) and notes (top to bottom, lines joined with a space).
 * Regex-based on purpose: both producers are known, and no DOM is needed.
 */

export interface SeenDiagram {
  viewX: number;
  viewW: number;
  participants: { label: string; cx: number }[];
  /** "N. label" for numbered messages, as Mermaid's text shows them. */
  messages: string[];
  boxes: string[];
  notes: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

const attr = (attrs: string, name: string): number => Number(new RegExp(`\\s${name}="(-?[\\d.]+)"`).exec(` ${attrs}`)?.[1] ?? NaN);
const texts = (s: string): string[] => [...s.matchAll(/>([^<>]*)</g)].map((m) => unescapeXml(m[1] ?? "")).filter((t) => t.trim() !== "");
const norm = (s: string): string => s.replace(/\s+/g, " ").trim();

function viewBox(svg: string): { viewX: number; viewW: number } {
  const [x = NaN, , w = NaN] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? "").split(/\s+/).map(Number);
  return { viewX: x, viewW: w };
}

/** mermaid-cli's SVG: actor-top rects followed by their text; messageText elements before each messageLine. */
export function readMermaidSvg(svg: string): SeenDiagram {
  const participants = [
    ...svg.matchAll(/<rect ([^>]*)class="actor actor-top"\/>((?:<text[^>]*>(?:<tspan[^>]*>[^<]*<\/tspan>)*<\/text>)*)/g),
  ]
    .map((m) => ({ label: norm(texts(m[2] ?? "").join(" ")), cx: attr(m[1] ?? "", "x") + attr(m[1] ?? "", "width") / 2 }))
    .sort((a, b) => a.cx - b.cx);
  const messages: string[] = [];
  let pending: string[] = [];
  for (const m of svg.matchAll(/<text[^>]*class="messageText"[^>]*>([^<]*)<\/text>|<line[^>]*class="messageLine\d"/g)) {
    if (m[0].startsWith("<line")) {
      messages.push(norm(pending.join(" ")));
      pending = [];
    } else pending.push(unescapeXml(m[1] ?? ""));
  }
  const boxes = [...svg.matchAll(/<rect ([^>]*)class="rect"\/>((?:<text[^>]*class="text"[^>]*>[\s\S]*?<\/text>)+)/g)]
    .map((m) => ({ at: attr(m[1] ?? "", "x"), label: norm(texts(m[2] ?? "").join(" ")) }))
    .sort((a, b) => a.at - b.at)
    .map((b) => b.label);
  const notes = [...svg.matchAll(/<rect ([^>]*)class="note"\/>((?:<text[^>]*class="noteText"[^>]*>[\s\S]*?<\/text>)+)/g)]
    .map((m) => ({ at: attr(m[1] ?? "", "y"), label: norm(texts(m[2] ?? "").join(" ")) }))
    .sort((a, b) => a.at - b.at)
    .map((n) => n.label);
  return { ...viewBox(svg), participants, messages, boxes, notes };
}

/** Our SVG: actor-top rects and actor-text; a message-line opens a message, its texts and number follow. */
export function readOurSvg(svg: string): SeenDiagram {
  const participants = [
    ...svg.matchAll(/<rect ([^>]*)class="actor actor-top"[^>]*\/>((?:<text[^>]*class="actor-text"[^>]*>[^<]*<\/text>)*)/g),
  ]
    .map((m) => ({ label: norm(texts(m[2] ?? "").join(" ")), cx: attr(m[1] ?? "", "x") + attr(m[1] ?? "", "width") / 2 }))
    .sort((a, b) => a.cx - b.cx);
  const messages: string[] = [];
  for (const part of svg.split(/(?=<(?:line|path)[^>]*class="message-line")/).slice(1)) {
    const label = [...part.matchAll(/class="message-text"[^>]*>([^<]*)</g)].map((m) => unescapeXml(m[1] ?? "")).join(" ");
    const n = /class="sequence-number"[^>]*>(\d+)</.exec(part)?.[1];
    messages.push(norm(n === undefined ? label : `${n}. ${label}`));
  }
  const boxes = [...svg.matchAll(/<text ([^>]*)class="site-text"[^>]*>([^<]*)<\/text>/g)]
    .map((m) => ({ at: attr(m[1] ?? "", "x"), label: norm(unescapeXml(m[2] ?? "")) }))
    .sort((a, b) => a.at - b.at)
    .map((b) => b.label);
  const notes = [...svg.matchAll(/<rect ([^>]*)\/>\n((?:<text[^>]*class="note-text"[^>]*>[^<]*<\/text>)+)/g)]
    .map((m) => ({ at: attr(m[1] ?? "", "y"), label: norm(texts(m[2] ?? "").join(" ")) }))
    .sort((a, b) => a.at - b.at)
    .map((n) => n.label);
  return { ...viewBox(svg), participants, messages, boxes, notes };
}
