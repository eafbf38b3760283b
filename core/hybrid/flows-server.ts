/**
 * Server-to-server flows across the hybrid boundary (exchange-hybrid-se.md section 5): free/busy
 * on-premises -> cloud (F-5) and cloud -> on-premises, classic (F-6) and through the Hybrid Agent
 * (F-7); mailbox moves through MRSProxy (F-8); SMTP both ways as hop lists (F-9, F-10).
 */
import { back, enter, type HCtx } from "./context.ts";
import { EXO_HOSTS, eopHost } from "./endpoints.ts";
import { anyMailbox, clientHost, door, hybridServers, migrationHost, publishedHost } from "./places.ts";
import type { Server, User } from "../types.ts";

const addressOf = (c: HCtx, u: User): string => u.targetAddress ?? `${u.name}@${c.h.routingDomain ?? "<tenant>.mail.onmicrosoft.com"}`;

/** F-5 (HY-40, HY-41): an on-premises user's Outlook asks for a cloud user's free/busy. */
export function freeBusyToCloud(c: HCtx, requesterMbx: Server, target: User, host: string | undefined): void {
  const t = c.t;
  const h = host ?? clientHost(c.m, "ews", c.client, requesterMbx);
  const d = h ? door(c.m, h, c.client) : undefined;
  if (!d) {
    t.breakHere("client", t.ad(), "connect", "HY-40", `The ${c.client} Outlook finds no EWS name on-premises.`, {
      code: "RT-HOST",
      severity: "error",
      message: "scenario.host: no EWS name for this client; name one with scenario.host",
      path: ["scenario", "host"],
      breaks: ["F-5"],
    });
    return;
  }
  const url = `https://${d.host}/EWS/Exchange.asmx`;
  const p = enter(c, "client", d, { url, rule: "HY-40", what: "Outlook sends GetUserAvailability to", lbNumbered: true });
  if (t.failed) return;
  const fe = p[p.length - 1] as string;
  const path = [...p];
  if (requesterMbx !== d.fe) {
    t.hop(
      fe,
      t.server(requesterMbx),
      "proxy",
      "HY-40",
      `${fe} proxies the request to ${requesterMbx.name}, the requester's Mailbox server, whose Availability service answers it.`,
    );
    path.push(requesterMbx.name);
  }
  const mb = requesterMbx.name;
  const oauth = c.h.ioc?.onPrem?.enabled !== false;
  t.hop(
    mb,
    t.ad(),
    "lookup",
    "HY-40",
    [
      `${mb} finds ${target.name} as a mail user with targetAddress ${addressOf(c, target)};`,
      oauth
        ? "the IntraOrganizationConnector covers that domain, so it uses OAuth."
        : "no enabled IntraOrganizationConnector, so it falls back to the organization relationship (DAuth).",
    ].join(" "),
    { unnumbered: true },
  );
  const exoAd = t.cloud("exo-autodiscover");
  const ep = oauth
    ? (c.h.ioc?.onPrem?.discoveryEndpoint ?? `https://${EXO_HOSTS.autodiscover}/autodiscover/autodiscover.svc`)
    : `https://${EXO_HOSTS.autodiscover}/autodiscover/autodiscover.svc/WSSecurity`;
  t.hop(
    mb,
    exoAd,
    "autodiscover",
    "HY-40",
    [
      `${mb} asks Exchange Online's Autodiscover`,
      `(${oauth ? "DiscoveryEndpoint of the connector" : "TargetAutodiscoverEpr"}) for the target's EWS`,
      "URL (the answer is usually cached).",
    ].join(" "),
    { url: ep, guard: ["HX-28"] },
  );
  t.hop(
    mb,
    t.cloud("entra"),
    "token",
    oauth ? "HY-40" : "HY-41",
    oauth
      ? [
          `${mb} gets an OAuth token for Exchange Online from ${EXO_HOSTS.entra} as the dedicated Exchange`,
          "hybrid app (before 2025: ACS, accounts.accesscontrol.windows.net).",
        ].join(" ")
      : `${mb} gets a delegation token from the federation gateway (${EXO_HOSTS.entra}/extSTS.srf).`,
    { url: oauth ? `https://${EXO_HOSTS.entra}/` : `https://${EXO_HOSTS.entra}/extSTS.srf` },
  );
  const exo = t.cloud("exo");
  t.hop(mb, exo, "proxy", "HY-40", `${mb} calls Exchange Online's EWS with the token for ${target.name}'s free/busy.`, {
    url: `https://${EXO_HOSTS.exo}/EWS/Exchange.asmx`,
    guard: ["HX-15"],
  });
  back(c, [...path, exo], "HY-40", undefined, "the free/busy information");
  t.outcome = "proxy";
  t.note(
    "assumption",
    "HY-40",
    "Open question 4 of the reference: that the IntraOrganizationConnector (OAuth) is tried before " +
      "the organization relationship (DAuth) comes from Microsoft's support tooling, not a product " +
      "document.",
  );
  t.note("assumption", "HY-40", "That the front end hands the request to the requester's Mailbox server is an inference (I).");
  t.note(
    "info",
    "HY-6",
    "Open question 7 of the reference: with the May 2026 hotfix and Graph permissions the call may go " +
      "to Microsoft Graph instead of EWS; not verified, so EWS is drawn.",
  );
}

/** F-6 / F-7 (HY-42, HY-43): a cloud user's client asks for an on-premises user's free/busy. */
export function freeBusyFromCloud(c: HCtx, target: User, targetMbx: Server, modern: boolean): void {
  const t = c.t;
  const exo = t.cloud("exo");
  t.hop(
    "client",
    exo,
    "connect",
    modern ? "HY-43" : "HY-42",
    `The cloud user's Outlook asks Exchange Online (${EXO_HOSTS.exo}) for ${target.name}'s free/busy.`,
    { url: `https://${EXO_HOSTS.exo}/EWS/Exchange.asmx` },
  );
  t.hop(
    exo,
    t.cloud("exo-directory"),
    "lookup",
    "HY-42",
    [
      `Exchange Online finds ${target.name} as a mail user in`,
      `${c.m.topology.domain ?? "the on-premises domain"}, covered by its IntraOrganizationConnector /`,
      "organization relationship.",
    ].join(" "),
    { unnumbered: true },
  );
  t.hop(
    exo,
    t.cloud("entra"),
    "token",
    "HY-42",
    [
      `Exchange Online gets a token for the on-premises organisation from ${EXO_HOSTS.entra} (OAuth;`,
      "the DAuth equivalent comes from the federation gateway).",
    ].join(" "),
    { url: `https://${EXO_HOSTS.entra}/` },
  );
  if (modern) {
    freeBusyViaAgent(c, exo, targetMbx);
    return;
  }
  const sharing = c.h.orgRelationship?.exo?.targetSharingEpr;
  const ewsHost = publishedHost(c.m, "ews");
  if (!sharing) {
    const ad = c.m.topology.domain ? `autodiscover.${c.m.topology.domain}`.toLowerCase() : undefined;
    const dAd = ad ? door(c.m, ad, "internet") : undefined;
    if (!dAd) {
      t.breakHere(
        exo,
        t.ad(),
        "autodiscover",
        "HY-42",
        `Exchange Online cannot reach ${ad ?? "on-premises Autodiscover"} from the Internet.`,
        {
          code: "HX-09",
          severity: "error",
          message: [
            `topology.namespaces: ${ad ?? "autodiscover.<domain>"} must be published to the Internet for`,
            "free/busy from the cloud (HY-42)",
          ].join(" "),
          path: ["topology", "namespaces"],
          breaks: ["F-6"],
        },
      );
      return;
    }
    const adUrl = c.h.orgRelationship?.exo?.targetAutodiscoverEpr ?? `https://${dAd.host}/autodiscover/autodiscover.svc/wssecurity`;
    const at = ["topology", "namespaces", dAd.nsIndex ?? -1];
    const p = enter(c, exo, dAd, {
      url: adUrl,
      rule: "HY-42",
      what: "Exchange Online sends an Autodiscover request to",
      kind: "autodiscover",
      guard: [
        { code: "HX-09", at },
        { code: "HX-10", at },
      ],
    });
    if (t.failed) return;
    const fe = p[p.length - 1] as string;
    t.hop(
      fe,
      exo,
      "respond",
      "HY-42",
      `${fe} answers with the EWS ExternalUrl${ewsHost ? ` (https://${ewsHost}/EWS/Exchange.asmx)` : ""}.`,
      { guard: ["HX-08"] },
    );
  } else t.note("info", "HY-42", `The Exchange Online organization relationship has TargetSharingEpr ${sharing}: Autodiscover is skipped.`);
  const dEws = ewsHost ? door(c.m, ewsHost, "internet") : undefined;
  if (!dEws) {
    t.breakHere(exo, t.ad(), "proxy", "HY-42", "No EWS ExternalUrl on a hybrid server lands on a published name.", {
      code: "HX-08",
      severity: "error",
      message: "topology.servers: set the EWS ExternalUrl of the hybrid servers to a published name (KB 3058294)",
      path: ["topology", "servers"],
      breaks: ["F-6"],
    });
    return;
  }
  const at = ["topology", "namespaces", dEws.nsIndex ?? -1];
  const p = enter(c, exo, dEws, {
    url: `https://${dEws.host}/EWS/Exchange.asmx/wssecurity`,
    rule: "HY-42",
    what: "Exchange Online calls EWS with the token at",
    kind: "proxy",
    lbNumbered: true,
    guard: [{ code: "HX-09", at }, { code: "HX-10", at }, "HX-08", "HX-15"],
  });
  if (t.failed) return;
  const fe = p[p.length - 1] as string;
  const path = [...p];
  if (targetMbx !== dEws.fe) {
    t.hop(
      fe,
      t.server(targetMbx),
      "proxy",
      targetMbx.site !== dEws.fe.site ? "HY-44" : "SE-13",
      `${fe} proxies to ${targetMbx.name}, which holds ${target.name}'s mailbox${
        targetMbx.site !== dEws.fe.site ? ` in ${targetMbx.site} (cross-site; that site needs the federation certificate too)` : ""
      }.`,
    );
    path.push(targetMbx.name);
  }
  back(c, ["client", ...path], "HY-42", targetMbx, "the free/busy information");
  t.outcome = "proxy";
  t.note(
    "assumption",
    "HY-42",
    "With OAuth, whether Exchange Online calls /EWS/Exchange.asmx/wssecurity or plain " +
      "/EWS/Exchange.asmx with a Bearer token is recalled (R); the flow draws /wssecurity, which the " +
      "ports table lists for both.",
  );
}

/** F-7 (HY-43): Exchange Online -> App Proxy -> Hybrid Agent (agent-initiated tunnel) -> the registered Client Access server. */
function freeBusyViaAgent(c: HCtx, exo: string, targetMbx: Server): void {
  const t = c.t;
  const proxy = t.cloud("app-proxy");
  const agentUrl = c.h.hybridAgent?.url ?? "<guid>.resource.mailboxmigration.his.msappproxy.net";
  t.hop(exo, proxy, "proxy", "HY-43", `Exchange Online calls EWS at the Hybrid Agent's App Proxy name (TargetSharingEpr).`, {
    url: `https://${agentUrl}/EWS/Exchange.asmx`,
    guard: ["HX-15"],
  });
  const path = agentLeg(c, proxy, targetMbx, "/EWS/Exchange.asmx");
  if (!path) return;
  back(c, ["client", exo, ...path], "HY-43", targetMbx, "the free/busy information");
  t.outcome = "proxy";
}

/** App Proxy -> agent (tunnel) -> registered server -> mailbox server; the forward path from the proxy on, or undefined when broken. */
function agentLeg(c: HCtx, proxy: string, mbx: Server, vdir: string): string[] | undefined {
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
