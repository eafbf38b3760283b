/**
 * The designed flow with what the logs observed on it, in both views: each hop the logs can see
 * (client -> front end, front end -> back end) carries its request count, a hop the logs show
 * requests avoiding is marked (red; thick in the map's Mermaid) with where they went instead, and
 * a note gives the totals and status codes. The overlay is applied to each view's model, so the
 * layouts are the views' own; in: a Flow and its FlowOverlay (core/observe/overlay.ts).
 */
import type { Flow, FlowOverlay, StepObservation } from "../../core/index.ts";
import { layoutMap } from "../map/layout.ts";
import { printMapMermaid } from "../map/mermaid.ts";
import { toMapModel } from "../map/fit.ts";
import type { MapModel } from "../map/model.ts";
import { printMapSvg } from "../map/svg.ts";
import { printMermaid } from "../sequence/mermaid.ts";
import { type DiagramModel, FONT_SIZE, toDiagramModel } from "../sequence/model.ts";
import { type RenderOptions, resolveOptions } from "../options.ts";
import { printSvg } from "../sequence/svg.ts";
import { layoutSvg } from "../sequence/layout.ts";
import { cleanText, wrapText } from "../text.ts";

/** The sequence view's widths (model.ts): labels and notes wrap where the plain views wrap them. */
const MAX_MESSAGE_TEXT = 340;
const MAX_NOTE_TEXT = 220;
const MAX_MAP_NOTE_TEXT = 520;

const said = (o: StepObservation): string => `observed x${o.count}${o.instead ? `; instead: ${o.instead}` : ""}`;

/** The sequence model with counts on its arrows, differing hops marked, and the totals in a note after the last message. */
export function overlaySequence(model: DiagramModel, flow: Flow, overlay: FlowOverlay): DiagramModel {
  const ids = model.participants.map((p) => p.id);
  const messages = model.messages.map((m) => {
    const i = flow.steps.findIndex((s) => s.n === m.n && s.from === ids[m.from] && s.to === ids[m.to]);
    const o = i >= 0 ? overlay.steps[i] : null;
    if (!o) return m;
    const label = cleanText(`${m.label} [${said(o)}]`);
    return { ...m, label, lines: wrapText(label, MAX_MESSAGE_TEXT, FONT_SIZE), ...(o.instead ? { differs: true } : {}) };
  });
  const lines = overlay.lines.flatMap((l) => wrapText(cleanText(l), MAX_NOTE_TEXT, FONT_SIZE));
  const notes = messages.length ? [...model.notes, { after: messages.length - 1, over: [0, 0] as [number, number], lines }] : model.notes;
  return { ...model, title: `${model.title} (observed)`, messages, notes };
}

/** The map model with differing edges marked and, in its note, each observed hop's count. */
export function overlayMap(model: MapModel, flow: Flow, overlay: FlowOverlay): MapModel {
  const ids = model.nodes.map((n) => n.id);
  const edges = model.edges.map((e) => ({ ...e }));
  const notes: string[] = [];
  flow.steps.forEach((s, i) => {
    const o = overlay.steps[i];
    if (!o) return;
    const e = edges.find((x) => s.n !== null && x.numbers.includes(s.n) && ids[x.from] === s.from && ids[x.to] === s.to);
    if (e && o.instead) e.style = "differs";
    notes.push(`${s.n === null ? "" : `${s.n}. `}${s.from} -> ${s.to}: ${said(o)}`);
  });
  const wrapped = [...overlay.lines, ...notes].flatMap((l) => wrapText(cleanText(l), MAX_MAP_NOTE_TEXT, FONT_SIZE));
  return { ...model, title: `${model.title} (observed)`, edges, notes: [...model.notes, ...wrapped] };
}

export type ObservedView = "sequence" | "map";

export function renderObservedSvg(flow: Flow, overlay: FlowOverlay, options: RenderOptions = {}, view: ObservedView = "sequence"): string {
  const { themeName, theme, background } = resolveOptions(options);
  if (view === "map") {
    const model = overlayMap(toMapModel(flow, options), flow, overlay);
    return printMapSvg(layoutMap(model), model, themeName, theme, background);
  }
  const model = overlaySequence(toDiagramModel(flow, options), flow, overlay);
  return printSvg(layoutSvg(model), theme, background, model.title);
}

export function renderObservedMermaid(
  flow: Flow,
  overlay: FlowOverlay,
  options: RenderOptions = {},
  view: ObservedView = "sequence",
): string {
  if (view === "map") return printMapMermaid(overlayMap(toMapModel(flow, options), flow, overlay), options);
  return printMermaid(overlaySequence(toDiagramModel(flow, options), flow, overlay), options);
}
