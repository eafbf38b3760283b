/**
 * Server-to-server flows across the hybrid boundary (exchange-hybrid-se.md section 5): mailbox
 * moves through MRSProxy (F-8) and SMTP both ways as hop lists (F-9, F-10), with the legs the
 * free/busy flows (flows-freebusy.ts) share: a user's cloud address and the Hybrid Agent's leg.
 */
import { back, enter, type HCtx } from "./context.ts";
import { eopHost } from "./endpoints.ts";
import { anyMailbox, door, hybridServers, migrationHost, publishedHost } from "../../model/places.ts";
import type { Server, User } from "../../types.ts";

export const addressOf = (c: HCtx, u: User): string =>
  u.targetAddress ?? `${u.name}@${c.h.routingDomain ?? "<tenant>.mail.onmicrosoft.com"}`;

/** App Proxy -> agent (tunnel) -> registered server -> mailbox server; the forward path from the proxy on, or undefined when broken. */
export function agentLeg(c: HCtx, proxy: string, mbx: Server, vdir: string): string[] | undefined {
  const t = c.t;
  const a = c.h.hybridAgent;
  const named = a ? c.m.servers.get(a.targetServer) : undefined;
  const target = named
    ? { host: (named.fqdn ?? named.name).toLowerCase(), fe: named, others: [] }
    : a
      ? door(c.m, a.targetServer, "internal")
      : undefined;
  if (!a || !target) {
    t.breakHere(proxy, t.ad(), "tunnel", "HY-4", "No Hybrid Agent with a known registered server.", {
      code: "HX-18",
      severity: "error",
      message: "topology.hybrid.hybridAgent: name the agent and the Client Access server it registered (HY-4)",
      path: ["topology", "hybrid", "hybridAgent"],
      breaks: ["F-7", "F-8"],
    });
    return undefined;
  }
  const agent = t.agent(target.fe.site);
  if (
    !t.hop(
      proxy,
      agent,
      "tunnel",
      "HY-43",
      "App Proxy hands the request to the Hybrid Agent over the agent's own outbound connection " +
        "(agent-initiated; nothing is published inbound).",
    )
  )
    return undefined;
  const p = enter(c, agent, target, {
    url: `https://${target.host}${vdir}`,
    rule: "HY-43",
    what: "The Hybrid Agent sends the request to its registered server",
    kind: "proxy",
    guard: ["HX-18", "HX-19"],
  });
  if (t.failed) return undefined;
  const fe = p[p.length - 1] as string;
  const path = [proxy, ...p];
  if (mbx !== target.fe) {
    t.hop(fe, t.server(mbx), "proxy", "SE-13", `${fe} proxies to ${mbx.name}, which holds the mailbox.`);
    path.push(mbx.name);
  }
  return path;
}

/** F-8 (HY-50..HY-52): Exchange Online MRS moves a mailbox through MRSProxy; onboarding reads on-premises, offboarding writes it. */
export function mailboxMove(c: HCtx, mbx: Server | undefined, onboarding: boolean): void {
  const t = c.t;
  const mrs = t.cloud("exo-mrs");
  const modern =
    c.h.type === "modern" &&
    !!c.h.hybridAgent &&
    (!c.h.migrationEndpoint || c.h.migrationEndpoint.toLowerCase() === c.h.hybridAgent.url.toLowerCase());
  const dir = onboarding
    ? "onboarding: Exchange Online pulls the mailbox"
    : "offboarding: Exchange Online pushes the mailbox back; the data flows the other way";
  if (modern) {
    const proxy = t.cloud("app-proxy");
    t.hop(
      mrs,
      proxy,
      "connect",
      "HY-52",
      `Exchange Online MRS connects to the migration endpoint, the Hybrid Agent's App Proxy name (${dir}).`,
      { url: `https://${c.h.hybridAgent?.url}/EWS/mrsproxy.svc` },
    );
    const target = mbx ?? (c.h.hybridAgent ? c.m.servers.get(c.h.hybridAgent.targetServer) : undefined) ?? hybridServers(c.m)[0];
    if (!target) return;
    const path = agentLeg(c, proxy, target, "/EWS/mrsproxy.svc");
    if (!path) return;
    back(c, [mrs, ...path], "HY-52", target, "the mailbox data stream");
    t.outcome = "proxy";
    return;
  }
  const host = migrationHost(c.m);
  const d = host ? door(c.m, host, "internet") : undefined;
  if (!d) {
    t.breakHere(
      mrs,
      t.ad(),
      "connect",
      "HY-50",
      `The migration endpoint ${host ?? "(none)"} is not a published name that lands on a Client Access server.`,
      {
        code: "HX-09",
        severity: "error",
        message: "topology.hybrid.migrationEndpoint: the migration endpoint must be a published name (HY-50)",
        path: ["topology", "hybrid", "migrationEndpoint"],
        breaks: ["F-8"],
      },
    );
    return;
  }
  const at = ["topology", "namespaces", d.nsIndex ?? -1];
  const p = enter(c, mrs, d, {
    url: `https://${d.host}/EWS/mrsproxy.svc`,
    rule: "HY-50",
    what: `Exchange Online MRS (${dir}) connects with NTLM to`,
    lbNumbered: true,
    guard: [
      { code: "HX-09", at },
      { code: "HX-10", at },
    ],
    feGuard: ["HX-16"],
    purpose: "whose MRSProxy takes the move",
  });
  if (t.failed) return;
  const fe = p[p.length - 1] as string;
  const target = mbx ?? anyMailbox(c.m, d.fe);
  const path = [mrs, fe];
  if (target !== d.fe) {
    t.hop(
      fe,
      t.server(target),
      "proxy",
      "HY-50",
      [
        `MRSProxy on ${fe} ${onboarding ? "reads from" : "writes to"} ${target.name}, the`,
        `${onboarding ? "source" : "target"} Mailbox server.`,
      ].join(" "),
    );
    path.push(target.name);
  }
  back(c, path, "HY-50", target, "the mailbox data stream");
  t.outcome = "proxy";
  if (!mbx)
    t.note("assumption", "HY-50", `Offboarding: the target database is chosen in the move request; the engine draws ${target.name}.`);
}

/** F-9 (HY-60): mail from an on-premises mailbox to a cloud mailbox. */
export function smtpToCloud(c: HCtx, senderMbx: Server, recipient: User): void {
  const t = c.t;
  const sources = (c.h.sendConnector?.sourceServers ?? c.h.hybridServers ?? []).flatMap((n) => c.m.servers.get(n) ?? []);
  const source = sources.find((s) => s === senderMbx) ?? [...sources].sort((a, b) => (a.name < b.name ? -1 : 1))[0] ?? senderMbx;
  const eop = t.cloud("eop");
  if (source !== senderMbx)
    t.hop(
      t.server(senderMbx),
      t.server(source),
      "smtp",
      "HY-60",
      [
        `Transport on ${senderMbx.name} routes the message for ${addressOf(c, recipient)} to`,
        `${source.name}, a source server of the "Outbound to Office 365" send connector.`,
      ].join(" "),
    );
  t.hop(
    t.server(source),
    eop,
    "smtp",
    "HY-60",
    [
      `${source.name} sends it over TLS through the "Outbound to Office 365" connector (address space`,
      `${c.h.routingDomain ?? "<tenant>.mail.onmicrosoft.com"}) to`,
      `${eopHost(c.h, c.m.topology.domain)}.`,
    ].join(" "),
    { url: `smtp://${eopHost(c.h, c.m.topology.domain)}`, guard: ["HX-10"] },
  );
  const exo = t.cloud("exo");
  t.hop(eop, exo, "smtp", "HY-60", "Exchange Online Protection accepts it as internal hybrid mail and hands it to Exchange Online.");
  t.hop(exo, t.cloud("exo-mailbox"), "smtp", "HY-60", `Exchange Online delivers it to ${recipient.name}'s mailbox.`);
  t.outcome = "direct";
  t.note(
    "assumption",
    "HY-60",
    "The smart host being the tenant's MX host is recalled (R). No Edge server is modelled, so the " +
      "reference's optional Edge hop is not drawn.",
  );
}

/** F-10 (HY-61): mail from a cloud mailbox to an on-premises mailbox. */
export function smtpFromCloud(c: HCtx, recipient: User, recipientMbx: Server): void {
  const t = c.t;
  const exo = t.cloud("exo");
  const eop = t.cloud("eop");
  t.hop(exo, eop, "smtp", "HY-61", `Exchange Online hands the message for ${recipient.name} to Exchange Online Protection.`);
  const host = c.h.inboundHost ?? migrationHost(c.m) ?? publishedHost(c.m, "owa");
  const d = host ? door(c.m, host, "internet") : undefined;
  if (!d) {
    t.breakHere(eop, t.ad(), "smtp", "HY-61", "No published on-premises name for inbound hybrid mail.", {
      code: "RT-HOST",
      severity: "error",
      message: "topology.hybrid.inboundHost: name the on-premises host Exchange Online Protection delivers to",
      path: ["topology", "hybrid", "inboundHost"],
      breaks: ["F-10"],
    });
    return;
  }
  const p = enter(c, eop, d, {
    url: `smtp://${d.host}`,
    rule: "HY-61",
    what: "Exchange Online Protection's outbound connector delivers over TLS to",
    kind: "smtp",
    lbNumbered: true,
    guard: ["HX-10"],
    purpose:
      "whose Default Frontend receive connector accepts it as cloud mail (TlsDomainCapabilities " +
      "mail.protection.outlook.com:AcceptCloudServicesMail)",
  });
  if (t.failed) return;
  const fe = p[p.length - 1] as string;
  if (recipientMbx !== d.fe)
    t.hop(
      fe,
      t.server(recipientMbx),
      "smtp",
      "HY-61",
      `${fe} passes it to transport on ${recipientMbx.name}, which delivers it to ${recipient.name}'s mailbox.`,
    );
  t.outcome = "direct";
  t.note("assumption", "HY-61", "The Exchange Online connector's naming is recalled (R); the hops are the reference's.");
}
