/**
 * Server-to-server flows across the hybrid boundary (docs/hybrid.md): mailbox
 * moves through MRSProxy (F-8) and SMTP both ways as hop lists (F-9, F-10), with the legs the
 * free/busy flows (flows-freebusy.ts) share: a user's cloud address and the Hybrid Agent's leg.
 */
import { back, enter, type HCtx } from "./context.ts";
import { eopHost } from "./endpoints.ts";
import { anyMailbox, type Door, door, hybridServers, migrationHost, publishedHost } from "../../model/places.ts";
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
    // A move needs MRSProxy on the registered server as on any endpoint (HY-51).
    guard: vdir.endsWith("mrsproxy.svc") ? ["HX-18", "HX-19", "HX-16"] : ["HX-18", "HX-19"],
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
  transportNote(c, "HY-60");
  t.outcome = "direct";
  t.note(
    "assumption",
    "HY-60",
    "The smart host being the tenant's MX host is recalled (R). No Edge server is modelled, so the " +
      "reference's optional Edge hop is not drawn.",
  );
}

/** EOP (or an Internet sender) delivers to the on-premises inbound name; returns the front end's id, or undefined when broken. */
function intoOnPrem(c: HCtx, from: string, rule: string, who: string, breaks: string): { fe: string; d: Door } | undefined {
  const t = c.t;
  const host = c.h.inboundHost ?? migrationHost(c.m) ?? publishedHost(c.m, "owa");
  const d = host ? door(c.m, host, "internet") : undefined;
  if (!d) {
    t.breakHere(from, t.ad(), "smtp", rule, "No published on-premises name for inbound mail.", {
      code: "RT-HOST",
      severity: "error",
      message: "topology.hybrid.inboundHost: name the on-premises host that receives mail from Exchange Online Protection or the Internet",
      path: ["topology", "hybrid", "inboundHost"],
      breaks: [breaks],
    });
    return undefined;
  }
  const fromEop = from === "eop";
  const p = enter(c, from, d, {
    url: `smtp://${d.host}`,
    rule,
    what: `${who} delivers over TLS to`,
    kind: "smtp",
    lbNumbered: true,
    guard: fromEop ? ["HX-10"] : [],
    purpose: fromEop
      ? "whose Default Frontend receive connector accepts it as cloud mail (TlsDomainCapabilities " +
        "mail.protection.outlook.com:AcceptCloudServicesMail)"
      : "whose Default Frontend receive connector accepts it from the Internet",
  });
  if (t.failed) return undefined;
  return { fe: p[p.length - 1] as string, d };
}

/** On-premises transport sends to Exchange Online Protection through the "Outbound to Office 365" connector, then Exchange Online. */
function outToCloud(c: HCtx, from: Server, rule: string, why: string): string {
  const t = c.t;
  const eop = t.cloud("eop");
  const smart = eopHost(c.h, c.m.topology.domain);
  t.hop(
    t.server(from),
    eop,
    "smtp",
    rule,
    `${from.name} sends it over TLS through the "Outbound to Office 365" connector (${why}) to ${smart}.`,
    {
      url: `smtp://${smart}`,
      guard: ["HX-10"],
    },
  );
  const exo = t.cloud("exo");
  t.hop(eop, exo, "smtp", rule, "Exchange Online Protection accepts it as internal hybrid mail and hands it to Exchange Online.");
  return exo;
}

/** F-10 (HY-61): mail from a cloud mailbox to an on-premises mailbox. */
export function smtpFromCloud(c: HCtx, recipient: User, recipientMbx: Server): void {
  const t = c.t;
  const exo = t.cloud("exo");
  const eop = t.cloud("eop");
  t.hop(exo, eop, "smtp", "HY-61", `Exchange Online hands the message for ${recipient.name} to Exchange Online Protection.`);
  const into = intoOnPrem(c, eop, "HY-61", "Exchange Online Protection's outbound connector", "F-10");
  if (!into) return;
  if (recipientMbx !== into.d.fe)
    t.hop(
      into.fe,
      t.server(recipientMbx),
      "smtp",
      "HY-61",
      `${into.fe} passes it to transport on ${recipientMbx.name}, which delivers it to ${recipient.name}'s mailbox.`,
    );
  t.outcome = "direct";
  t.note("assumption", "HY-61", "The Exchange Online connector's naming is recalled (R); the hops are the reference's.");
  transportNote(c, "HY-61");
}

/** W9: centralized transport and the MX decide Internet mail only; say so on the flows between the two sides. */
function transportNote(c: HCtx, rule: string): void {
  if (c.h.centralizedTransport === undefined && c.h.mx === undefined) return;
  c.t.note(
    "info",
    rule,
    `Mail between on-premises and cloud mailboxes always takes the hybrid connectors; centralized transport ` +
      `(${c.h.centralizedTransport ? "on" : "off"}) and the MX (${c.h.mx ?? "eop"}) decide mail to and from the ` +
      "Internet (flows F-12, F-13).",
  );
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/** F-12 (HY-64): mail from a user to an address outside the organisation. */
export function smtpToInternet(c: HCtx, sender: User, senderMbx: Server | undefined, address: string): void {
  const t = c.t;
  const net = t.internet(domainOf(address));
  const mx = `smtp://${domainOf(address)} (MX)`;
  if (senderMbx) {
    t.hop(
      t.server(senderMbx),
      net,
      "smtp",
      "HY-64",
      `Transport on ${senderMbx.name} looks up the MX of ${domainOf(address)} and sends the message to ${address} directly (its ` +
        `own Internet send connector).`,
      { url: mx },
    );
    t.outcome = "direct";
    if (c.h.centralizedTransport)
      t.note(
        "info",
        "HY-64",
        "Centralized transport concerns Exchange Online's senders; on-premises senders still send to the Internet themselves.",
      );
    return;
  }
  const exo = t.cloud("exo");
  const eop = t.cloud("eop");
  t.hop(exo, eop, "smtp", "HY-64", `Exchange Online hands ${sender.name}'s message for ${address} to Exchange Online Protection.`);
  if (!c.h.centralizedTransport) {
    t.hop(
      eop,
      net,
      "smtp",
      "HY-64",
      `Exchange Online Protection sends it to the MX of ${domainOf(address)} (no centralized transport: on-premises is not involved).`,
      { url: mx },
    );
    t.outcome = "direct";
    return;
  }
  const into = intoOnPrem(c, eop, "HY-64", "With centralized transport, Exchange Online Protection's outbound connector", "F-12");
  if (!into) return;
  t.hop(into.fe, net, "smtp", "HY-64", `${into.fe} (on-premises transport) sends it on to the MX of ${domainOf(address)}.`, { url: mx });
  t.outcome = "direct";
}

/** F-13 (HY-62, HY-63): mail from the Internet to a user; `mx` and `centralizedTransport` decide the path. */
export function smtpFromInternet(c: HCtx, address: string, recipient: User, recipientMbx: Server | undefined): void {
  const t = c.t;
  const net = t.internet(domainOf(address));
  const deliverOnPrem = (fe: string, d: Door) => {
    if (recipientMbx && recipientMbx !== d.fe)
      t.hop(
        fe,
        t.server(recipientMbx),
        "smtp",
        "HY-63",
        `${fe} passes it to transport on ${recipientMbx.name}, which delivers it to ${recipient.name}'s mailbox.`,
      );
  };
  const deliverCloud = (d: Door) => {
    const exo = outToCloud(c, d.fe, "HY-63", `${recipient.name}'s mailbox is in Exchange Online`);
    t.hop(exo, t.cloud("exo-mailbox"), "smtp", "HY-63", `Exchange Online delivers it to ${recipient.name}'s mailbox.`);
  };
  if (c.h.mx === "onprem") {
    const into = intoOnPrem(c, net, "HY-63", `The sender's server (${address}) finds the organisation's MX on-premises and`, "F-13");
    if (!into) return;
    if (recipientMbx) deliverOnPrem(into.fe, into.d);
    else deliverCloud(into.d);
    t.outcome = "direct";
    return;
  }
  const eop = t.cloud("eop");
  t.hop(
    net,
    eop,
    "smtp",
    "HY-62",
    `The sender's server (${address}) delivers to the organisation's MX, Exchange Online Protection ` +
      `(${eopHost(c.h, c.m.topology.domain)}).`,
    {
      url: `smtp://${eopHost(c.h, c.m.topology.domain)}`,
    },
  );
  const exo = t.cloud("exo");
  if (c.h.centralizedTransport) {
    // Centralized transport: EOP routes every inbound message through on-premises first (HY-62).
    const into = intoOnPrem(c, eop, "HY-62", "With centralized transport, Exchange Online Protection's outbound connector", "F-13");
    if (!into) return;
    if (recipientMbx) deliverOnPrem(into.fe, into.d);
    else deliverCloud(into.d);
    t.outcome = "direct";
    return;
  }
  t.hop(eop, exo, "smtp", "HY-62", `Exchange Online Protection hands it to Exchange Online, which finds ${recipient.name}.`);
  if (!recipientMbx) {
    t.hop(exo, t.cloud("exo-mailbox"), "smtp", "HY-62", `Exchange Online delivers it to ${recipient.name}'s mailbox.`);
    t.outcome = "direct";
    return;
  }
  t.hop(
    exo,
    eop,
    "smtp",
    "HY-62",
    `${recipient.name} is a mail user whose mailbox is on-premises: Exchange Online routes it back through Exchange Online Protection.`,
  );
  const into = intoOnPrem(c, eop, "HY-62", "Exchange Online Protection's outbound connector", "F-13");
  if (!into) return;
  deliverOnPrem(into.fe, into.d);
  t.outcome = "direct";
}
