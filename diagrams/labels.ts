/**
 * Text both views put into the picture, chosen by the `label` and `notes` options. Participant
 * boxes print the core's `labels` as they are (flows written by hand without them get the same
 * text composed from role, version and names); diagnostics become note text at the chosen level.
 * The site is never in a box: every view draws servers inside their site's box.
 */
import { type Diagnostic, type Flow, LABELS, NOTES, OPTIONS, type Participant } from "../core/index.ts";
import { cleanText } from "./text.ts";

export const LABEL_MODES = LABELS;
export type LabelMode = (typeof LABEL_MODES)[number];
export const NOTES_LEVELS = NOTES;
export type NotesLevel = (typeof NOTES_LEVELS)[number];

/** Defaults (from the option table): the server's name with its role; one short line per warning. */
export const DEFAULT_LABEL: LabelMode = OPTIONS.label.default;
export const DEFAULT_NOTES: NotesLevel = OPTIONS.notes.default;

const ROLE_NAMES: Record<string, string> = { cas: "CAS", mailbox: "Mailbox" };

function composed(p: Participant, mode: LabelMode): string {
  if (p.kind !== "server") return p.label ?? p.id;
  const role =
    p.role ??
    (p.version === "SE" || (p.version ?? 0) >= 2016
      ? `Exchange ${p.version}`
      : `${(p.roles ?? []).map((r) => ROLE_NAMES[r] ?? r).join("/") || "Server"} ${p.version ?? ""}`);
  const hosts = p.names?.length ? ` (${p.names.join(", ")})` : "";
  const name = p.server ?? p.id;
  return mode === "role" ? `${role}${hosts}` : mode === "name" ? `${name}${hosts}` : `${name}, ${role}${hosts}`;
}

/** What the participant's box says; never empty. */
export function boxText(p: Participant, mode: LabelMode = DEFAULT_LABEL): string {
  if (!LABEL_MODES.includes(mode)) throw new RangeError(`unknown label: ${String(mode).slice(0, 40)}`);
  return cleanText(p.labels?.[mode] ?? composed(p, mode)) || cleanText(p.id) || "?";
}

const BRIEF_CHARS = 130;

/**
 * "DX-07: the first clause of the message…": without a leading input path ("scenario.host: "),
 * up to the first `;` or `:` and at most BRIEF_CHARS, cut between words.
 */
function brief(d: Diagnostic): string {
  const message = cleanText(d.message).replace(/^[\w$.[\]-]+: (?=\S)/, "");
  const clause = message.split(/[;:](?:\s|$)/)[0] ?? message;
  let out = clause;
  if (out.length > BRIEF_CHARS) {
    const cut = out.lastIndexOf(" ", BRIEF_CHARS);
    out = out.slice(0, cut > 20 ? cut : BRIEF_CHARS).replace(/[\s,.(]+$/, "");
  }
  return `${d.code}: ${out}${out.length < message.length ? "…" : ""}`;
}

/** One paragraph per warning or error (info stays in the JSON and Markdown), at the chosen level. */
export function noteParagraphs(diagnostics: readonly Diagnostic[], level: NotesLevel = DEFAULT_NOTES): string[] {
  if (!NOTES_LEVELS.includes(level)) throw new RangeError(`unknown notes level: ${String(level).slice(0, 40)}`);
  if (level === "none") return [];
  const shown = diagnostics.filter((d) => d.severity !== "info");
  return shown.map((d) => (level === "full" ? cleanText(`${d.code}: ${d.message}`) : brief(d)));
}

/**
 * The site each participant is drawn in: its own, or for a device without one (a load balancer)
 * the site of the first server it hands a request to, so both views draw a load balancer with the
 * site it fronts. The client and Active Directory stay outside every site.
 */
export function drawnSites(flow: Pick<Flow, "participants" | "steps">): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of flow.participants) out.set(p.id, p.kind !== "client" && p.kind !== "ad" && p.site ? cleanText(p.site) || null : null);
  for (const p of flow.participants) {
    if (p.kind !== "device" || out.get(p.id)) continue;
    const next = flow.steps.find((s) => s.from === p.id && out.get(s.to));
    if (next) out.set(p.id, out.get(next.to) ?? null);
  }
  return out;
}

const PROTOCOL_NAMES: Record<string, string> = {
  autodiscover: "Autodiscover",
  "outlook-anywhere": "Outlook Anywhere",
  "mapi-http": "MAPI over HTTP",
  "rpc-tcp": "RPC/TCP",
  owa: "OWA",
  ecp: "ECP",
  activesync: "ActiveSync",
  ews: "EWS",
  oab: "OAB",
  pop3: "POP3",
  imap4: "IMAP4",
};

const APP_NAMES: Record<string, string> = {
  outlook: "Outlook",
  "outlook-direct-connect": "Outlook with Direct Connect",
  "outlook-mobile": "Outlook for iOS/Android",
  eas: "ActiveSync device",
  "eas-no-451": "ActiveSync device without HTTP 451",
};

/**
 * What the flow is, for a picture's title and alt text: the scenario kind first, so a server-to-
 * server flow says what it traces ("Free/busy: bob looks up carol's calendar, over EWS") instead of
 * the client request it is not.
 */
export function flowTitle(s: Flow["scenario"]): string {
  const proto = PROTOCOL_NAMES[s.protocol] ?? s.protocol;
  const host = s.host ? `, ${s.host}` : "";
  const target = s.target ? cleanText(s.target) : "?";
  switch (s.kind) {
    case "free-busy":
      return cleanText(`Free/busy: ${s.user} looks up ${target}'s calendar, over ${proto}${host}`);
    case "smtp":
      return cleanText(`SMTP: a message from ${s.user} to ${target}`);
    case "mailbox-move":
      return cleanText(`Mailbox move: ${s.user}'s mailbox across the hybrid boundary, over ${proto}${host}`);
    default: {
      const app = s.app ? ` (${APP_NAMES[s.app] ?? s.app})` : "";
      return cleanText(`${proto}: ${s.client} client${app}, user ${s.user}${host}`);
    }
  }
}
