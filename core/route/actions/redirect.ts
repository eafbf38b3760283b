/**
 * Actions where the client is sent elsewhere: HTTP/OWA redirects (silent or not), the EAS 451,
 * the Autodiscover 302, and the Autodiscover referral that 2007 EWS and OAB rely on.
 */
import { capitalise } from "../../model/describe.ts";
import { redirectUrl, siteTarget, type Ctx } from "../conditions.ts";
import { hostOf, isClientAccess, isModern } from "../../model/index.ts";
import { internalUrlFor, legacyCas, resolveHost, urlFor } from "../../model/resolve.ts";
import type { Rule } from "../rules.ts";
import { add, breakAt, connect, phrase, type Trail } from "../trail.ts";
import type { Server } from "../../types.ts";
import { serveAfterConnect } from "./proxy.ts";
import { rank } from "../../versions.ts";

// Unset auth is Exchange's default for OWA/ECP: forms-based (as DX-14's check reads it too).
const hasForms = (s: Server | undefined, c: Ctx) => !!s && (!s.auth?.[c.protocol] || s.auth[c.protocol]!.includes("forms"));

interface Target {
  url: string;
  server: Server;
  how: string;
  silent: boolean;
}

/** A newer client-access server whose ActiveSync URL a legacy CAS hands a newer mailbox's device (X-LEG-3). */
function newerEas(c: Ctx): { url: string; server: Server } | undefined {
  const fits = c.m.ordered
    .filter((s) => s.version >= c.mbx.version && isClientAccess(s))
    .sort(
      (a, b) =>
        Number(b.site === c.mbx.site) - Number(a.site === c.mbx.site) || rank(b.version) - rank(a.version) || (a.name < b.name ? -1 : 1),
    );
  for (const s of fits) {
    const url = urlFor(c.m, s, "activesync", c.client);
    if (url && resolveHost(c.m, hostOf(url) ?? "", c.client).ok) return { url, server: s };
  }
  return undefined;
}

function target(c: Ctx): Target | undefined {
  const fe = c.fe!;
  if (c.protocol === "owa" || c.protocol === "ecp") {
    const r = redirectUrl(c);
    if (!r) return undefined;
    // 2007 has no silent cross-site redirect; 2010+ is silent when both ends use forms-based auth (S25),
    // and a redirecting Exchange 2010 CAS only when its OWA CrossSiteRedirectType is Silent (default Manual).
    const manual2010 = fe.version === 2010 && fe.crossSiteRedirectType !== "Silent";
    const silent =
      rank(c.mbx.version) >= 2010 &&
      (isModern(fe.version) || fe.version === 2010) &&
      !manual2010 &&
      hasForms(fe, c) &&
      hasForms(r.server, c);
    return {
      ...r,
      how: silent
        ? "a silent redirect (forms-based sign-in replayed)"
        : manual2010
          ? "a page with a link (CrossSiteRedirectType Manual); the user signs in again there"
          : "a redirect; the user signs in again there",
      silent,
    };
  }
  if (c.protocol === "activesync" && rank(c.mbx.version) > rank(fe.version)) {
    const r = newerEas(c);
    return r && { ...r, how: "HTTP 451 with X-MS-Location", silent: false };
  }
  const cas = siteTarget(c);
  if (!cas) return undefined;
  if (c.protocol === "activesync" && cas.urls?.activesync?.external)
    return { url: cas.urls.activesync.external, server: cas, how: "HTTP 451 with X-MS-Location", silent: false };
  if (c.protocol === "autodiscover")
    return {
      url: urlFor(c.m, cas, "autodiscover", c.client) ?? internalUrlFor(cas, "autodiscover"),
      server: cas,
      how: "HTTP 302",
      silent: false,
    };
  return undefined;
}

export function redirect(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  const to = target(c);
  const path = ["topology", "servers", c.m.serverIndex.get(c.mbx.name) ?? 0, "site"];
  if (!to) {
    // P2: a redirect that finds no target is a failure at the front end, never a silent stop.
    const why = [
      `${capitalise(phrase(t, fe))} has no ${c.protocol} URL to send ${phrase(t, "client")} to for a`,
      `mailbox on Exchange ${c.mbx.version} in site ${c.mbx.site}, so the request fails.`,
    ].join(" ");
    breakAt(t, fe, "client", rule.id, why, {
      code: "RT-TARGET",
      severity: "error",
      message: why,
      path,
      breaks: [`${c.protocol}:${c.client}`],
    });
    t.hops[t.hops.length - 1]!.kind = "respond";
    return;
  }
  add(t, fe, "client", "redirect", rule.id, `${capitalise(phrase(t, fe))} sends ${phrase(t, "client")} to ${to.url} (${to.how}).`, to.url);
  const landing = resolveHost(c.m, hostOf(to.url) ?? "", c.client);
  if (!landing.ok) {
    // P4: the client reaches a name only if it could; no guessing which server the URL meant.
    const why = unreachable(t, to.url, landing);
    const side = c.client === "internal" && to.server.urls?.[c.protocol]?.internal === to.url ? "internal" : "external";
    const path =
      landing.path[0] === "scenario"
        ? ["topology", "servers", c.m.serverIndex.get(to.server.name) ?? 0, "urls", c.protocol, side]
        : landing.path;
    breakAt(
      t,
      "client",
      to.server,
      rule.id,
      why,
      { code: "RT-TARGET", severity: "error", message: why, path, breaks: [`${c.protocol}:${c.client}`] },
      to.url,
    );
    return;
  }
  const at = landing.server;
  connect(t, at, to.url, rule.id, c.protocol === "autodiscover");
  if (c.protocol === "autodiscover")
    add(t, at, "client", "respond", rule.id, `${capitalise(phrase(t, at))} returns the Autodiscover answer to ${phrase(t, "client")}.`);
  else serveAfterConnect(t, c, at, rule.id);
  t.outcome = t.outcome === "fail" ? "fail" : to.silent ? "silent-redirect" : "redirect";
  if (!to.silent && rank(c.mbx.version) >= 2010 && (c.protocol === "owa" || c.protocol === "ecp"))
    t.diagnostics.push({
      code: "DX-14",
      severity: "warning",
      message:
        fe.version === 2010 && fe.crossSiteRedirectType !== "Silent"
          ? [
              `Cross-site ${c.protocol.toUpperCase()} redirect from ${fe.name} to ${to.server.name}: the OWA`,
              `virtual directory of ${fe.name} has CrossSiteRedirectType Manual (the default), so users get a`,
              "link page and sign in twice. Set it to Silent (with forms-based authentication at both ends) for",
              "a silent redirect.",
            ].join(" ")
          : [
              `Cross-site ${c.protocol.toUpperCase()} redirect from ${fe.name} to ${to.server.name} without`,
              "forms-based authentication on both: users get a link page and sign in twice instead of a silent",
              "redirect.",
            ].join(" "),
      path:
        fe.version === 2010 && fe.crossSiteRedirectType !== "Silent"
          ? ["topology", "servers", c.m.serverIndex.get(fe.name) ?? 0, "crossSiteRedirectType"]
          : ["topology", "servers", c.m.serverIndex.get(to.server.name) ?? 0, "auth", c.protocol],
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
  // microsoft: Autodiscover for a 2007 mailbox is "proxied over to the earlier version", a CAS 2007
  // (in the mailbox's site when there is one), which builds the answer.
  const cas07 =
    c.profile === "microsoft"
      ? (legacyCas(c.m, c.mbx.site, 2007) ?? c.m.ordered.find((s) => s.version === 2007 && s.roles.includes("cas")))
      : undefined;
  if (cas07) {
    add(
      t,
      fe,
      cas07,
      "proxy",
      "AD-3",
      `${capitalise(phrase(t, fe))} proxies the Autodiscover request to ${phrase(t, cas07)}, which builds the answer.`,
    );
    add(t, cas07, fe, "respond", "AD-3", `${capitalise(phrase(t, cas07))} passes ${answer} back to ${phrase(t, fe)}.`);
  }
  add(
    t,
    fe,
    "client",
    "respond",
    "AD-3",
    `${capitalise(phrase(t, fe))} returns ${answer} to ${phrase(t, "client")}, which keeps it for later use.`,
  );
  t.notes.push({
    kind: "deviation",
    rule: "AD-3",
    text:
      c.profile === "microsoft"
        ? "o365info profile: CAS 2013 answers the Autodiscover request itself, with no hop to CAS 2007 " + "(the article's EWS scenario 1)."
        : "microsoft profile: CAS 2013 proxies the Autodiscover request to a CAS 2007, which builds the " +
          "answer (Microsoft's coexistence guidance: Autodiscover is proxied to the earlier version).",
  });
  t.outcome = "direct";
}

/** EWS-4 / OAB-2: Autodiscover hands out the 2007 URL on the legacy name; the client then calls CAS 2007 directly. */
export function referral(t: Trail, c: Ctx, rule: Rule): void {
  const cas = siteTarget(c);
  const url = cas ? urlFor(c.m, cas, c.protocol, c.client) : undefined;
  autodiscover2007(t, c, url ? `: ${c.protocol.toUpperCase()} at ${url}` : "");
  const answer = t.hops[t.hops.length - 1];
  if (answer?.to === "client" && answer.kind === "respond") answer.referral = true;
  t.outcome = "autodiscover-referral";
  const code = "DX-02";
  const breaks = [`${c.protocol}:${c.client}`];
  if (!cas || !url) {
    const why = [
      `The Autodiscover answer carries no ${c.client} ${c.protocol.toUpperCase()} URL for site`,
      `${c.mbx.site}: no CAS 2007 there publishes one, so ${c.protocol.toUpperCase()} fails for this`,
      "user.",
    ].join(" ");
    const path = cas
      ? ["topology", "servers", c.m.serverIndex.get(cas.name) ?? 0, "urls", c.protocol]
      : ["topology", "servers", c.m.serverIndex.get(c.mbx.name) ?? 0, "site"];
    breakAt(t, "client", cas ?? c.mbx, rule.id, why, { code: cas ? code : "DX-01", severity: "error", message: why, path, breaks });
    return;
  }
  const landing = resolveHost(c.m, hostOf(url) ?? "", c.client);
  if (!landing.ok) {
    const why = unreachable(t, url, landing);
    breakAt(t, "client", cas, rule.id, why, { code, severity: "error", message: why, path: landing.path, breaks }, url);
    return;
  }
  connect(t, landing.server, url, rule.id);
  // The article's EWS scenario 1 ends at this call; the microsoft profile draws where it goes (5.5, row 4).
  if (c.profile === "o365info" && c.protocol === "ews") {
    t.articleStop = true;
    t.notes.push({
      kind: "deviation",
      rule: rule.id,
      text:
        "microsoft profile: the flow continues past the client's call to CAS 2007: CAS 2007 talks RPC to " +
        "the 2007 Mailbox server and answers the client.",
    });
    return;
  }
  serveAfterConnect(t, c, landing.server, rule.id, c.protocol === "oab");
}

/** P4: a host exflow does not know is not proof that the client cannot reach it (DX-20 names the fix). */
function unreachable(t: Trail, url: string, landing: { why: string; unknown?: true }): string {
  return landing.unknown
    ? `exflow cannot place the host of ${url}: ${landing.why}, so it cannot tell which server ${phrase(t, "client")} reaches.`
    : `${capitalise(phrase(t, "client"))} cannot reach ${url}: ${landing.why}.`;
}
