/**
 * Reads back what a map shows, from mermaid-cli's flowchart SVG (htmlLabels off, so labels are
 * <text>/<tspan>) and from ours: site regions (label, rectangle), nodes (Mermaid id, label,
 * centre) and edges (from, to, style, numbers). Regex-based on purpose: both producers are
 * known, and no DOM is needed. Labels are compared without whitespace, because Mermaid wraps
 * long labels at its own width.
 */
import { unescapeXml } from "../diagrams/svg-read.ts";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface SeenMap {
  sites: { id: string; label: string; rect: Rect }[];
  nodes: { id: string; label: string; cx: number; cy: number }[];
  edges: { from: string; to: string; style: string; numbers: number[] }[];
  /** Edge labels as displayed (whitespace removed), sorted. */
  edgeLabels: string[];
}

const num = (attrs: string, name: string): number => Number(new RegExp(`\\s${name}="(-?[\\d.]+)"`).exec(` ${attrs}`)?.[1] ?? NaN);
const rectOf = (attrs: string): Rect => ({ x: num(attrs, "x"), y: num(attrs, "y"), w: num(attrs, "width"), h: num(attrs, "height") });
const squash = (s: string): string => s.replace(/\s+/g, "");
const textOf = (markup: string): string => squash(unescapeXml([...markup.matchAll(/>([^<>]*)</g)].map((m) => m[1] ?? "").join("")));

export function readMermaidMap(svg: string): SeenMap {
  const sites = [...svg.matchAll(/<g class="cluster"[^>]*?id="[^"]*?-(s_\d+)"[^>]*><rect([^>]*)\/>([\s\S]*?)<\/text>/g)].map((m) => ({
    id: m[1] ?? "",
    rect: rectOf(m[2] ?? ""),
    label: textOf(`${m[3] ?? ""}<`),
  }));
  const nodes = [
    ...svg.matchAll(
      new RegExp(
        [
          String.raw`<g class="node [^"]*" id="[^"]*?flowchart-(\w+)-\d+"[^>]*?`,
          String.raw`transform="translate\((-?[\d.]+),\s*(-?[\d.]+)\)"[^>]*>([\s\S]*?)<\/text>`,
        ].join(""),
        "g",
      ),
    ),
  ].map((m) => ({ id: m[1] ?? "", cx: Number(m[2]), cy: Number(m[3]), label: textOf(`${m[4] ?? ""}<`) }));
  const ids = nodes.map((n) => n.id);
  const labels = new Map(
    [...svg.matchAll(/<g class="label" data-id="([^"]+)"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => [m[1] ?? "", textOf(`${m[2] ?? ""}<`)]),
  );
  const edges = [...svg.matchAll(/<path [^>]*?id="[^"]*?-(L_\w+?_\d+)" class="([^"]*)"([^>]*)>/g)].map((m) => {
    const key = m[1] ?? "";
    const middle = key.replace(/^L_/, "").replace(/_\d+$/, "");
    const pair = ids.flatMap((a) => ids.filter((b) => `${a}_${b}` === middle).map((b) => [a, b] as const))[0] ?? ["?", "?"];
    const marker = /marker-end="url\(#[^)]*?(pointEnd|crossEnd)/.exec(m[3] ?? "")?.[1];
    const style =
      marker === "crossEnd"
        ? "fail"
        : marker === undefined
          ? "lookup"
          : /edge-pattern-dotted|edge-pattern-dashed/.test(m[2] ?? "")
            ? "dashed"
            : "solid";
    const label = labels.get(key) ?? "";
    return { from: pair[0], to: pair[1], style, numbers: label ? label.split(",").map(Number) : [] };
  });
  return { sites, nodes, edges, edgeLabels: [...labels.values()].filter((l) => l !== "").sort() };
}

export function readOurMap(svg: string): SeenMap {
  const sites = [
    ...svg.matchAll(/<rect ([^>]*?)id="[^"]*?-(s_\d+)" class="map-site"[^>]*\/>\n?((?:<text[^>]*class="site-text"[^>]*>[^<]*<\/text>)*)/g),
  ].map((m) => ({ id: m[2] ?? "", rect: rectOf(m[1] ?? ""), label: textOf(m[3] ?? "") }));
  const nodes = [
    ...svg.matchAll(
      new RegExp(
        [
          String.raw` id="exf\w+-(p_\w+|note_diagnostics)" class="map-node[^"]*"[^>]*\/>(?:<path[^>]*\/>)?\n?`,
          String.raw`((?:<text[^>]*class="(?:node|note)-text"[^>]*>[^<]*<\/text>)*)`,
        ].join(""),
        "g",
      ),
    ),
  ].map((m) => {
    const texts = [...(m[2] ?? "").matchAll(/<text ([^>]*)>/g)].map((t) => ({ x: num(t[1] ?? "", "x"), y: num(t[1] ?? "", "y") }));
    const cy = texts.reduce((a, t) => a + t.y, 0) / Math.max(1, texts.length) - 5;
    return { id: m[1] ?? "", label: textOf(m[2] ?? ""), cx: texts[0]?.x ?? NaN, cy };
  });
  const numbers = new Map<string, number[]>();
  for (const m of svg.matchAll(/ id="exf\w+-edge(\d+)-n(\d+)"/g))
    numbers.set(m[1] ?? "", [...(numbers.get(m[1] ?? "") ?? []), Number(m[2])]);
  const edges = [...svg.matchAll(/ id="exf\w+-edge(\d+)-(\w+?)--(\w+)" class="map-edge map-edge-(\w+)"/g)].map((m) => ({
    from: m[2] ?? "",
    to: m[3] ?? "",
    style: m[4] ?? "",
    numbers: numbers.get(m[1] ?? "") ?? [],
  }));
  // Our edges carry their numbers as badges; Mermaid's as a label "2, 7".
  const edgeLabels = edges.flatMap((e) => (e.numbers.length > 0 ? [e.numbers.join(",")] : [])).sort();
  return { sites, nodes, edges, edgeLabels };
}
