/**
 * SvgLayout -> SVG text in the look of Mermaid's default sequence diagram: actor boxes top and
 * bottom, lifelines, site boxes, numbered circles, solid requests, dashed replies, notes.
 * Plain <text> only, pixel width/height plus viewBox, no script, no event attributes, no external
 * references: every user string passes escapeXml, every colour comes from THEMES or isSafeColor,
 * and the only url() values point at this document's own markers. Same input, same bytes.
 */
import type { Flow } from "../../core/index.ts";
import { escapeXml } from "../escape.ts";
import { FONT_SIZE, toDiagramModel } from "./model.ts";
import { type RenderOptions, type Theme, resolveOptions } from "../options.ts";
import { contentId, FONT_FAMILY, num, textLines } from "../svg-primitives.ts";
import { type Arrow, layoutSvg, type SvgLayout } from "./layout.ts";

function markers(id: string, t: Theme): string {
  return (
    `<defs>` +
    [
      `<marker id="${id}-arrow" refX="7.9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12"`,
      `markerHeight="12" orient="auto"><path d="M -1 0 L 10 5 L 0 10 z" fill="${t.signal}"/></marker>`,
    ].join(" ") +
    [
      `<marker id="${id}-open" refX="15.5" refY="7" markerWidth="20" markerHeight="28"`,
      `orient="auto"><path d="M 18,7 L9,13 L14,7 L9,1 Z" fill="${t.signal}"/></marker>`,
    ].join(" ") +
    [
      `<marker id="${id}-cross" refX="4" refY="4.5" markerWidth="15" markerHeight="9"`,
      `orient="auto"><path d="M 1,2 L 6,7 M 6,2 L 1,7" fill="none" stroke="${t.fail}"`,
      `stroke-width="1.5"/></marker>`,
    ].join(" ") +
    `</defs>`
  );
}

function actorBoxes(l: SvgLayout, t: Theme, y: number, where: "top" | "bottom"): string {
  return l.actors
    .map((a) => {
      const mid = y + l.actorH / 2;
      const baselines = a.lines.map((_, j) => mid - (a.lines.length * 18) / 2 + 18 * j + 13.5);
      return (
        [
          `<rect x="${num(a.x)}" y="${num(y)}" width="${num(a.w)}" height="${num(l.actorH)}" rx="3" ry="3"`,
          `class="actor actor-${where}" fill="${t.actorFill}" stroke="${t.actorStroke}"/>`,
        ].join(" ") + textLines(a.cx, baselines, a.lines, `text-anchor="middle" class="actor-text" fill="${t.actorText}"`)
      );
    })
    .join("");
}

function arrow(a: Arrow, id: string, t: Theme): string {
  const dashed = a.kind === "reply" || a.kind === "redirect" || a.kind === "referral";
  const head = a.fails ? "cross" : a.kind === "request" || a.kind === "reply" ? "arrow" : "open";
  const colour = a.fails || a.differs ? t.fail : t.signal;
  const style = [
    `class="message-line" stroke="${colour}" stroke-width="1.5"`,
    `fill="none"${dashed ? ` stroke-dasharray="3,3"` : ""} marker-end="url(#${id}-${head})"`,
  ].join(" ");
  const line = a.self
    ? [
        `<path d="M ${num(a.x1)} ${num(a.y - 10)} C ${num(a.x1 + 60)} ${num(a.y - 20)} ${num(a.x1 + 60)}`,
        `${num(a.y + 30)} ${num(a.x1)} ${num(a.y + 20)}" ${style}/>`,
      ].join(" ")
    : `<line x1="${num(a.x1)}" y1="${num(a.y)}" x2="${num(a.x2)}" y2="${num(a.y)}" ${style}/>`;
  const label = textLines(
    a.textX,
    a.baselines,
    a.lines,
    `text-anchor="middle" class="message-text" fill="${a.fails || a.differs ? t.fail : t.text}"`,
  );
  // The number also opens the label (as in the Mermaid text); the circle marks where the hop starts.
  const circle =
    a.n === null
      ? ""
      : `<circle cx="${num(a.x1)}" cy="${num(a.y)}" r="9" fill="${t.numberFill}"/>` +
        [
          `<text x="${num(a.x1)}" y="${num(a.y + 4)}" text-anchor="middle" class="sequence-number"`,
          `font-size="12" fill="${t.numberText}">${a.n}</text>`,
        ].join(" ");
  return line + label + circle;
}

export function printSvg(l: SvgLayout, t: Theme, background: string, title: string): string {
  const id = contentId(JSON.stringify(l) + t.background + background);
  const v = l.view;
  const out: string[] = [
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(v.w)}" height="${num(v.h)}"`,
      `viewBox="${num(v.x)} ${num(v.y)} ${num(v.w)} ${num(v.h)}" role="img"`,
      `font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}">`,
    ].join(" "),
    `<title>${escapeXml(title)}</title>`,
    markers(id, t),
  ];
  if (background !== "transparent")
    out.push(`<rect x="${num(v.x)}" y="${num(v.y)}" width="${num(v.w)}" height="${num(v.h)}" fill="${background}"/>`);
  for (const s of l.sites) {
    out.push(`<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="none" stroke="${t.siteStroke}"/>`);
    out.push(textLines(s.x + s.w / 2, [s.titleY], [s.title], `text-anchor="middle" class="site-text" fill="${t.siteText}"`));
  }
  for (const a of l.actors) {
    out.push(
      `<line x1="${num(a.cx)}" y1="${num(l.actorTop + l.actorH)}" x2="${num(a.cx)}" y2="${num(l.actorBottom)}" stroke="${t.lifeline}"/>`,
    );
  }
  out.push(actorBoxes(l, t, l.actorTop, "top"), actorBoxes(l, t, l.actorBottom, "bottom"));
  for (const a of l.arrows) out.push(arrow(a, id, t));
  for (const n of l.notes) {
    out.push(
      `<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.w)}" height="${num(n.h)}" fill="${t.noteFill}" stroke="${t.noteStroke}"/>`,
    );
    out.push(textLines(n.x + n.w / 2, n.baselines, n.lines, `text-anchor="middle" class="note-text" fill="${t.noteText}"`));
  }
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}

/** The flow as a standalone SVG document (theme and background validated; throws RangeError otherwise). */
export function renderSvg(flow: Flow, options?: RenderOptions): string {
  const { theme, background } = resolveOptions(options);
  const model = toDiagramModel(flow, options);
  return printSvg(layoutSvg(model), theme, background, model.title);
}
