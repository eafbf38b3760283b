/**
 * Outlook connectivity through a 2013+ front end: legacy Outlook Anywhere enabled (DX-05), its
 * RPC-over-HTTP component (DX-06), NTLM on /rpc (DX-07), its host name (DX-08), 2010 CAS-array
 * names (DX-09), the legacy SCP (DX-11) and Negotiate on 2013+ OA (DX-19).
 * In: Facts. Out: diagnostics in input order.
 */
import { isModern } from "../model/index.ts";
import type { Server } from "../types.ts";
import { dx, landsOnModern, list, mailboxesOf, names, oaEnabled, serverPath, urlHost } from "./facts.ts";
import type { Facts, ScopedDiagnostic } from "./facts.ts";

/** Mailboxes a legacy CAS serves when 2013+ proxies to it: its version, its site. */
const siteMailboxes = (f: Facts, c: Server) => ({ mailboxes: names(mailboxesOf(f, c.version, c.site)) });

export function checkOutlookAnywhere(f: Facts): ScopedDiagnostic[] {
  if (!f.hasModern) return [];
  const out: ScopedDiagnostic[] = [];
  for (const c of f.legacyCas) {
    const mbx = mailboxesOf(f, c.version, c.site);
    if (mbx.length === 0 || oaEnabled(c)) continue;
    const path = c.outlookAnywhere ? serverPath(f.model, c, "outlookAnywhere", "enabled") : serverPath(f.model, c, "outlookAnywhere");
    out.push(
      dx(
        "DX-05",
        "error",
        path,
        ["outlook-anywhere"],
        [
          `Outlook Anywhere is not enabled on ${c.name} (Exchange ${c.version}) although ${c.site} holds`,
          `Exchange ${c.version} mailboxes (${list(names(mbx))}): ${f.modern} has nothing to proxy`,
          "Outlook's HTTP connections to, so Outlook Anywhere fails for those",
          `mailboxes${c.version === 2010 ? " and Autodiscover answers can lack the OAB URL" : ""}. Enable`,
          `Outlook Anywhere on ${c.name}.`,
        ].join(" "),
        siteMailboxes(f, c),
      ),
    );
  }
  return out;
}

export function checkRpcProxy(f: Facts): ScopedDiagnostic[] {
  return f.legacyCas
    .filter((c) => oaEnabled(c) && c.outlookAnywhere?.rpcProxyInstalled === false)
    .map((c) =>
      dx(
        "DX-06",
        "error",
        serverPath(f.model, c, "outlookAnywhere", "rpcProxyInstalled"),
        ["outlook-anywhere"],
        [
          `Outlook Anywhere is enabled on ${c.name} but the Windows "RPC over HTTP Proxy" component is not`,
          "installed: Outlook Anywhere does not work there (event 2003). Install the RPC over HTTP Proxy",
          `feature on ${c.name}.`,
        ].join(" "),
        f.hasModern ? siteMailboxes(f, c) : undefined,
      ),
    );
}

export function checkRpcNtlm(f: Facts): ScopedDiagnostic[] {
  if (!f.hasModern) return [];
  return f.legacyCas
    .filter((c) => oaEnabled(c) && c.outlookAnywhere?.iisAuth !== undefined && !c.outlookAnywhere.iisAuth.includes("ntlm"))
    .map((c) =>
      dx(
        "DX-07",
        "error",
        serverPath(f.model, c, "outlookAnywhere", "iisAuth"),
        ["outlook-anywhere"],
        [
          `IIS authentication on /rpc of ${c.name} lacks NTLM (${list(c.outlookAnywhere?.iisAuth ?? [])}):`,
          `${f.modern} authenticates to it with NTLM when proxying, so external Outlook for mailboxes`,
          `behind ${c.name} gets endless credential prompts once the Outlook Anywhere name moves to`,
          `${f.modern}. Add NTLM to the IIS authentication methods of Outlook Anywhere on ${c.name}.`,
        ].join(" "),
        siteMailboxes(f, c),
      ),
    );
}

export function checkOaHostname(f: Facts): ScopedDiagnostic[] {
  const modernHosts = f.modernFE.filter(oaEnabled).flatMap((s) => urlHost(s.outlookAnywhere?.externalHostname) ?? []);
  if (modernHosts.length === 0) return [];
  const target = modernHosts[0] as string;
  return f.legacyCas
    .filter((c) => {
      if (!oaEnabled(c)) return false; // DX-05
      const host = urlHost(c.outlookAnywhere?.externalHostname);
      return !host || (!modernHosts.includes(host) && !landsOnModern(f.model, host));
    })
    .map((c) => {
      const host = c.outlookAnywhere?.externalHostname;
      const now = host ? `is ${host}` : "is not set";
      return dx(
        "DX-08",
        "warning",
        serverPath(f.model, c, "outlookAnywhere", "externalHostname"),
        ["outlook-anywhere:external"],
        [
          `The Outlook Anywhere ExternalHostname of ${c.name} ${now}, not the ${f.modern} Outlook Anywhere`,
          `name ${target}: Autodiscover steers its users around ${f.modern}, which works only while the old`,
          `name stays published, and routing differs per user. Set it to ${target}.`,
        ].join(" "),
        siteMailboxes(f, c),
      );
    });
}

export function checkCasArray(f: Facts): ScopedDiagnostic[] {
  return f.model.topology.servers
    .filter((s) => s.version === 2010 && landsOnModern(f.model, urlHost(s.rpcClientAccessServer)))
    .map((s) =>
      dx(
        "DX-09",
        "error",
        serverPath(f.model, s, "rpcClientAccessServer"),
        ["rpc-tcp:internal"],
        [
          `The RpcClientAccessServer of ${s.name}'s databases (${s.rpcClientAccessServer}) now lands on`,
          `${f.modern}, which does not accept RPC/TCP: internal Outlook for those Exchange 2010 mailboxes`,
          "fails, and only clients that fall back to Outlook Anywhere keep working. Give the 2010 CAS array",
          `its own name (e.g. outlook.${f.model.topology.domain ?? "<domain>"}) that resolves to the`,
          `Exchange 2010 CAS in ${s.site}.`,
        ].join(" "),
        s.roles.includes("mailbox") ? { mailboxes: [s.name] } : undefined,
      ),
    );
}

export function checkScp(f: Facts): ScopedDiagnostic[] {
  if (!f.hasModern) return [];
  const target = f.modernFE.map((s) => urlHost(s.autodiscoverInternalUri)).find((h) => h && landsOnModern(f.model, h));
  const advice = target ? `https://${target}/Autodiscover/Autodiscover.xml` : `the Autodiscover name that lands on ${f.modern}`;
  return f.legacyCas.flatMap((c) => {
    const set = c.autodiscoverInternalUri;
    // Exchange setup publishes the server's own name when nothing else is configured.
    const host = urlHost(set) ?? c.fqdn?.toLowerCase();
    if (!host || landsOnModern(f.model, host)) return [];
    const now = set ? `points at ${host}` : `is not set, so it keeps the setup default (${host})`;
    return [
      dx(
        "DX-11",
        "warning",
        serverPath(f.model, c, "autodiscoverInternalUri"),
        ["autodiscover:internal"],
        [
          `The Autodiscover SCP of ${c.name} (AutoDiscoverServiceInternalUri) ${now}, not a name on`,
          `${f.modern}: domain-joined Outlook may query the legacy Autodiscover first (SCPs are tried`,
          `oldest first) instead of ${f.modern}. Set it to ${advice}.`,
        ].join(" "),
      ),
    ];
  });
}

export function checkNegotiate(f: Facts): ScopedDiagnostic[] {
  if (!f.hasLegacy) return [];
  const legacy = names(f.mailboxServers.filter((s) => !isModern(s.version)));
  return f.model.topology.servers
    .filter((s) => isModern(s.version) && s.outlookAnywhere?.clientAuth === "negotiate")
    .map((s) =>
      dx(
        "DX-19",
        "warning",
        serverPath(f.model, s, "outlookAnywhere", "clientAuth"),
        ["outlook-anywhere"],
        [
          `Outlook Anywhere on ${s.name} offers Negotiate to clients while Exchange 2007/2010 servers`,
          "remain: Microsoft advises against Negotiate for Outlook Anywhere until every server runs",
          `Exchange 2013 or later. Use NTLM (or Basic) for Outlook Anywhere on ${s.name}.`,
        ].join(" "),
        { mailboxes: legacy },
      ),
    );
}
