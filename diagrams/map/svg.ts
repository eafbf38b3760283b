/**
 * MapLayout -> SVG text: site regions, server boxes, the client, the Active Directory cylinder,
 * orthogonal edges (solid requests and answers, dashed redirects and referrals, a plain line to
 * AD, a red crossed line for the failing hop) and the step numbers in circles, as in the sequence
 * view. Same rules as diagrams/svg.ts: plain <text> only, pixel width/height plus viewBox, no
 * script, no event attributes, no external references; every user string passes escapeXml,
 * every colour comes from THEMES, REGION_COLOURS or isSafeColor, and the only url() values point
 * at this document's own markers. Same input, same bytes.
 */
import type { Flow, ThemeName } from "../../core/index.ts";
import { escapeXml } from "../escape.ts";
import { type RenderOptions, type Theme, resolveOptions } from "../options.ts";
import { contentId, FONT_FAMILY, num, textLines } from "../svg-primitives.ts";
import { type MapBox, type MapLayout, type MapRoute, layoutMap } from "./layout.ts";
import { MAP_FONT_SIZE, type MapModel, NOTE_ID } from "./model.ts";
import { toMapModel } from "./fit.ts";

/** Site regions: Mermaid's flowchart cluster colours per stock theme. */
export const REGION_COLOURS: Readonly<Record<ThemeName, { fill: string; stroke: string }>> = {
  default: { fill: "#ffffde", stroke: "#aaaa33" },
  neutral: { fill: "#f4f4f4", stroke: "#999" },
  dark: { fill: "#3c3c3c", stroke: "#ccc" },
};

function markers(id: string, t: Theme): string {
  return (
    `<defs>` +
    [
      `<marker id="${id}-arrow" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10"`,
      `markerHeight="10" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="${t.signal}"/></marker>`,
    ].join(" ") +
    [
      `<marker id="${id}-cross" refX="10" refY="5.5" markerUnits="userSpaceOnUse" markerWidth="11"`,
      `markerHeight="11" orient="auto"><path d="M 1,1 L 10,10 M 10,1 L 1,10" fill="none"`,
      `stroke="${t.fail}" stroke-width="2"/></marker>`,
    ].join(" ") +
    `</defs>`
  );
}

function shape(b: MapBox, alias: string, id: string, t: Theme): string {
  const attrs = `id="${id}-${alias}" class="map-node map-${b.kind}" fill="${t.actorFill}" stroke="${t.actorStroke}"`;
  if (b.kind !== "ad") {
    const r = b.kind === "client" ? 14 : 3;
    return `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="${r}" ry="${r}" ${attrs}/>`;
  }
  // A cylinder: the usual picture of a directory or database.
  const rx = b.w / 2;
  const ry = 7;
  const [x0, x1, top, bottom] = [b.x, b.x + b.w, b.y + ry, b.y + b.h - ry];
  return (
    [
      `<path d="M ${num(x0)} ${num(top)} A ${num(rx)} ${ry} 0 0 1 ${num(x1)} ${num(top)} L ${num(x1)}`,
      `${num(bottom)} A ${num(rx)} ${ry} 0 0 1 ${num(x0)} ${num(bottom)} Z" ${attrs}/>`,
    ].join(" ") +
    `<path d="M ${num(x0)} ${num(top)} A ${num(rx)} ${ry} 0 0 0 ${num(x1)} ${num(top)}" fill="none" stroke="${t.actorStroke}"/>`
  );
}

function edge(r: MapRoute, model: MapModel, id: string, t: Theme): string {
  const e = model.edges[r.edge];
  if (!e || r.points.length < 2) return "";
  const colour = r.style === "fail" || r.style === "differs" ? t.fail : t.signal;
  const d = r.points.map(([x, y], i) => `${i === 0 ? "M" : "L"} ${num(x)} ${num(y)}`).join(" ");
  const head = r.style === "lookup" ? "" : ` marker-end="url(#${id}-${r.style === "fail" ? "cross" : "arrow"})"`;
  const dash = r.style === "dashed" ? ` stroke-dasharray="6,4"` : "";
  const from = model.nodes[e.from]?.alias ?? "";
  const to = model.nodes[e.to]?.alias ?? "";
  return [
    `<path d="${d}" id="${id}-edge${r.edge}-${from}--${to}" class="map-edge map-edge-${r.style}"`,
    `fill="none" stroke="${colour}" stroke-width="${r.style === "differs" ? 3 : 1.5}"${dash}${head}/>`,
  ].join(" ");
}

function badges(r: MapRoute, id: string, t: Theme): string {
  return r.badges
    .map(
      (b) =>
        [
          `<circle cx="${num(b.x)}" cy="${num(b.y)}" r="${num(b.r)}" id="${id}-edge${r.edge}-n${b.n}"`,
          `class="edge-badge" fill="${r.style === "fail" || r.style === "differs" ? t.fail : t.numberFill}"/>`,
        ].join(" ") +
        [
          `<text x="${num(b.x)}" y="${num(b.y + 4)}" text-anchor="middle" class="edge-number"`,
          `font-size="12" fill="${t.numberText}">${b.n}</text>`,
        ].join(" "),
    )
    .join("");
}

export function printMapSvg(l: MapLayout, model: MapModel, themeName: ThemeName, t: Theme, background: string): string {
  const id = contentId(JSON.stringify(l) + themeName + background);
  const { w, h } = l.view;
  const region = REGION_COLOURS[themeName];
  const out: string[] = [
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0`,
      `${num(w)} ${num(h)}" role="img" font-family="${FONT_FAMILY}" font-size="${MAP_FONT_SIZE}">`,
    ].join(" "),
    `<title>${escapeXml(model.title)}</title>`,
    markers(id, t),
  ];
  if (background !== "transparent") out.push(`<rect x="0" y="0" width="${num(w)}" height="${num(h)}" fill="${background}"/>`);
  for (const r of l.regions) {
    out.push(
      [
        `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.w)}" height="${num(r.h)}" rx="8" ry="8"`,
        `id="${id}-${model.sites[r.site]?.alias ?? ""}" class="map-site" fill="${region.fill}"`,
        `stroke="${region.stroke}"/>`,
      ].join(" "),
    );
    out.push(textLines(r.x + r.w / 2, r.baselines, r.lines, `text-anchor="middle" class="site-text" fill="${t.siteText}"`));
  }
  for (const r of l.routes) out.push(edge(r, model, id, t));
  for (const b of l.boxes) {
    out.push(shape(b, model.nodes[b.node]?.alias ?? "", id, t));
    out.push(textLines(b.x + b.w / 2, b.baselines, b.lines, `text-anchor="middle" class="node-text" fill="${t.actorText}"`));
  }
  for (const r of l.routes) out.push(badges(r, id, t));
  if (l.note) {
    const n = l.note;
    out.push(
      [
        `<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.w)}" height="${num(n.h)}"`,
        `id="${id}-${NOTE_ID}" class="map-node map-note" fill="${t.noteFill}" stroke="${t.noteStroke}"/>`,
      ].join(" "),
    );
    out.push(textLines(n.x + 10, n.baselines, n.lines, `class="note-text" fill="${t.noteText}"`));
  }
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}

/**
 * The flow as a standalone map SVG (theme and background validated; throws RangeError otherwise).
 * @example renderMapSvg(flow, { theme: "dark" }) // "<svg xmlns=... width=... height=... viewBox=...>"
 */
export function renderMapSvg(flow: Flow, options?: RenderOptions): string {
  const { themeName, theme, background } = resolveOptions(options);
  const model = toMapModel(flow, options);
  return printMapSvg(layoutMap(model), model, themeName, theme, background);
}
