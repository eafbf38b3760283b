/**
 * DiagramModel -> SvgLayout: positions of actor boxes, lifelines, site boxes, arrows and notes.
 * Horizontal spacing follows Mermaid's sequence renderer (actor width from its label, gaps widened
 * by the messages between neighbours, box margins), so our picture matches mermaid-cli's; text is
 * measured with the committed Arial-compatible table. Vertical rhythm approximates Mermaid's.
 * In: model. Out: numbers only (svg.ts prints them). Pure.
 */
import { FONT_SIZE, type TextBox, textWidth } from "../text.ts";
import type { DiagramModel, MessageKind } from "./model.ts";

/** Mermaid 11 sequence defaults (width, height, actorMargin, boxMargin, boxTextMargin, wrapPadding, noteMargin). */
export const CONF = {
  actorWidth: 150,
  actorHeight: 65,
  actorMargin: 50,
  boxMargin: 10,
  boxTextMargin: 5,
  wrapPadding: 10,
  noteMargin: 10,
  marginX: 50,
  marginY: 10,
  line: 18,
} as const;

/**
 * Our vertical rhythm in pixels, matched by eye against mermaid-cli's sequence output (Mermaid
 * computes these from font metrics at draw time; we fix them so the layout stays pure).
 */
const RHYTHM = {
  /** Actor box height beyond its text lines. */
  actorPad: 20,
  /** Space above a message's label, and from its last line down to the arrow. */
  labelTop: 10,
  labelToArrow: 16,
  /** A label's last baseline sits this far above its arrow. */
  labelLift: 9,
  /** Space under an arrow; a self-message's loop adds its own height. */
  afterArrow: 2,
  selfLoopH: 30,
  /** How far right of the lifeline a self-message's loop and label reach. */
  selfLoopW: 60,
  /** From the lifeline to where a self-message's label starts: clear of its number badge. */
  selfLabelGap: 12,
  /** Note height beyond its text lines. */
  notePad: 19,
  /** Site title baseline below the box's text margin and half a line. */
  titleDrop: 5.5,
  /** A text line's baseline below the line's top: Liberation Sans glyphs sit about 0.3 em below its centre. */
  baseline: 13.5,
  /** How far short of the target lifeline an arrow line stops, so the head's tip touches it (Mermaid's values). */
  openHeadGap: 1,
  closedHeadGap: 4,
} as const;

export interface ActorBox {
  x: number;
  w: number;
  cx: number;
  lines: string[];
}
export interface SiteBox {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  titleY: number;
}
export interface Arrow {
  x1: number;
  x2: number;
  y: number;
  self: boolean;
  kind: MessageKind;
  fails: boolean;
  differs?: boolean;
  n: number | null;
  lines: string[];
  textX: number;
  baselines: number[];
}
export type NoteBox = TextBox;

export interface SvgLayout {
  view: { x: number; y: number; w: number; h: number };
  actorTop: number;
  actorBottom: number;
  actorH: number;
  actors: ActorBox[];
  sites: SiteBox[];
  arrows: Arrow[];
  notes: NoteBox[];
}

const widest = (lines: string[]): number => Math.max(0, ...lines.map((l) => textWidth(l, FONT_SIZE)));
/** Baselines for `n` lines centred on `mid`. */
const baselinesAround = (mid: number, n: number): number[] =>
  Array.from({ length: n }, (_, j) => mid - (n * CONF.line) / 2 + CONF.line * j + RHYTHM.baseline);

/** Mermaid's getMaxMessageWidthPerActor + calculateActorMargins: gaps grow for labels between neighbours. */
function actorMargins(model: DiagramModel, widths: number[]): number[] {
  const least = model.spacing.actorMargin;
  const need = new Map<number, number>();
  const bump = (k: number, w: number): void => {
    need.set(k, Math.max(need.get(k) ?? 0, w));
  };
  for (const m of model.messages) {
    const w = widest(m.lines) + 2 * CONF.wrapPadding;
    if (m.from === m.to + 1) bump(m.to, w);
    else if (m.from === m.to - 1) bump(m.from, w);
    else if (m.from === m.to) bump(m.from, w / 2);
  }
  for (const note of model.notes) {
    const w = widest(note.lines) + 2 * CONF.wrapPadding;
    const [from, to] = note.over;
    if (to > 0) bump(to - 1, w / 2);
    if (to < widths.length - 1) bump(from, w / 2);
  }
  return widths.map((w, i) => {
    const n = need.get(i);
    if (n === undefined) return least;
    const next = widths[i + 1];
    const gap = next === undefined ? n + least - w / 2 : n + least - w / 2 - next / 2;
    return Math.max(gap, least);
  });
}

export function layoutSvg(model: DiagramModel): SvgLayout {
  const { actorWidth, actorMargin } = model.spacing;
  const widths = model.participants.map((p) => Math.max(actorWidth, widest(p.lines) + 2 * CONF.wrapPadding));
  const actorH = Math.max(CONF.actorHeight, ...model.participants.map((p) => p.lines.length * CONF.line + RHYTHM.actorPad));
  const margins = actorMargins(model, widths);
  const boxMargin = model.sites.map((s) => {
    // Mermaid's box width rule: its members plus margins (eight box margins less the two text
    // margins, as Mermaid counts them), widened to fit the title.
    let total = 8 * CONF.boxMargin - 2 * CONF.boxTextMargin;
    for (let i = s.first; i <= s.last; i++) total += (widths[i] ?? 0) + (margins[i] ?? 0);
    const title = textWidth(s.name, FONT_SIZE) + 2 * CONF.wrapPadding;
    return CONF.boxTextMargin + Math.max(0, (title - total) / 2);
  });
  const siteOf = model.participants.map((_, i) => model.sites.findIndex((s) => i >= s.first && i <= s.last));
  // Mermaid's addActorRenderingData: walk left to right, opening and closing site boxes on the way.
  const actors: ActorBox[] = [];
  const boxX: number[] = [];
  const boxW: number[] = [];
  let prevWidth = 0;
  let prevMargin = 0;
  let prevBox = -1;
  model.participants.forEach((p, i) => {
    const box = siteOf[i] ?? -1;
    if (prevBox >= 0 && prevBox !== box) prevMargin += CONF.boxMargin + (boxMargin[prevBox] ?? 0);
    if (box >= 0 && box !== prevBox) {
      boxX[box] = prevWidth + prevMargin;
      prevMargin += boxMargin[box] ?? 0;
    }
    const w = widths[i] ?? actorWidth;
    const x = prevWidth + prevMargin;
    actors.push({ x, w, cx: x + w / 2, lines: p.lines });
    prevWidth += w + prevMargin;
    if (box >= 0) boxW[box] = prevWidth + (boxMargin[box] ?? 0) - (boxX[box] ?? 0);
    prevMargin = margins[i] ?? actorMargin;
    prevBox = box;
  });

  const hasSites = model.sites.length > 0;
  const actorTop = hasSites ? CONF.boxMargin + CONF.line - 1 : 0;
  let pos = actorTop + actorH;
  const arrows: Arrow[] = [];
  const notes: NoteBox[] = [];
  const placeNotes = (after: number): void => {
    for (const note of model.notes.filter((n) => n.after === after)) {
      const a = actors[note.over[0]];
      const b = actors[note.over[1]];
      if (!a || !b) continue;
      const textW = widest(note.lines) + 2 * CONF.noteMargin;
      const w = a === b ? Math.max(a.w, actorWidth, textW) : Math.abs(b.cx - a.cx) + actorMargin;
      const x = a === b ? a.x + (a.w - w) / 2 : Math.min(a.cx, b.cx) - actorMargin / 2;
      const y = pos + CONF.boxMargin;
      const h = note.lines.length * CONF.line + RHYTHM.notePad;
      notes.push({ x, y, w, h, lines: note.lines, baselines: baselinesAround(y + h / 2, note.lines.length) });
      pos = y + h;
    }
  };
  placeNotes(-1);
  model.messages.forEach((m, i) => {
    const from = actors[m.from];
    const to = actors[m.to];
    if (!from || !to) return;
    const y = pos + RHYTHM.labelTop + m.lines.length * CONF.line + RHYTHM.labelToArrow;
    const dir = to.cx >= from.cx ? 1 : -1;
    const self = m.from === m.to;
    const open = m.kind === "lookup" || m.kind === "redirect" || m.kind === "referral";
    const x2 = self ? from.cx : to.cx - dir * (open ? RHYTHM.openHeadGap : RHYTHM.closedHeadGap);
    // The circle carries the number, so the SVG label drops the "2. " that opens the Mermaid label.
    const prefix = m.n === null ? "" : `${m.n}. `;
    const lines = m.lines.map((l, j) => (j === 0 && prefix && l.startsWith(prefix) ? l.slice(prefix.length) : l));
    const baselines = m.lines.map((_, j) => y - RHYTHM.labelLift - CONF.line * (m.lines.length - 1 - j));
    arrows.push({
      x1: from.cx + dir,
      x2,
      y,
      self,
      kind: m.kind,
      fails: m.fails,
      ...(m.differs ? { differs: true } : {}),
      n: m.n,
      lines,
      // A self-message's label starts right of its badge (centred on the lifeline, the badge would cover it).
      textX: self ? from.cx + RHYTHM.selfLabelGap + widest(lines) / 2 : (from.cx + to.cx) / 2,
      baselines,
    });
    pos = y + RHYTHM.afterArrow + (self ? RHYTHM.selfLoopH : 0);
    placeNotes(i);
  });
  const actorBottom = pos + 2 * CONF.boxMargin;
  const end = actorBottom + actorH + CONF.boxMargin;
  const sites: SiteBox[] = model.sites.map((s, k) => ({
    x: (boxX[k] ?? 0) - 2 * CONF.boxMargin,
    y: -CONF.boxMargin / 2,
    w: (boxW[k] ?? 0) + 4 * CONF.boxMargin,
    h: end + 1.5 * CONF.boxMargin,
    title: s.name,
    titleY: CONF.boxTextMargin + (CONF.line - 1) / 2 + RHYTHM.titleDrop,
  }));
  const lefts = [0, ...sites.map((s) => s.x), ...notes.map((n) => n.x)];
  const rights = [...actors.map((a) => a.x + a.w), ...sites.map((s) => s.x + s.w), ...notes.map((n) => n.x + n.w)];
  rights.push(...arrows.filter((a) => a.self).map((a) => Math.max(a.x1 + RHYTHM.selfLoopW, a.textX + widest(a.lines) / 2)));
  const minX = Math.min(...lefts);
  const maxX = Math.max(0, ...rights);
  const maxY = hasSites ? end + CONF.boxMargin : end - CONF.boxMargin;
  const view = { x: minX - CONF.marginX, y: -CONF.marginY, w: maxX - minX + 2 * CONF.marginX, h: maxY + 2 * CONF.marginY };
  return { view, actorTop, actorBottom, actorH, actors, sites, arrows, notes };
}
