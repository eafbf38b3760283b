/**
 * The flow's cast, in order of first appearance (client first): server names from the topology,
 * `client` and `ad`, each labelled as the article labels them: "CAS 2013, New York (mail.o365info.com)",
 * plus the role, tier and the box texts every diagram prints (`labels`, one per `label` option).
 */
import { clientLabel, roleShort } from "./describe.ts";
import { hostOf, internetFacing, type Model } from "./model.ts";
import { rank } from "./versions.ts";
import type { ClientLocation, FlowSite, Participant, ParticipantLabels, Protocol, Server, Step } from "./types.ts";

/** Names that land on `s`: those this flow used first, else the published ones. */
function namesOf(m: Model, s: Server, used: Set<string>): string[] {
  const landing = m.landingOn.get(s.name) ?? [];
  const inFlow = landing.filter((ns) => used.has(ns.host.toLowerCase())).map((ns) => ns.host);
  if (inFlow.length) return inFlow;
  const published = landing.find((ns) => ns.external !== false);
  return published ? [published.host] : [];
}

const same = (text: string): ParticipantLabels => ({ role: text, name: text, both: text });

export function participantsOf(m: Model, steps: Step[], protocol: Protocol, client: ClientLocation): Participant[] {
  const used = new Set(steps.map((s) => hostOf(s.url)).filter((h): h is string => !!h));
  const ids = ["client", ...steps.flatMap((s) => [s.from, s.to])];
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (id === "client")
      out.push({ id, label: clientLabel(protocol, client), kind: "client", labels: same(clientLabel(protocol, client)) });
    else if (id === "ad") out.push({ id, label: "Active Directory", kind: "ad", labels: same("Active Directory") });
    else {
      const s = m.servers.get(id);
      if (!s) continue;
      const names = namesOf(m, s, used);
      const role = roleShort(s);
      const hosts = names.length ? ` (${names.join(", ")})` : "";
      const label = `${role}, ${s.site}${hosts}`;
      const tier = s.roles.includes("cas") || rank(s.version) >= 2016 ? "front-end" : "back-end";
      const labels = { role: `${role}${hosts}`, name: `${s.name}${hosts}`, both: `${s.name}, ${role}${hosts}` };
      out.push({
        id,
        label,
        kind: "server",
        server: s.name,
        site: s.site,
        version: s.version,
        roles: [...s.roles],
        names,
        role,
        tier,
        labels,
      });
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
