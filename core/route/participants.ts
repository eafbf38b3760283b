/**
 * The flow's cast, in order of first appearance (client first): server names from the topology,
 * `client` and `ad`, each labelled as the article labels them: "CAS 2013, New York (mail.o365info.com)",
 * plus the role, tier and the box texts every diagram prints (`labels`, one per `label` option).
 */
import { clientLabel, roleShort } from "../model/describe.ts";
import { hostOf, internetFacing, type Model } from "../model/index.ts";
import { rank } from "../versions.ts";
import type { ClientLocation, FlowSite, Participant, ParticipantLabels, Protocol, Server, Step } from "../types.ts";

/** Names that land on `s`: those this flow used first, else the published ones. */
function namesOf(m: Model, s: Server, used: Set<string>): string[] {
  const landing = m.landingOn.get(s.name) ?? [];
  const inFlow = landing.filter((ns) => used.has(ns.host.toLowerCase())).map((ns) => ns.host);
  if (inFlow.length) return inFlow;
  const published = landing.find((ns) => ns.external !== false);
  return published ? [published.host] : [];
}

/** Box text of a participant that is not a server: the same whatever the `label` option says. */
export const same = (text: string): ParticipantLabels => ({ role: text, name: text, both: text });

/**
 * A server as every view draws it: its role, its tier (a CAS, or any 2016 or later server, is a
 * front end) and the box text per `label` option. `label` is the flow's own wording (the article's
 * "CAS 2013, New York (…)" or the hybrid trail's "Exchange SE, HQ (EX1)").
 */
export function serverParticipant(s: Server, names: string[], label: string): Participant {
  const role = roleShort(s);
  const hosts = names.length ? ` (${names.join(", ")})` : "";
  const tier = s.roles.includes("cas") || rank(s.version) >= 2016 ? "front-end" : "back-end";
  const labels = { role: `${role}${hosts}`, name: `${s.name}${hosts}`, both: `${s.name}, ${role}${hosts}` };
  const base = { id: s.name, label, kind: "server", server: s.name, site: s.site, version: s.version } as const;
  return { ...base, roles: [...s.roles], names, role, tier, labels };
}

/** The client, as every flow names it ("External mobile (ActiveSync) client"). */
export function clientParticipant(protocol: Protocol, client: ClientLocation): Participant {
  const label = clientLabel(protocol, client);
  return { id: "client", label, kind: "client", labels: same(label) };
}

/** Active Directory: the same participant in every flow (a fresh object: flows are plain data callers may keep). */
export const adParticipant = (): Participant => ({ id: "ad", label: "Active Directory", kind: "ad", labels: same("Active Directory") });

export function participantsOf(m: Model, steps: Step[], protocol: Protocol, client: ClientLocation): Participant[] {
  const used = new Set(steps.map((s) => hostOf(s.url)).filter((h): h is string => !!h));
  const ids = ["client", ...steps.flatMap((s) => [s.from, s.to])];
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (id === "client") out.push(clientParticipant(protocol, client));
    else if (id === "ad") out.push(adParticipant());
    else {
      const s = m.servers.get(id);
      if (!s) continue;
      const names = namesOf(m, s, used);
      const hosts = names.length ? ` (${names.join(", ")})` : "";
      out.push(serverParticipant(s, names, `${roleShort(s)}, ${s.site}${hosts}`));
    }
  }
  return out;
}

/** The sites of the flow's servers: Internet-facing for this protocol or not, and their published names. */
export function sitesOf(m: Model, participants: Participant[], steps: Step[], protocol: Protocol): FlowSite[] {
  const used = new Set(steps.map((s) => hostOf(s.url)).filter((h): h is string => !!h));
  const names = [...new Set(participants.flatMap((p) => (p.site ? [p.site] : [])))];
  return names.map((name) => {
    const published = (m.landingInSite.get(name) ?? []).filter((ns) => ns.external !== false).map((ns) => ns.host);
    // The names this flow used say most; otherwise everything the site publishes.
    const inFlow = published.filter((h) => used.has(h.toLowerCase()));
    return { name, internetFacing: internetFacing(m, name, protocol), names: inFlow.length ? inFlow : published };
  });
}
