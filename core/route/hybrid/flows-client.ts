/**
 * Client flows across the hybrid boundary (docs/hybrid.md): a cloud user's OWA
 * (F-1), Outlook Autodiscover (F-2), ActiveSync 451 (F-3) and other protocols. Outlook with HMA
 * for an on-premises mailbox (F-4, F-11) is in flows-outlook.ts. Hop lists follow the reference's;
 * where it stops at the client's connection, the flow adds the answer (P2).
 */
import { enter, type HCtx } from "./context.ts";
import { EXO_HOSTS } from "./endpoints.ts";
import { anyMailbox, clientHost, door } from "../../model/places.ts";
import type { Diagnostic } from "../../types.ts";

const routingDomain = (c: HCtx): string =>
  c.h.routingDomain ?? c.h.tenant?.replace(/\.onmicrosoft\.com$/i, ".mail.onmicrosoft.com") ?? "<tenant>.mail.onmicrosoft.com";
const routingTarget = (c: HCtx): string => c.user.targetAddress ?? `${c.user.name}@${routingDomain(c)}`;

/** HX-01 for a flow whose topology-wide check did not apply (e.g. a cloud user in a topology the check skipped). */
const noTarget = (): Diagnostic => ({
  code: "HX-01",
  severity: "error",
  message:
    "topology.hybrid.orgRelationship.onPrem.targetOwaUrl: no TargetOwaURL, so on-premises cannot send moved users to Exchange Online",
  path: ["topology", "hybrid", "orgRelationship", "onPrem", "targetOwaUrl"],
  breaks: ["F-1", "F-3"],
});

/** The on-premises door a client uses for `protocol`; false (with a failing hop) when there is none. */
export function onPremDoor(c: HCtx, host: string | undefined, protocol = c.protocol) {
  const h = host ?? clientHost(c.m, protocol, c.client);
  const d = h ? door(c.m, h, c.client) : undefined;
  if (!d) {
    c.t.breakHere(
      "client",
      c.t.ad(),
      "connect",
      "HY-1",
      `The ${c.client} client finds no on-premises name for ${protocol}${
        h ? ` (${h} does not reach a Client Access server from ${c.client === "internal" ? "inside" : "the Internet"})` : ""
      }.`,
      {
        code: "RT-HOST",
        severity: "error",
        message: `scenario.host: no ${c.client} on-premises name for ${protocol}; name one with scenario.host or publish it`,
        path: ["scenario", "host"],
        breaks: [`${protocol}:${c.client}`],
      },
    );
    return undefined;
  }
  return d;
}

/** F-1 (HY-10): OWA for a cloud user: on-premises finds a RemoteMailbox and sends the browser to TargetOwaURL. */
export function owaCloudUser(c: HCtx, host: string | undefined): void {
  const t = c.t;
  const d = onPremDoor(c, host);
  if (!d) return;
  const url = `https://${d.host}/owa`;
  const path = enter(c, "client", d, { url, rule: "HY-10", what: "The browser connects to", lbNumbered: true });
  const fe = path[path.length - 1] as string;
  if (t.failed) return;
  t.hop(
    fe,
    t.ad(),
    "lookup",
    "HY-10",
    [
      `${fe} signs the user in (forms) and looks the user up in Active Directory: a RemoteMailbox whose`,
      `targetAddress is ${routingTarget(c)}, so the mailbox is in Exchange Online.`,
    ].join(" "),
    { unnumbered: true },
  );
  const target = c.h.orgRelationship?.onPrem?.targetOwaUrl;
  if (!target) {
    // No organization relationship (minimal hybrid) or no TargetOwaURL: nothing to hand the user on to (KB 2952804).
    t.hop(
      fe,
      "client",
      "respond",
      "HY-10",
      `${fe} has no TargetOwaURL to send the user to and shows "The Outlook Web App address ... is out of date".`,
      {
        guard: ["HX-01"],
      },
    );
    if (!t.failed)
      t.breakHere(fe, "client", "respond", "HY-10", "The user cannot reach the cloud mailbox from on-premises OWA.", noTarget());
    return;
  }
  t.outcome = "redirect";
  t.hop(
    fe,
    "client",
    "redirect",
    "HY-10",
    [
      `${fe} answers with a page that links to the organization relationship's TargetOwaURL, ${target}:`,
      "the user follows it (not a silent redirect).",
    ].join(" "),
    { url: target, guard: ["HX-01"] },
  );
  const exo = t.cloud("exo-owa");
  t.hop("client", exo, "connect", "HY-10", `The browser opens ${EXO_HOSTS.owa}, which sends it to Microsoft Entra ID to sign in.`, {
    url: `https://${EXO_HOSTS.owa}/mail`,
  });
  const fed = c.h.identityFederation;
  t.hop(
    "client",
    t.cloud("entra"),
    "token",
    "HY-13",
    [
      `The browser signs in at ${EXO_HOSTS.entra}${fed ? " (sent on to the organisation's AD FS)" : ""}`,
      "and gets a token:",
      `${fed && c.client === "internal" ? "with identity federation from inside, a single prompt" : "a second sign-in prompt"}.`,
    ].join(" "),
    { url: `https://${EXO_HOSTS.entra}/` },
  );
  t.hop("client", exo, "connect", "HY-10", `The browser returns to ${EXO_HOSTS.owa} with the token.`, {
    url: `https://${EXO_HOSTS.owa}/mail`,
  });
  t.hop(exo, "client", "respond", "HY-10", `Exchange Online serves Outlook on the web from the user's cloud mailbox.`);
  t.note(
    "assumption",
    "HY-10",
    "Not confirmed by Microsoft's documentation: whether on-premises shows a link page or redirects " +
      "automatically, and the page's exact text, are not confirmed; the flow draws the documented link " +
      "to TargetOwaURL.",
  );
}

/** F-2 (HY-20, HY-21): Outlook Autodiscover for a cloud user, with or without Direct Connect. */
export function autodiscoverCloudUser(c: HCtx, host: string | undefined, directConnect: boolean): void {
  const t = c.t;
  const target = routingTarget(c);
  if (!directConnect) {
    const d = onPremDoor(c, host);
    if (!d) return;
    const url = `https://${d.host}/Autodiscover/Autodiscover.xml`;
    const path = enter(c, "client", d, {
      url,
      rule: "HY-21",
      what: "Outlook sends an Autodiscover request to",
      kind: "autodiscover",
      lbNumbered: true,
      purpose: "whose front end proxies it on",
    });
    if (t.failed) return;
    const fe = path[path.length - 1] as string;
    const mbx = anyMailbox(c.m, d.fe);
    if (mbx !== d.fe)
      t.hop(
        fe,
        t.server(mbx),
        "proxy",
        "HY-21",
        [
          `${fe} proxies the Autodiscover request to the Mailbox server ${mbx.name}, which builds the`,
          "answer (which Mailbox server Exchange picks is not documented; the engine draws one in the front",
          "end's site).",
        ].join(" "),
      );
    t.hop(mbx.name, t.ad(), "lookup", "HY-21", `${mbx.name} finds a mail user (RemoteMailbox) with targetAddress ${target}.`, {
      unnumbered: true,
    });
    t.outcome = "redirect";
    t.hop(
      mbx.name,
      "client",
      "redirect",
      "HY-21",
      `${mbx.name} answers with a redirectAddr of ${target}: Outlook starts Autodiscover again for that address.`,
    );
    t.note(
      "assumption",
      "HY-21",
      "Not confirmed by Microsoft's documentation: the DNS chain after redirectAddr " +
        "(autodiscover.<tenant>.mail.onmicrosoft.com to Exchange Online) is recalled, not read; the flow " +
        "draws Exchange Online's Autodiscover service.",
    );
    if (c.client === "internal")
      t.note(
        "info",
        "HY-23",
        "A domain-joined Outlook reads the SCP first; with most users in the cloud, ExcludeScpLookup " +
          "avoids the on-premises detour (KB 3137323).",
      );
  } else {
    t.outcome = "direct";
    t.note(
      "info",
      "HY-20",
      "Click-to-Run Outlook (16.0.6741.2017 or later) asks Microsoft 365 first (Direct Connect) and " +
        "never touches on-premises Autodiscover for a cloud mailbox; ExcludeExplicitO365Endpoint=1 turns " +
        "that off. Source is third-party (V(3p)).",
    );
    t.note(
      "assumption",
      "HY-20",
      "Not confirmed by Microsoft's documentation: the Direct Connect endpoint URL is not confirmed; the flow " +
        "draws Exchange Online's Autodiscover service.",
    );
  }
  const ad = t.cloud("exo-autodiscover");
  t.hop(
    "client",
    ad,
    "autodiscover",
    directConnect ? "HY-20" : "HY-21",
    `Outlook sends an Autodiscover request for ${target} to Exchange Online.`,
    { url: `https://${EXO_HOSTS.autodiscover}/autodiscover/autodiscover.xml` },
  );
  t.hop(ad, "client", "respond", "HY-24", `Exchange Online answers with the cloud mailbox's settings: MAPI over HTTP at ${EXO_HOSTS.exo}.`);
  t.hop("client", t.cloud("entra"), "token", "HY-24", `Outlook gets an access token from ${EXO_HOSTS.entra}.`, {
    url: `https://${EXO_HOSTS.entra}/`,
  });
  const exo = t.cloud("exo");
  t.hop("client", exo, "connect", "HY-24", `Outlook connects to ${EXO_HOSTS.exo} over MAPI over HTTP with the token.`, {
    url: `https://${EXO_HOSTS.exo}/mapi/`,
  });
  t.hop(exo, "client", "respond", "HY-24", "Exchange Online serves the mailbox.");
  t.note(
    "assumption",
    "HY-24",
    "Probable, from sources that could not be re-read (R): after Autodiscover Outlook connects over " +
      "MAPI over HTTP to outlook.office365.com with a token from login.microsoftonline.com.",
  );
}

/** F-3 (HY-30, HY-31): ActiveSync after the move: HTTP 451 to Exchange Online, or a device that cannot follow it. */
export function activesyncCloudUser(c: HCtx, host: string | undefined, follows451: boolean): void {
  const t = c.t;
  const d = onPremDoor(c, host);
  if (!d) return;
  const url = `https://${d.host}/Microsoft-Server-ActiveSync`;
  const path = enter(c, "client", d, { url, rule: "HY-30", what: "The device connects to", lbNumbered: true });
  if (t.failed) return;
  const fe = path[path.length - 1] as string;
  t.hop(fe, t.ad(), "lookup", "HY-30", `${fe} finds a RemoteMailbox and the organization relationship's TargetOwaURL.`, {
    unnumbered: true,
  });
  const eas = `https://${EXO_HOSTS.exo}/Microsoft-Server-ActiveSync`;
  if (!c.h.orgRelationship?.onPrem?.targetOwaUrl) {
    // The 451 is built from the organization relationship's TargetOwaURL (HY-30): without it the device gets no redirect.
    t.hop(
      fe,
      "client",
      "respond",
      "HY-30",
      `${fe} has no TargetOwaURL to build an HTTP 451 from, so the device gets no redirect and stops syncing.`,
      {
        guard: ["HX-01"],
      },
    );
    if (!t.failed) t.breakHere(fe, "client", "respond", "HY-30", "The device is not redirected to Exchange Online.", noTarget());
    return;
  }
  if (!follows451) {
    t.hop(fe, "client", "redirect", "HY-30", `${fe} answers HTTP 451 with X-MS-Location ${eas}.`, { url: eas, guard: ["HX-01"] });
    if (t.failed) return;
    const last = t.hops[t.hops.length - 1];
    if (last) {
      last.fails = true;
      last.text +=
        " The device cannot follow the 451 (no redirect support, or its device type is not in MobileSyncRedirectBypassClientPrefixes):" +
        " mail stops until the account is recreated.";
    }
    t.failed = true;
    t.outcome = "fail";
    t.diagnostics.push({
      code: "HX-22",
      severity: "error",
      message:
        "scenario.app: an ActiveSync client that cannot follow HTTP 451 stops syncing after its mailbox " +
        "moves to Exchange Online (KB 3035227); recreate the account on the device, or add its " +
        "device-type prefix to MobileSyncRedirectBypassClientPrefixes",
      path: ["scenario", "app"],
      breaks: ["F-3"],
    });
    return;
  }
  t.outcome = "redirect";
  t.hop(fe, "client", "redirect", "HY-30", `${fe} answers HTTP 451 with X-MS-Location ${eas}: the mailbox has moved.`, {
    url: eas,
    guard: ["HX-01"],
  });
  const exo = t.cloud("exo");
  t.hop("client", exo, "connect", "HY-30", `The device re-points its account to ${EXO_HOSTS.exo} and syncs there from now on.`, {
    url: eas,
  });
  t.hop(exo, "client", "respond", "HY-30", "Exchange Online answers the sync.");
  t.note(
    "assumption",
    "HY-30",
    "Not confirmed by Microsoft's documentation: the exact X-MS-Location value (built from TargetOwaURL or a " +
      "fixed Exchange Online URL) is recalled (R); the flow draws " +
      "https://outlook.office365.com/Microsoft-Server-ActiveSync.",
  );
}

/** Other protocols of a cloud user: the client already has Exchange Online's settings (HY-24). */
export function cloudDirect(c: HCtx): void {
  const t = c.t;
  const exo = t.cloud("exo");
  const path: Record<string, string> = { "mapi-http": "/mapi/", ews: "/EWS/Exchange.asmx", oab: "/OAB/" };
  const url = `https://${EXO_HOSTS.exo}${path[c.protocol] ?? ""}`;
  t.outcome = "direct";
  t.hop("client", t.cloud("entra"), "token", "HY-24", `The client gets an access token from ${EXO_HOSTS.entra}.`, {
    url: `https://${EXO_HOSTS.entra}/`,
  });
  t.hop(
    "client",
    exo,
    "connect",
    "HY-24",
    `The mailbox is in Exchange Online: the client connects to ${EXO_HOSTS.exo}, as Autodiscover told it; nothing on-premises is involved.`,
    { url },
  );
  t.hop(exo, "client", "respond", "HY-24", "Exchange Online serves the mailbox.");
  t.note(
    "assumption",
    "HY-24",
    "Probable, from sources that could not be re-read (R): a cloud mailbox's clients connect to " +
      "outlook.office365.com with a token from login.microsoftonline.com.",
  );
}
