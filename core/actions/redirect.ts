/**
 * Actions where the client is sent elsewhere: HTTP/OWA redirects (silent or not), the EAS 451,
 * the Autodiscover 302, and the Autodiscover referral that 2007 EWS and OAB rely on.
 */
import { capitalise } from "../describe.ts";
import { redirectUrl, siteTarget, type Ctx } from "../conditions.ts";
import { hostOf } from "../model.ts";
import { internalUrlFor, mailbox2013, resolveHost, urlFor } from "../resolve.ts";
import type { Rule } from "../rules.ts";
import { add, breakAt, connect, phrase, type Trail } from "../trail.ts";
import type { Server } from "../types.ts";
import { serveAfterConnect } from "./proxy.ts";

const hasForms = (s: Server | undefined, c: Ctx) => !!s?.auth?.[c.protocol]?.includes("forms");

interface Target {
  url: string;
  server: Server;
  how: string;
  silent: boolean;
}

function target(c: Ctx, rule: Rule): Target | undefined {
  if (c.protocol === "owa" || c.protocol === "ecp") {
    const r = redirectUrl(c);
    if (!r) return undefined;
    // 2007 has no silent cross-site redirect; 2010+ is silent when both ends use forms-based auth (S25).
    const silent = c.mbx.version >= 2010 && hasForms(c.fe, c) && hasForms(r.server, c);
    return { ...r, how: silent ? "a silent redirect (forms-based sign-in replayed)" : "a redirect; the user signs in again there", silent };
  }
  const cas = siteTarget(c);
  if (!cas) return undefined;
  if (c.protocol === "activesync" && cas.urls?.activesync?.external)
    return { url: cas.urls.activesync.external, server: cas, how: "HTTP 451 with X-MS-Location", silent: false };
  if (c.protocol === "autodiscover" && rule.id === "AD-7")
    return { url: urlFor(c.m, cas, "autodiscover", c.client) ?? internalUrlFor(cas, "autodiscover"), server: cas, how: "HTTP 302", silent: false };
  return undefined;
}

export function redirect(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  const to = target(c, rule);
  if (!to) return;
  add(t, fe, "client", "redirect", rule.id, `${capitalise(phrase(t, fe))} sends ${phrase(t, "client")} to ${to.url} (${to.how}).`, to.url);
  const landing = resolveHost(c.m, hostOf(to.url) ?? "", c.client);
  const at = landing.ok ? landing.server : to.server;
  connect(t, at, to.url, rule.id, c.protocol === "autodiscover");
  if (c.protocol === "autodiscover") add(t, at, "client", "respond", rule.id, `${capitalise(phrase(t, at))} returns the Autodiscover answer to ${phrase(t, "client")}.`);
  else serveAfterConnect(t, c, at, rule.id);
  t.outcome = to.silent ? "silent-redirect" : "redirect";
  if (!to.silent && c.mbx.version >= 2010 && (c.protocol === "owa" || c.protocol === "ecp"))
    t.diagnostics.push({
      code: "DX-14",
      severity: "warning",
      message: `Cross-site ${c.protocol.toUpperCase()} redirect from ${fe.name} to ${to.server.name} without forms-based authentication on both: users get a link page and sign in twice instead of a silent redirect.`,
      path: ["topology", "servers", c.m.serverIndex.get(to.server.name) ?? 0, "auth", c.protocol],
      breaks: [`${c.protocol}:${c.client}`],
    });
}

/**
 * AD-3: Autodiscover for a 2007 mailbox. o365info (S1): CAS 2013 answers itself; microsoft (S5 as
 * corrected): CAS 2013 proxies to an Exchange 2013 Mailbox server, which builds the answer.
 * `carries` names what the answer hands out.
 */
export function autodiscover2007(t: Trail, c: Ctx, carries: string): void {
  const fe = c.fe!;
  const answer = `the Autodiscover answer with the Exchange 2007 settings${carries}`;
  const mb13 = c.profile === "microsoft" ? mailbox2013(c.m, fe.site) : undefined;
  if (mb13) {
    add(t, fe, mb13, "proxy", "AD-3", `${capitalise(phrase(t, fe))} proxies the Autodiscover request to ${phrase(t, mb13)}, which builds the answer.`);
    add(t, mb13, fe, "respond", "AD-3", `${capitalise(phrase(t, mb13))} passes ${answer} back to ${phrase(t, fe)}.`);
  }
  add(t, fe, "client", "respond", "AD-3", `${capitalise(phrase(t, fe))} returns ${answer} to ${phrase(t, "client")}, which keeps it for later use.`);
  t.notes.push({ kind: "deviation", rule: "AD-3", text: c.profile === "microsoft" ? "o365info profile: CAS 2013 answers the Autodiscover request itself, with no Exchange 2013 Mailbox hop (the article's EWS scenario 1)." : "microsoft profile: CAS 2013 proxies the Autodiscover request to an Exchange 2013 Mailbox server, which builds the answer (S5 as corrected by Microsoft)." });
  t.outcome = "direct";
}

/** EWS-4 / OAB-2: Autodiscover hands out the 2007 URL on the legacy name; the client then calls CAS 2007 directly. */
export function referral(t: Trail, c: Ctx, rule: Rule): void {
  const cas = siteTarget(c);
  const url = cas ? urlFor(c.m, cas, c.protocol, c.client) : undefined;
  autodiscover2007(t, c, url ? `: ${c.protocol.toUpperCase()} at ${url}` : "");
  t.outcome = "autodiscover-referral";
  const code = "DX-02";
  const breaks = [`${c.protocol}:${c.client}`];
  if (!cas || !url) {
    const why = `The Autodiscover answer carries no ${c.client} ${c.protocol.toUpperCase()} URL for site ${c.mbx.site}: no CAS 2007 there publishes one, so ${c.protocol.toUpperCase()} fails for this user.`;
    const path = cas ? ["topology", "servers", c.m.serverIndex.get(cas.name) ?? 0, "urls", c.protocol] : ["topology", "servers", c.m.serverIndex.get(c.mbx.name) ?? 0, "site"];
    return breakAt(t, "client", cas ?? c.mbx, rule.id, why, { code: cas ? code : "DX-01", severity: "error", message: why, path, breaks });
  }
  const landing = resolveHost(c.m, hostOf(url) ?? "", c.client);
  if (!landing.ok) {
    const why = `${capitalise(phrase(t, "client"))} cannot reach ${url}: ${landing.why}.`;
    return breakAt(t, "client", cas, rule.id, why, { code, severity: "error", message: why, path: landing.path, breaks }, url);
  }
  connect(t, landing.server, url, rule.id);
  // The article's EWS scenario 1 ends at this call; the microsoft profile draws where it goes (5.5, row 4).
  if (c.profile === "o365info" && c.protocol === "ews") {
    t.notes.push({ kind: "deviation", rule: rule.id, text: "microsoft profile: the flow continues past the client's call to CAS 2007: CAS 2007 talks RPC to the 2007 Mailbox server and answers the client." });
    return;
  }
  serveAfterConnect(t, c, landing.server, rule.id, c.protocol === "oab");
}

