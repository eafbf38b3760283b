import { dx, namespacePath, serverPath, type ScopedDiagnostic } from "./facts.ts";
import { capitalise } from "../model/describe.ts";
import { hostOf, type Model } from "../model/index.ts";
import type { Hybrid } from "../types.ts";
import { agentTargets, authChecks } from "./hybrid-auth.ts";
import { HYBRID_ON, loadBalancerChecks, seFloorChecks } from "./server-settings.ts";
import { authFromCloud, authToCloud, discoveryFromCloud } from "./hybrid-model.ts";
import { hybridServers, migrationHost, publishedHost } from "../model/places.ts";

const cache = new WeakMap<Model, ScopedDiagnostic[]>();

export function diagnoseHybrid(m: Model): ScopedDiagnostic[] {
  const hit = cache.get(m);
  if (hit) return hit;
  const out = [...loadBalancerChecks(m), ...seFloorChecks(m), ...(HYBRID_ON(m.topology.hybrid) ? hybridChecks(m, m.topology.hybrid) : [])];
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  cache.set(m, out);
  return out;
}

function hybridChecks(m: Model, h: Hybrid): ScopedDiagnostic[] {
  const out: ScopedDiagnostic[] = [];
  const hb = ["topology", "hybrid"];
  const cloudUsers = m.topology.users.filter((u) => u.location === "cloud").map((u) => u.name);
  const rich = h.type === "classic" || h.type === "modern";
  const hs = hybridServers(m);

  // HX-01: without TargetOwaURL on-premises OWA cannot send cloud users on, nor build the EAS 451 (HY-10, HY-30).
  const owa = h.orgRelationship?.onPrem?.targetOwaUrl;
  const owaHost = hostOf(owa);
  if (cloudUsers.length > 0 && (!owa || (owaHost && m.namespaces.has(owaHost)))) {
    const why = owa
      ? `TargetOwaURL ${owa} names an on-premises namespace, so cloud users are sent back where they came from`
      : h.orgRelationship?.onPrem
        ? "the on-premises organization relationship has no TargetOwaURL"
        : `${h.type === "minimal" ? "minimal hybrid creates" : "the topology has"} no organization relationship, hence no TargetOwaURL`;
    out.push(
      dx(
        "HX-01",
        "error",
        [...hb, "orgRelationship", "onPrem", "targetOwaUrl"],
        ["owa", "activesync", "F-1", "F-3"],
        [
          `${why}: OWA for cloud users shows "The Outlook Web App address ... is out of date" and`,
          "ActiveSync cannot build the HTTP 451 to Exchange Online, so moved users' phones stop syncing.",
          h.orgRelationship?.onPrem
            ? "Set TargetOwaURL to https://outlook.office.com/mail (or the tenant's OWA URL) with Set-OrganizationRelationship."
            : "Run the Hybrid Configuration Wizard for full (classic) hybrid, or create the organization relationship with a TargetOwaURL.",
        ].join(" "),
        { users: cloudUsers },
      ),
    );
  }

  if (h.type === "classic") {
    // HX-08: Exchange Online's Autodiscover answer needs an EWS ExternalUrl on the hybrid servers (KB 3058294).
    const ews = hs.find((s) => s.urls?.ews?.external);
    if (!ews && hs[0])
      out.push(
        dx(
          "HX-08",
          "error",
          serverPath(m, hs[0], "urls", "ews", "external"),
          ["F-6"],
          [
            `No hybrid server (${hs.map((s) => s.name).join(", ")}) has an EWS ExternalUrl: Exchange Online's`,
            `Autodiscover call gets no EWS URL, so cloud users see no free/busy of on-premises users ("The`,
            `Web Services External Url is not set"). Set the EWS ExternalUrl to the published name.`,
          ].join(" "),
        ),
      );
    // HX-09: Exchange Online must reach the Autodiscover endpoint its connector or relationship names (HY-1, HY-42).
    const disc = discoveryFromCloud(m.topology.domain, h);
    const ad = disc.host;
    const adNs = ad ? m.namespaces.get(ad) : undefined;
    const named = disc.defaulted ? "" : ` (${disc.path.slice(2).join(".")})`;
    if (ad && authFromCloud(h).family !== "none") {
      if (!adNs)
        out.push(
          dx(
            "HX-09",
            "error",
            disc.path,
            ["F-6"],
            [
              `${ad}${named} is not a namespace: Exchange Online cannot reach on-premises Autodiscover for free/busy`,
              `of on-premises users (HY-42). Publish ${ad} to the Internet, landing on the hybrid servers${
                disc.defaulted ? ", or name the endpoint in hybrid.ioc.exo.discoveryEndpoint" : ""
              }.`,
            ].join(" "),
          ),
        );
      else if (adNs.external === false)
        out.push(
          dx(
            "HX-09",
            "error",
            namespacePath(m, ad, "external"),
            ["F-6"],
            [
              `${ad} is not published to the Internet: Exchange Online's Autodiscover call for free/busy fails`,
              "(HY-42). Publish it, without pre-authentication.",
            ].join(" "),
          ),
        );
      else if (adNs.preAuth)
        out.push(
          dx(
            "HX-09",
            "error",
            namespacePath(m, ad, "preAuth"),
            ["F-6"],
            [
              `${ad} is pre-authenticated by a reverse proxy: Exchange Online's Autodiscover call cannot pass`,
              "it (HY-1, no pre-authentication). Publish Autodiscover without pre-authentication.",
            ].join(" "),
          ),
        );
    }
    const ewsHost = publishedHost(m, "ews");
    const ewsNs = ewsHost ? m.namespaces.get(ewsHost) : undefined;
    if (ewsHost && ewsNs?.preAuth)
      out.push(
        dx(
          "HX-09",
          "error",
          namespacePath(m, ewsHost, "preAuth"),
          ["F-6"],
          [
            `${ewsHost} (EWS ExternalUrl) is pre-authenticated: Exchange Online's free/busy call cannot pass`,
            "it (HY-1). Publish EWS without pre-authentication.",
          ].join(" "),
        ),
      );
    // HX-10: the names Exchange Online calls must be on the certificate (H14 certificate requirements).
    for (const host of new Set([ad, ewsHost].filter((x): x is string => !!x))) {
      if (m.namespaces.get(host)?.certificate === false)
        out.push(
          dx(
            "HX-10",
            "error",
            namespacePath(m, host, "certificate"),
            ["F-6", "F-8"],
            [
              `${host} is not on the public certificate: Exchange Online's TLS connection to it fails, so`,
              `free/busy from the cloud and mailbox moves fail. Add ${host} to the certificate.`,
            ].join(" "),
          ),
        );
    }
  }
  const mrs = migrationHost(m);
  const mrsNs = mrs ? m.namespaces.get(mrs) : undefined;
  if (mrsNs?.preAuth)
    out.push(
      dx(
        "HX-09",
        "error",
        namespacePath(m, mrs as string, "preAuth"),
        ["F-8"],
        [
          `${mrs} (migration endpoint) is pre-authenticated: Exchange Online's MRS cannot reach`,
          "/EWS/mrsproxy.svc through it (HY-50). Publish it without pre-authentication.",
        ].join(" "),
      ),
    );
  if (h.sendConnector?.trustedCertificate === false)
    out.push(
      dx(
        "HX-10",
        "error",
        [...hb, "sendConnector", "trustedCertificate"],
        ["F-9", "F-10"],
        "The transport certificate is not from a CA that Exchange Online Protection trusts: TLS between " +
          `on-premises and EOP fails ("454 4.7.0 ... UntrustedRoot" on the "Outbound to Office 365" ` +
          "connector), so hybrid mail queues in both directions. Use a public CA certificate for the hybrid " +
          "transport name.",
      ),
    );

  // HX-14: a disabled IntraOrganizationConnector means no OAuth: DAuth through the federation trust, or nothing (HY-41).
  if (h.ioc?.onPrem?.enabled === false)
    out.push(
      dx(
        "HX-14",
        "warning",
        [...hb, "ioc", "onPrem", "enabled"],
        ["F-5"],
        "The on-premises IntraOrganizationConnector is disabled: free/busy of cloud users falls back to " +
          "DAuth through the organization relationship and the federation trust (HY-41), which fails when " +
          "that is not configured. Enable the connector for OAuth.",
      ),
    );
  // HX-29 (ours): free/busy across the boundary needs an IntraOrganizationConnector or an organization relationship (HY-40..HY-42).
  const toCloud = authToCloud(h);
  const fromCloud = authFromCloud(h);
  if (rich && (toCloud.family === "none" || fromCloud.family === "none"))
    out.push(
      dx(
        "HX-29",
        "error",
        [...hb, toCloud.family === "none" ? "orgRelationship" : "ioc"],
        [...(toCloud.family === "none" ? ["F-5"] : []), ...(fromCloud.family === "none" ? ["F-6", "F-7"] : [])],
        [
          `${toCloud.family === "none" ? capitalise(toCloud.why) : capitalise(fromCloud.why)}: no free/busy crosses`,
          toCloud.family === "none" && fromCloud.family === "none" ? "the boundary in either direction" : "the boundary in that direction",
          "(HY-40, HY-41, HY-42). Run the Hybrid Configuration Wizard (full hybrid), or create the",
          "IntraOrganizationConnector (OAuth) or the organization relationship (DAuth).",
        ].join(" "),
      ),
    );
  // HX-15: since 2025-10-31 Exchange Online refuses EWS calls authenticated as the shared service principal,
  // i.e. on-premises OAuth calls to Exchange Online (HY-6). Cloud -> on-premises and DAuth do not use it.
  if (rich && h.dedicatedApp === false && toCloud.family === "oauth")
    out.push(
      dx(
        "HX-15",
        "error",
        [...hb, "dedicatedApp"],
        ["F-5"],
        "Hybrid still uses the shared Exchange service principal: since 2025-10-31 Exchange Online blocks " +
          "EWS calls made with it, so on-premises users no longer see cloud users' free/busy, MailTips and " +
          "photos (HY-6); lookups from the cloud, moves and mail flow are not affected. Deploy the dedicated " +
          "Exchange hybrid app (ConfigureExchangeHybridApplication.ps1) on servers with the April 2025 hotfix " +
          "update or later.",
      ),
    );
  // HX-16: every server behind the migration endpoint (a published name, or the Hybrid Agent's registered
  // server) needs MRSProxy (HY-51). Some members without it: moves fail whenever the load balancer picks one.
  const agentUrl = h.hybridAgent?.url.toLowerCase();
  const viaAgent = h.type === "modern" && !!h.hybridAgent && (!h.migrationEndpoint || h.migrationEndpoint.toLowerCase() === agentUrl);
  const behind =
    viaAgent && h.hybridAgent
      ? agentTargets(m, h.hybridAgent.targetServer)
      : mrsNs
        ? mrsNs.servers.flatMap((n) => m.servers.get(n) ?? [])
        : [];
  const endpoint = viaAgent ? `the Hybrid Agent's registered server ${h.hybridAgent?.targetServer}` : `the migration endpoint ${mrs}`;
  const without = behind.filter((x) => x.mrsProxy !== true);
  const some = without.length < behind.length;
  for (const s of without)
    out.push(
      dx(
        "HX-16",
        some ? "warning" : "error",
        serverPath(m, s, "mrsProxy"),
        ["F-8"],
        [
          `MRSProxy is not enabled on ${s.name}, which is behind ${endpoint}: moves fail`,
          some ? "whenever the load balancer hands the connection to it (intermittently)" : "",
          `("No MRSProxy was found running at ..."). Enable it on every server behind the name:`,
          "Set-WebServicesVirtualDirectory -MRSProxyEnabled $true.",
        ]
          .filter(Boolean)
          .join(" "),
      ),
    );
  // HX-18..HX-21, HX-27: the Hybrid Agent and Hybrid Modern Authentication (diagnostics-auth.ts).
  out.push(...authChecks(m, h));
  // HX-23: once most users are in the cloud, SCPs slow down or derail their Autodiscover (HY-23).
  const scps = m.topology.servers.filter((s) => s.autodiscoverInternalUri);
  if (cloudUsers.length > 0 && cloudUsers.length * 2 > m.topology.users.length && scps[0])
    out.push(
      dx(
        "HX-23",
        "warning",
        serverPath(m, scps[0], "autodiscoverInternalUri"),
        ["autodiscover:internal", "F-2"],
        [
          `Most users (${cloudUsers.length} of ${m.topology.users.length}) are in Exchange Online while`,
          "Autodiscover SCPs remain: domain-joined Outlook asks on-premises first and is redirected, which",
          "delays or derails its Autodiscover (KB 3137323). Set ExcludeScpLookup on clients, or remove the",
          "SCPs when the migration is done.",
        ].join(" "),
        { users: cloudUsers },
      ),
    );
  // HX-28 (our code; HY-5): on-premises free/busy of cloud users needs outbound 443 from every mailbox server.
  for (const s of m.topology.servers.filter((x) => x.outbound443 === false))
    out.push(
      dx(
        "HX-28",
        "error",
        serverPath(m, s, "outbound443"),
        ["F-5"],
        [
          `${s.name} cannot reach Exchange Online on outbound 443: its users' free/busy lookups of cloud`,
          "users fail (HY-5; also in modern hybrid, where these calls do not use the agent). Allow outbound",
          "443 to Microsoft 365 from every Mailbox server.",
        ].join(" "),
        { mailboxes: [s.name] },
      ),
    );
  return out;
}
