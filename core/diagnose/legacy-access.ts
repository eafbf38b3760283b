/**
 * How clients reach legacy mailboxes at all: a CAS of the mailbox's version in its site (DX-01),
 * a published legacy name (DX-02) on a certificate (DX-03), a 2007 OWA ExternalUrl to redirect
 * to (DX-04), and the 2007 EAS ExternalUrl not naming the legacy name (DX-13).
 * In: Facts and the RequiredName list from names.ts. Out: diagnostics in input order.
 */
import type { RequiredName } from "./names.ts";
import { missingNames } from "./names.ts";
import type { Server } from "../types.ts";
import {
  dx,
  landing,
  landsOnModern,
  list,
  mailboxesOf,
  names,
  namespacePath,
  serverPath,
  servedMailboxes,
  sitePath,
  urlHost,
} from "./facts.ts";
import type { Facts, Path, ScopedDiagnostic } from "./facts.ts";
import { rank } from "../versions.ts";

// What a missing same-version CAS breaks, from the section 4 rows that proxy to "a CAS in the mailbox site".
const NEEDS_LOCAL_CAS: Record<2007 | 2010, string[]> = {
  // DX-01 row, plus OA-4 (2013 proxies OA to a CAS2007 /rpc in the mailbox site). RPC/TCP goes straight to the mailbox (OL-1).
  2007: ["outlook-anywhere", "owa", "activesync", "ews", "pop3", "imap4"],
  // AD-2, OL-2 (RPC Client Access runs on CAS2010), OA-1/2, OWA-4/6, ECP-2, EAS-2, EWS-2, OAB-1, PI-2.
  2010: ["autodiscover", "outlook-anywhere", "rpc-tcp", "owa", "ecp", "activesync", "ews", "oab", "pop3", "imap4"],
};

export function checkLocalCas(f: Facts): ScopedDiagnostic[] {
  const out: ScopedDiagnostic[] = [];
  const sites = [...f.model.bySite.keys(), ...new Set(f.mailboxServers.map((s) => s.site))].filter((s, i, a) => a.indexOf(s) === i);
  for (const site of sites) {
    for (const v of [2007, 2010] as const) {
      const mbx = mailboxesOf(f, v, site);
      if (mbx.length === 0 || f.legacyCas.some((c) => c.version === v && c.site === site)) continue;
      const path: Path = f.model.siteIndex.has(site) ? sitePath(f.model, site) : serverPath(f.model, mbx[0] as Server);
      const what =
        v === 2007
          ? "OWA, ActiveSync, EWS, POP3, IMAP4 and Outlook Anywhere"
          : "every client protocol (Autodiscover, Outlook, OWA, ECP, ActiveSync, EWS, OAB, POP3, IMAP4)";
      out.push(
        dx(
          "DX-01",
          "error",
          path,
          NEEDS_LOCAL_CAS[v],
          [
            `Site ${site} holds Exchange ${v} mailboxes (${list(names(mbx))}) but no Exchange ${v} Client`,
            `Access server: ${what} cannot reach those mailboxes. Add a CAS ${v} to ${site}.`,
          ].join(" "),
          { mailboxes: names(mbx) },
        ),
      );
    }
  }
  return out;
}

const LEGACY_WEB = ["owa", "ews", "oab"] as const;
const has2007Mailbox = (f: Facts) => f.mailboxServers.some((s) => s.version === 2007);

export function checkLegacyName(f: Facts, required: RequiredName[]): ScopedDiagnostic[] {
  if (!f.hasModern || !has2007Mailbox(f)) return [];
  const byHost = new Map(required.map((n) => [n.host, n]));
  // Group by host: one diagnostic per unreachable name, naming every 2007 CAS that hands it out.
  const hosts = new Map<string, { cas: Server[]; protocols: string[]; path: Path }>();
  for (const cas of f.legacyCas.filter((c) => c.version === 2007)) {
    for (const p of LEGACY_WEB) {
      const host = urlHost(cas.urls?.[p]?.external);
      if (!host || landsOnModern(f.model, host)) continue; // a 2013 name here is DX-04's business
      const gaps = byHost.get(host)?.gaps ?? [];
      if (!gaps.includes("undeclared") && !gaps.includes("not-external")) continue;
      const g = hosts.get(host) ?? {
        cas: [],
        protocols: [],
        path: gaps.includes("undeclared") ? serverPath(f.model, cas, "urls", p, "external") : namespacePath(f.model, host, "external"),
      };
      if (!g.cas.includes(cas)) g.cas.push(cas);
      if (!g.protocols.includes(p)) g.protocols.push(p);
      hosts.set(host, g);
    }
  }
  const out = [...hosts].map(([host, g]) => {
    const undeclared = byHost.get(host)?.gaps.includes("undeclared");
    const why = undeclared
      ? "no namespace declares that name, so clients outside cannot resolve it"
      : "its namespace is not published to the Internet (external: false)";
    const labels = g.protocols.map((p) => p.toUpperCase());
    return dx(
      "DX-02",
      "error",
      g.path,
      g.protocols.map((p) => `${p}:external`),
      [
        `${list(names(g.cas))} hand${g.cas.length === 1 ? "s" : ""} out ${host} as the Exchange 2007`,
        `${list(labels)} ExternalUrl, but ${why}: external OWA users are redirected to an unreachable URL`,
        `and Outlook's free/busy, Out of Office and OAB downloads fail outside. Publish ${host} in`,
        "external DNS and through the firewall.",
      ].join(" "),
      { mailboxes: [...new Set(g.cas.flatMap((c) => servedMailboxes(f, c)))] },
    );
  });
  // With no legacy name at all, one diagnostic says so; per-site ones would repeat the same fix.
  const missing = out.length === 0 ? missingNames(f.model) : [];
  if (missing.length === 0) return [...out, ...sitesWithoutLegacyUrls(f)];
  return missing.map((need) =>
    dx(
      "DX-02",
      "error",
      ["topology", "namespaces"],
      ["owa:external", "ews:external", "oab:external"],
      `Exchange 2007 mailboxes exist next to ${f.modern}, but no externally published name lands on an Exchange 2007 CAS. Add ${need}.`,
      {
        mailboxes: names(f.mailboxServers.filter((s) => s.version === 2007)),
      },
    ),
  );
}

/**
 * EWS-4/OAB-2: Autodiscover hands a 2007 mailbox the EWS/OAB URLs of the CAS2007 in its site, and
 * neither 2013 (EWS-4) nor 2007 (cross-site EWS proxy is 2010's, EWS-5) proxies them, so a site
 * whose CAS2007s publish no EWS/OAB ExternalUrl leaves its users without them outside.
 */
function sitesWithoutLegacyUrls(f: Facts): ScopedDiagnostic[] {
  const out: ScopedDiagnostic[] = [];
  for (const site of f.model.bySite.keys()) {
    const cas = f.legacyCas.filter((c) => c.version === 2007 && c.site === site);
    const mbx = mailboxesOf(f, 2007, site);
    const first = cas[0];
    if (!first || mbx.length === 0) continue;
    const missing = (["ews", "oab"] as const).filter((p) => !cas.some((c) => c.urls?.[p]?.external));
    if (missing.length === 0) continue;
    const what = list(missing.map((p) => p.toUpperCase()));
    out.push(
      dx(
        "DX-02",
        "error",
        serverPath(f.model, first, "urls", missing[0] as string, "external"),
        missing.map((p) => `${p}:external`),
        [
          `Site ${site} holds Exchange 2007 mailboxes (${list(names(mbx))}) but no Exchange 2007 CAS there`,
          `publishes an ${what} ExternalUrl: Autodiscover gives external Outlook no ${what} URL for them,`,
          `and ${f.modern} does not serve 2007 EWS/OAB, so free/busy, Out of Office and OAB downloads fail`,
          `outside the network. Publish the ${what} virtual directories of ${first.name} under a legacy`,
          `name, or accept that these users have no ${what} outside.`,
        ].join(" "),
        { mailboxes: names(mbx) },
      ),
    );
  }
  return out;
}

export function checkCertificates(f: Facts, required: RequiredName[]): ScopedDiagnostic[] {
  return required
    .filter((n) => n.gaps.includes("not-on-certificate"))
    .map((n) => {
      const servers = landing(f.model, n.host);
      const legacyOnly = servers.length > 0 && servers.every((s) => rank(s.version) <= 2010);
      const scope = legacyOnly ? { mailboxes: [...new Set(servers.flatMap((s) => servedMailboxes(f, s)))] } : undefined;
      const effect =
        n.kind === "legacy"
          ? "after the OWA redirect users get certificate warnings, and Outlook's EWS (free/busy, Out of Office) and OAB calls to it fail"
          : `clients using it (${list(n.uses)}) get certificate warnings or refuse to connect`;
      return dx(
        "DX-03",
        "error",
        namespacePath(f.model, n.host, "certificate"),
        n.uses.filter((u) => !u.startsWith("rpc-tcp")),
        [
          `${n.host} is not on the certificate of ${list(n.servers)}: ${effect}. Add ${n.host} to the`,
          `certificate bound to ${list(n.servers)} (and to any publishing device in front).`,
        ].join(" "),
        scope,
      );
    });
}

export function checkOwaRedirectTarget(f: Facts): ScopedDiagnostic[] {
  if (!f.hasModern || !has2007Mailbox(f)) return [];
  const cas2007 = f.legacyCas.filter((c) => c.version === 2007);
  const first = cas2007[0];
  if (!first) return []; // DX-01 reports the missing CAS
  const all2007 = names(f.mailboxServers.filter((s) => s.version === 2007));
  if (!cas2007.some((c) => c.urls?.owa?.external)) {
    const noInternal = !cas2007.some((c) => c.urls?.owa?.internal);
    return [
      dx(
        "DX-04",
        "error",
        serverPath(f.model, first, "urls", "owa", "external"),
        noInternal ? ["owa"] : ["owa:external"],
        [
          `No Exchange 2007 CAS has an OWA ExternalUrl: ${f.modern} never proxies OWA to 2007, it redirects`,
          `to that URL, so OWA fails for Exchange 2007 mailboxes. Set the OWA ExternalUrl of ${first.name}`,
          `to the legacy name (e.g. https://legacy.${f.model.topology.domain ?? "<domain>"}/owa).`,
        ].join(" "),
        { mailboxes: all2007 },
      ),
    ];
  }
  return cas2007.flatMap((c) => {
    const ext = c.urls?.owa?.external;
    if (!landsOnModern(f.model, urlHost(ext))) return [];
    const internal = c.urls?.owa?.internal;
    const breaks = !internal || landsOnModern(f.model, urlHost(internal)) ? ["owa"] : ["owa:external"];
    return [
      dx(
        "DX-04",
        "error",
        serverPath(f.model, c, "urls", "owa", "external"),
        breaks,
        [
          `The OWA ExternalUrl of ${c.name} (${ext}) names a host that lands on ${f.modern}, so the`,
          `redirect for Exchange 2007 mailboxes sends users back to ${f.modern} instead of to ${c.name}:`,
          `OWA fails for them. Set it to the legacy name that lands on ${c.name}.`,
        ].join(" "),
        { mailboxes: servedMailboxes(f, c) },
      ),
    ];
  });
}

export function checkEasLegacyName(f: Facts, required: RequiredName[]): ScopedDiagnostic[] {
  if (!f.hasModern) return [];
  const legacy = new Set(required.filter((n) => n.kind === "legacy").map((n) => n.host));
  return f.legacyCas
    .filter((c) => c.version === 2007 && legacy.has(urlHost(c.urls?.activesync?.external) ?? ""))
    .map((c) =>
      dx(
        "DX-13",
        "warning",
        serverPath(f.model, c, "urls", "activesync", "external"),
        ["activesync:external"],
        [
          `The ActiveSync ExternalUrl of ${c.name} names the legacy name`,
          `${urlHost(c.urls?.activesync?.external)}: Autodiscover hands it to devices of Exchange 2007`,
          `mailboxes, so they bypass ${f.modern} and may have trouble with redirects. Set it to the primary`,
          "name (Microsoft's guidance) or clear it.",
        ].join(" "),
        { mailboxes: servedMailboxes(f, c) },
      ),
    );
}
