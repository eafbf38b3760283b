/**
 * Free/busy across the hybrid boundary (docs/hybrid.md): on-premises -> cloud
 * (F-5) and cloud -> on-premises, classic (F-6) and through the Hybrid Agent (F-7). Each direction
 * names its authentication family (diagnose/hybrid-model.ts): OAuth through an
 * IntraOrganizationConnector, DAuth through an organization relationship and a federation gateway
 * token, or none (HX-29).
 */
import { back, enter, type HCtx } from "./context.ts";
import { EXO_HOSTS } from "./endpoints.ts";
import { addressOf, agentLeg } from "./flows-server.ts";
import { authFromCloud, authToCloud, discoveryFromCloud, type AuthFamily } from "../../diagnose/hybrid-model.ts";
import { hostOf, isClientAccess, isModern } from "../../model/index.ts";
import { clientHost, door, publishedHost, type Door } from "../../model/places.ts";
import type { Server, User } from "../../types.ts";

const FAMILY: Record<AuthFamily, string> = {
  oauth: "OAuth (IntraOrganizationConnector)",
  dauth: "DAuth (organization relationship, delegation token from the Microsoft Federation Gateway)",
  none: "none",
};

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
  const auth = authToCloud(c.h);
  const rule = auth.family === "dauth" ? "HY-41" : "HY-40";
  t.hop(
    mb,
    t.ad(),
    "lookup",
    rule,
    `${mb} finds ${target.name} as a mail user with targetAddress ${addressOf(c, target)}; ${auth.why} (authentication: ` +
      `${FAMILY[auth.family]}).`,
    { unnumbered: true, guard: ["HX-29"] },
  );
  if (t.failed) return;
  const exo = t.cloud("exo");
  const sharing = c.h.orgRelationship?.onPrem?.targetSharingEpr;
  if (auth.family === "oauth") {
    t.hop(
      mb,
      t.cloud("exo-autodiscover"),
      "autodiscover",
      rule,
      `${mb} asks Exchange Online's Autodiscover (the connector's DiscoveryEndpoint) for the target's EWS URL (the answer is ` +
        `usually cached).`,
      {
        url: c.h.ioc?.onPrem?.discoveryEndpoint ?? `https://${EXO_HOSTS.autodiscover}/autodiscover/autodiscover.svc`,
        guard: ["HX-28"],
      },
    );
    const app = c.h.dedicatedApp === false ? "the shared Exchange service principal" : "the dedicated Exchange hybrid app";
    t.hop(
      mb,
      t.cloud("entra"),
      "token",
      rule,
      `${mb} gets an OAuth token for Exchange Online from ${EXO_HOSTS.entra} as ${app} (before 2025: ACS, ` +
        `accounts.accesscontrol.windows.net).`,
      {
        url: `https://${EXO_HOSTS.entra}/`,
        guard: ["HX-28"],
      },
    );
    t.hop(mb, exo, "proxy", rule, `${mb} calls Exchange Online's EWS with the Bearer token for ${target.name}'s free/busy.`, {
      url: `https://${EXO_HOSTS.exo}/EWS/Exchange.asmx`,
      guard: ["HX-15", "HX-28"],
    });
    if (sharing)
      t.note(
        "info",
        "HY-40",
        `The organization relationship's TargetSharingEpr (${sharing}) is not used: OAuth goes through the ` +
          `IntraOrganizationConnector; TargetSharingEpr applies to DAuth.`,
      );
  } else {
    if (sharing)
      t.note(
        "info",
        "HY-41",
        `The on-premises organization relationship has TargetSharingEpr ${sharing}: ${mb} calls it directly and skips Autodiscover.`,
      );
    else
      t.hop(
        mb,
        t.cloud("exo-autodiscover"),
        "autodiscover",
        rule,
        `${mb} asks Exchange Online's Autodiscover (the organization relationship's TargetAutodiscoverEpr) for the target's EWS URL.`,
        {
          url: `https://${EXO_HOSTS.autodiscover}/autodiscover/autodiscover.svc/WSSecurity`,
          guard: ["HX-28"],
        },
      );
    t.hop(
      mb,
      t.cloud("fedgw"),
      "token",
      rule,
      `${mb} gets a delegation token for outlook.com from the Microsoft Federation Gateway (the federation trust's token issuer).`,
      {
        url: `https://${EXO_HOSTS.entra}/extSTS.srf`,
        guard: ["HX-28"],
      },
    );
    t.hop(
      mb,
      exo,
      "proxy",
      rule,
      `${mb} calls Exchange Online's EWS with the WS-Security delegation token for ${target.name}'s free/busy.`,
      {
        url: sharing ?? `https://${EXO_HOSTS.exo}/EWS/Exchange.asmx/WSSecurity`,
        guard: ["HX-28"],
      },
    );
    if (c.h.dedicatedApp === false)
      t.note("info", "HY-6", "No dedicated hybrid app: DAuth does not use the shared service principal, so this lookup is not blocked.");
  }
  back(c, [...path, exo], rule, undefined, "the free/busy information");
  t.outcome = "proxy";
  t.note("info", rule, `Authentication of this cross-premises call: ${FAMILY[auth.family]}.`);
  t.note(
    "assumption",
    "HY-40",
    "Not confirmed by Microsoft's documentation: that the IntraOrganizationConnector (OAuth) is tried before " +
      "the organization relationship (DAuth) comes from Microsoft's support tooling, not a product " +
      "document.",
  );
  t.note("assumption", "HY-40", "That the front end hands the request to the requester's Mailbox server is an inference (I).");
  t.note(
    "info",
    "HY-6",
    "Not confirmed by Microsoft's documentation: with the May 2026 hotfix and Graph permissions the call may go " +
      "to Microsoft Graph instead of EWS; not verified, so EWS is drawn.",
  );
}

/**
 * The EWS URL Exchange Online's Autodiscover call returns for the target: the EWS ExternalUrl of the
 * target mailbox's site when that site publishes one to the Internet, else the hybrid servers' (HY-44).
 */
function targetEws(c: HCtx, mbx: Server): { d: Door; regional: boolean } | undefined {
  const site = (c.m.bySite.get(mbx.site) ?? []).filter((s) => isClientAccess(s) && isModern(s.version));
  for (const s of [mbx, ...site.filter((x) => x !== mbx).sort((a, b) => (a.name < b.name ? -1 : 1))]) {
    const h = hostOf(s.urls?.ews?.external);
    const d = h ? door(c.m, h, "internet") : undefined;
    if (d) return { d, regional: d.host !== publishedHost(c.m, "ews") };
  }
  const h = publishedHost(c.m, "ews");
  const d = h ? door(c.m, h, "internet") : undefined;
  return d ? { d, regional: false } : undefined;
}

/** F-6 / F-7 (HY-42, HY-43): a cloud user's client asks for an on-premises user's free/busy. */
export function freeBusyFromCloud(c: HCtx, target: User, targetMbx: Server, modern: boolean): void {
  const t = c.t;
  const exo = t.cloud("exo");
  const auth = authFromCloud(c.h);
  const rule = modern ? "HY-43" : "HY-42";
  t.hop(
    "client",
    exo,
    "connect",
    rule,
    `The cloud user's Outlook asks Exchange Online (${EXO_HOSTS.exo}) for ${target.name}'s free/busy.`,
    {
      url: `https://${EXO_HOSTS.exo}/EWS/Exchange.asmx`,
    },
  );
  t.hop(
    exo,
    t.cloud("exo-directory"),
    "lookup",
    "HY-42",
    `Exchange Online finds ${target.name} as a mail user in ${c.m.topology.domain ?? "the on-premises domain"}; ${auth.why} ` +
      `(authentication: ${FAMILY[auth.family]}).`,
    { unnumbered: true, guard: ["HX-29"] },
  );
  if (t.failed) return;
  t.note("info", rule, `Authentication of this cross-premises call: ${FAMILY[auth.family]}.`);
  if (auth.mirrored)
    t.note(
      "assumption",
      rule,
      "The input describes only the on-premises connector or relationship; the Exchange Online side is taken to mirror it (the " +
        "Hybrid Configuration Wizard creates both).",
    );
  if (auth.family === "oauth")
    t.hop(
      exo,
      t.cloud("entra"),
      "token",
      rule,
      `Exchange Online gets an OAuth token for the on-premises organisation from ${EXO_HOSTS.entra}.`,
      {
        url: `https://${EXO_HOSTS.entra}/`,
      },
    );
  else
    t.hop(
      exo,
      t.cloud("fedgw"),
      "token",
      rule,
      "Exchange Online gets a delegation token for the on-premises organisation from the Microsoft Federation Gateway.",
      {
        url: `https://${EXO_HOSTS.entra}/extSTS.srf`,
      },
    );
  if (modern) {
    freeBusyViaAgent(c, exo, targetMbx);
    return;
  }
  const disc = discoveryFromCloud(c.m.topology.domain, c.h);
  const ews = auth.family === "oauth" ? "/EWS/Exchange.asmx" : "/EWS/Exchange.asmx/WSSecurity";
  let dEws: Door | undefined;
  if (disc.sharing) {
    t.note("info", "HY-42", `The Exchange Online organization relationship has TargetSharingEpr ${disc.sharing}: Autodiscover is skipped.`);
    const sh = hostOf(disc.sharing);
    dEws = sh ? door(c.m, sh, "internet") : undefined;
  } else {
    const dAd = disc.host ? door(c.m, disc.host, "internet") : undefined;
    if (!dAd) {
      t.breakHere(
        exo,
        t.ad(),
        "autodiscover",
        "HY-42",
        `Exchange Online cannot reach ${disc.host ?? "on-premises Autodiscover"} from the Internet.`,
        {
          code: "HX-09",
          severity: "error",
          message:
            `${disc.path.join(".")}: ${disc.host ?? "autodiscover.<domain>"} must be an on-premises name published to the ` +
            `Internet for free/busy from the cloud (HY-42)`,
          path: disc.path,
          breaks: ["F-6"],
        },
      );
      return;
    }
    const at = ["topology", "namespaces", dAd.nsIndex ?? -1];
    const p = enter(c, exo, dAd, {
      url: disc.url ?? `https://${dAd.host}/autodiscover/autodiscover.svc`,
      rule: "HY-42",
      what:
        `Exchange Online sends an Autodiscover request ` +
        `(${auth.family === "oauth" ? "the connector's DiscoveryEndpoint" : "TargetAutodiscoverEpr"}) to`,
      kind: "autodiscover",
      guard: [
        { code: "HX-09", at },
        { code: "HX-10", at },
      ],
    });
    if (t.failed) return;
    const fe = p[p.length - 1] as string;
    const found = targetEws(c, targetMbx);
    dEws = found?.d;
    t.hop(
      fe,
      exo,
      "respond",
      "HY-42",
      `${fe} answers with the EWS ExternalUrl of ${target.name}'s mailbox${dEws ? ` (https://${dEws.host}/EWS/Exchange.asmx)` : ""}.`,
      {
        guard: ["HX-08"],
      },
    );
    if (found?.regional)
      t.note(
        "info",
        "HY-44",
        `${targetMbx.site} publishes its own EWS name (${found.d.host}): Exchange Online calls it directly, so that name needs ` +
          `publishing to Exchange Online, a public certificate${auth.family === "dauth" ? " and the federation certificate" : ""}.`,
      );
  }
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
    url: disc.sharing ?? `https://${dEws.host}${ews}`,
    rule: "HY-42",
    what: `Exchange Online calls EWS with the ${auth.family === "oauth" ? "Bearer" : "WS-Security"} token at`,
    kind: "proxy",
    lbNumbered: true,
    guard: [{ code: "HX-09", at }, { code: "HX-10", at }, "HX-08"],
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
}

/** F-7 (HY-43): Exchange Online -> App Proxy -> Hybrid Agent (agent-initiated tunnel) -> the registered Client Access server. */
function freeBusyViaAgent(c: HCtx, exo: string, targetMbx: Server): void {
  const t = c.t;
  const proxy = t.cloud("app-proxy");
  const agentUrl = c.h.hybridAgent?.url ?? "<guid>.resource.mailboxmigration.his.msappproxy.net";
  t.hop(exo, proxy, "proxy", "HY-43", `Exchange Online calls EWS at the Hybrid Agent's App Proxy name (TargetSharingEpr).`, {
    url: `https://${agentUrl}/EWS/Exchange.asmx`,
  });
  const path = agentLeg(c, proxy, targetMbx, "/EWS/Exchange.asmx");
  if (!path) return;
  back(c, ["client", exo, ...path], "HY-43", targetMbx, "the free/busy information");
  t.outcome = "proxy";
}
