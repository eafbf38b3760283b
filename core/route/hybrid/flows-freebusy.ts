/**
 * Free/busy across the hybrid boundary (exchange-hybrid-se.md section 5): on-premises -> cloud
 * (F-5) and cloud -> on-premises, classic (F-6) and through the Hybrid Agent (F-7).
 */
import { back, enter, type HCtx } from "./context.ts";
import { EXO_HOSTS } from "./endpoints.ts";
import { addressOf, agentLeg } from "./flows-server.ts";
import { clientHost, door, publishedHost } from "../../model/places.ts";
import type { Server, User } from "../../types.ts";

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
