/**
 * Flow -> DiagramModel: the one model every view prints. Decides participant order, site boxes,
 * message kinds, labels (with the core's step numbers, never recounted) and notes, and wraps every
 * label into lines once, so that Mermaid (`<br>`) and the SVG break text at the same places.
 * In: a `Flow` from core/route/index.ts (or a fixture). Out: plain data. Pure.
 */
import type { Diagnostic, Flow, Note, Participant, Step } from "../../core/index.ts";
import { mermaidAlias } from "../escape.ts";
import { boxText, drawnSites, flowTitle, type LabelMode, noteParagraphs } from "../labels.ts";
import type { RenderOptions } from "../options.ts";
import { cleanText, FONT_SIZE, wrapText } from "../text.ts";
import { layoutSvg } from "./layout.ts";

export { FONT_SIZE };

/** How an arrow is drawn: requests solid, replies dashed, redirects and referrals dashed with an open head. */
export type MessageKind = "request" | "reply" | "lookup" | "redirect" | "referral";

export interface DiagramParticipant {
  id: string;
  /** Safe Mermaid name; the real name only ever appears in labels. */
  alias: string;
  kind: Participant["kind"];
  label: string;
  lines: string[];
  site: string | null;
}

/** A site box around the contiguous participants `first..last` (indices). */
export interface DiagramSite {
  name: string;
  first: number;
  last: number;
}

export interface DiagramMessage {
  n: number | null;
  from: number;
  to: number;
  kind: MessageKind;
  fails: boolean;
  /** An observed-flows overlay marks a designed hop the logs show requests avoiding (coloured, not crossed). */
  differs?: boolean;
  /** The arrow's label as drawn, number first ("2. Proxy ..."); wrapped into `lines`. */
  label: string;
  lines: string[];
  /** The core's plain-English sentence for this step. */
  text: string;
  url: string | null;
  rule: string;
  derived: boolean;
}

export interface DiagramNote {
  /** Drawn after this message (index); -1 means before the first. */
  after: number;
  over: [number, number];
  lines: string[];
}

/** The least actor box width and gap between boxes (Mermaid's `width` and `actorMargin`). */
export interface Spacing {
  actorWidth: number;
  actorMargin: number;
}

export interface DiagramModel {
  outcome: Flow["outcome"];
  spacing: Spacing;
  title: string;
  participants: DiagramParticipant[];
  sites: DiagramSite[];
  messages: DiagramMessage[];
  notes: DiagramNote[];
  flowNotes: Note[];
  diagnostics: Diagnostic[];
}

/** A 1,000 px wiki column then still shows 16 px text at 9 px or more. */
export const MAX_PICTURE_WIDTH = 1750;

/**
 * Wrap widths and spacing, widest first: a flow is drawn with the first that keeps the picture
 * within MAX_PICTURE_WIDTH (Mermaid's defaults come first, so ordinary flows look as Mermaid draws
 * them; the many participants of a hybrid flow get narrower boxes and labels on more lines).
 */
const FITS = [
  { actor: 240, message: 340, spacing: { actorWidth: 150, actorMargin: 50 } },
  { actor: 200, message: 260, spacing: { actorWidth: 150, actorMargin: 50 } },
  { actor: 160, message: 200, spacing: { actorWidth: 140, actorMargin: 40 } },
  { actor: 130, message: 170, spacing: { actorWidth: 130, actorMargin: 30 } },
  { actor: 110, message: 140, spacing: { actorWidth: 110, actorMargin: 24 } },
] as const;
type Fit = (typeof FITS)[number];
/** Narrow enough that a note over one participant never widens Mermaid's spacing (see layout.ts). */
const MAX_NOTE_TEXT = 220;

/** What a participant's box says (the core's `labels`, by the `label` option); see labels.ts. */
export function participantLabel(p: Participant, mode?: LabelMode): string {
  return boxText(p, mode);
}

function host(url: string | undefined): string {
  if (!url) return "";
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url);
  return cleanText(m?.[1] ?? url);
}

function kindOf(step: Step, isLast: boolean): MessageKind {
  switch (step.kind) {
    case "lookup":
      return "lookup";
    case "redirect":
      return "redirect";
    case "respond":
      // The core marks an Autodiscover answer that sends the client on (a referral), unless the flow ends there.
      return step.referral && !isLast ? "referral" : "reply";
    case "fetch":
      return "reply";
    default:
      return "request";
  }
}

function verb(step: Step, kind: MessageKind, outcome: Flow["outcome"]): string {
  if (kind === "redirect") return outcome === "silent-redirect" ? "Silent redirect" : "Redirect";
  if (kind === "referral") return "Autodiscover referral";
  const verbs: Record<Step["kind"], string> = {
    connect: "Connect",
    autodiscover: "Autodiscover",
    lookup: "AD lookup",
    proxy: "Proxy",
    redirect: "Redirect",
    fetch: "Mailbox data",
    respond: "Response",
    token: "Token",
    tunnel: "Agent tunnel",
    smtp: "SMTP",
  };
  return verbs[step.kind];
}

/** Client first, then servers grouped by site in the order the flow reaches them, AD after the site that consults it. */
function orderParticipants(flow: Flow, drawnSite: Map<string, string | null>): Participant[] {
  const byId = new Map(flow.participants.map((p) => [p.id, p]));
  const seen: Participant[] = [];
  const add = (id: string): void => {
    const p = byId.get(id);
    if (p && !seen.includes(p)) seen.push(p);
  };
  for (const s of flow.steps) {
    add(s.from);
    add(s.to);
  }
  for (const p of flow.participants) add(p.id);
  const consulter = flow.steps.find((s) => byId.get(s.to)?.kind === "ad")?.from;
  const consultSite = consulter !== undefined ? (drawnSite.get(consulter) ?? consulter) : undefined;
  const groups = new Map<string, Participant[]>();
  // Servers, cloud endpoints and devices (load balancer, Hybrid Agent) group by site; the client and AD do not.
  for (const p of seen.filter((q) => q.kind !== "client" && q.kind !== "ad")) {
    const key = drawnSite.get(p.id) ?? p.id;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const ad = seen.filter((p) => p.kind === "ad");
  const out = seen.filter((p) => p.kind === "client");
  let adPlaced = false;
  for (const [key, members] of groups) {
    out.push(...members);
    if (key === consultSite) {
      out.push(...ad);
      adPlaced = true;
    }
  }
  if (!adPlaced) out.push(...ad);
  return out;
}

/** The model at the widest fit whose picture stays within MAX_PICTURE_WIDTH (else the narrowest). */
export function toDiagramModel(flow: Flow, options: RenderOptions = {}): DiagramModel {
  let model = buildModel(flow, options, FITS[0]);
  for (const fit of FITS.slice(1)) {
    if (layoutSvg(model).view.w <= MAX_PICTURE_WIDTH) break;
    model = buildModel(flow, options, fit);
  }
  return model;
}

function buildModel(flow: Flow, options: RenderOptions, fit: Fit): DiagramModel {
  const drawnSite = drawnSites(flow);
  const ordered = orderParticipants(flow, drawnSite);
  const participants: DiagramParticipant[] = [];
  const aliases = new Set<string>();
  for (const p of ordered) {
    let alias = mermaidAlias(p.id);
    for (let i = 2; aliases.has(alias); i++) alias = `${mermaidAlias(p.id)}_${i}`;
    aliases.add(alias);
    const label = participantLabel(p, options.label);
    const site = drawnSite.get(p.id) ?? null;
    participants.push({ id: p.id, alias, kind: p.kind, label, lines: wrapText(label, fit.actor, FONT_SIZE), site });
  }
  const sites: DiagramSite[] = [];
  participants.forEach((p, i) => {
    const last = sites[sites.length - 1];
    if (p.site === null) return;
    if (last && last.name === p.site && last.last === i - 1) last.last = i;
    else sites.push({ name: p.site, first: i, last: i });
  });
  const index = new Map(ordered.map((p, i) => [p.id, i]));
  const messages: DiagramMessage[] = [];
  flow.steps.forEach((step, i) => {
    const from = index.get(step.from);
    const to = index.get(step.to);
    if (from === undefined || to === undefined) return;
    const kind = kindOf(step, i === flow.steps.length - 1);
    const h = host(step.url);
    // A failing hop says so in its label too, not only with the crossed arrow.
    const v = step.fails
      ? step.kind === "respond"
        ? "Error response"
        : `${verb(step, kind, flow.outcome)} fails`
      : verb(step, kind, flow.outcome);
    // "Redirect: host", but a bare "Redirect" when the step names no URL.
    const label = cleanText(`${step.n === null ? "" : `${step.n}. `}${h ? `${v}: ${h}` : v}`);
    messages.push({
      n: step.n,
      from,
      to,
      kind,
      fails: step.fails === true,
      label,
      lines: wrapText(label, fit.message, FONT_SIZE),
      text: cleanText(step.text),
      url: step.url === undefined ? null : cleanText(step.url),
      rule: cleanText(step.rule),
      derived: step.derived === true,
    });
  });
  const notes: DiagramNote[] = [];
  const failing = messages.findIndex((m) => m.fails);
  const shown = noteParagraphs(flow.diagnostics, options.notes);
  if (shown.length > 0 && participants.length > 0) {
    const at = failing >= 0 ? failing : messages.length - 1;
    const target = failing >= 0 ? (messages[failing]?.to ?? 0) : 0;
    const lines = shown.flatMap((d) => wrapText(d, MAX_NOTE_TEXT, FONT_SIZE));
    notes.push({ after: at, over: [target, target], lines });
  }
  const title = flowTitle(flow.scenario);
  return {
    outcome: flow.outcome,
    spacing: fit.spacing,
    title,
    participants,
    sites,
    messages,
    notes,
    flowNotes: flow.notes,
    diagnostics: flow.diagnostics,
  };
}
