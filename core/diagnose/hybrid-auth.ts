/**
 * HX diagnostics of the Hybrid Agent (HX-18, HX-19) and of Hybrid Modern Authentication (HX-20,
 * HX-21, HX-27), part of hybridChecks in diagnostics.ts: the same pure checks over the Model, in
 * the same order.
 */
import { parseBuild } from "./builds.ts";
import { epMode } from "./hybrid-model.ts";
import { dx, namespacePath, serverPath, type ScopedDiagnostic } from "./facts.ts";
import { hostOf, type Model } from "../model/index.ts";
import type { Hybrid, Server } from "../types.ts";

export function authChecks(m: Model, h: Hybrid): ScopedDiagnostic[] {
  const out: ScopedDiagnostic[] = [];
  const hb = ["topology", "hybrid"];
  // HX-18, HX-19: the Hybrid Agent's registered server (HY-4, SE-24).
  const agent = h.hybridAgent;
  if (h.type === "modern" && agent) {
    const targets = agentTargets(m, agent.targetServer);
    if (agent.online === false)
      out.push(
        dx(
          "HX-18",
          "error",
          [...hb, "hybridAgent", "online"],
          ["F-7", "F-8"],
          [
            `The Hybrid Agent's registered server ${agent.targetServer} is offline: free/busy from the cloud`,
            "and mailbox moves fail (HY-4). Bring it back or repoint the agent (Update-HybridApplication",
            "-TargetUri).",
          ].join(" "),
        ),
      );
    // The agent's calls enter the front-end EWS vdir: that vdir's setting decides (SE-24).
    for (const s of targets.filter((x) => epMode(x, "ews") !== "off"))
      out.push(
        dx(
          "HX-19",
          "error",
          serverPath(m, s, "extendedProtection"),
          ["F-7", "F-8"],
          [
            `Extended Protection is on for ${s.name}, which the Hybrid Agent publishes: EWS through the agent`,
            "fails, so free/busy from the cloud and moves fail (SE-24). Exclude its front-end EWS virtual",
            "directory from Extended Protection.",
          ].join(" "),
        ),
      );
  }
  // HX-20, HX-21, HX-27: Hybrid Modern Authentication preconditions (HY-71).
  if (h.hma) {
    const hmaBreaks = ["mapi-http", "F-4", "F-11"];
    if (h.type === "modern")
      out.push(
        dx(
          "HX-20",
          "warning",
          [...hb, "hma"],
          hmaBreaks,
          "Hybrid Modern Authentication is on with the Hybrid Agent (modern hybrid): Microsoft does not " +
            "support that combination (HMA needs Autodiscover, EWS, ActiveSync, MAPI and OAB published the " +
            "classic way; HY-71). Microsoft documents no failure mechanism, so flows are drawn as working. " +
            "Use classic hybrid for HMA.",
        ),
      );
    for (const ns of m.topology.namespaces.filter((n) => n.lb?.tls === "offload"))
      out.push(
        dx(
          "HX-20",
          "warning",
          namespacePath(m, ns.host, "lb", "tls"),
          hmaBreaks,
          [
            `Hybrid Modern Authentication is on while the load balancer of ${ns.host} offloads TLS: Microsoft's`,
            "HMA prerequisites exclude SSL offloading (termination and re-encryption is supported). No failure",
            "mechanism is documented, so flows are drawn as working (HY-71). Use bridging or passthrough.",
          ].join(" "),
        ),
      );
    if (h.spns) {
      const registered = new Set(h.spns.map((s) => s.toLowerCase()));
      const needed = hmaNames(m).filter((n) => !registered.has(n));
      if (needed.length > 0)
        out.push(
          dx(
            "HX-21",
            "error",
            [...hb, "spns"],
            hmaBreaks,
            [
              `Hybrid Modern Authentication: ${needed.join(", ")} ${needed.length === 1 ? "is" : "are"} not`,
              "registered as service principal names of the Exchange app",
              "(00000002-0000-0ff1-ce00-000000000000): Outlook gets a blank sign-in prompt and AADSTS500011 for",
              "those names. Add every internal and external URL's host with Set-MgServicePrincipal.",
            ].join(" "),
          ),
        );
    }
    for (const s of m.topology.servers) {
      const floor = HMA_FLOORS[String(s.version)];
      const cu = parseBuild(s.version, s.build)?.[0];
      if (floor === undefined || (floor > 0 && (cu === undefined || cu >= floor))) continue;
      out.push(
        dx(
          "HX-27",
          "error",
          serverPath(m, s, floor === 0 ? "version" : "build"),
          hmaBreaks,
          floor === 0
            ? [
                `Hybrid Modern Authentication is on while ${s.name} runs Exchange ${s.version}: HMA needs no`,
                "Exchange 2010 in the organisation; 2010 mailboxes try OAuth and disconnect (HY-71).",
              ].join(" ")
            : `Hybrid Modern Authentication needs Exchange ${s.version} CU${floor} or later; ${s.name} runs CU${cu} (HY-71). Update it.`,
        ),
      );
    }
  }
  return out;
}

/** HMA floors (HY-71): 0 = the version is not supported at all. */
const HMA_FLOORS: Record<string, number> = { "2007": 0, "2010": 0, "2013": 19, "2016": 8, "2019": 1 };

/** Host names Outlook and mobile clients call on-premises, which HMA needs as SPNs. */
function hmaNames(m: Model): string[] {
  const hosts = new Set<string>();
  for (const s of m.topology.servers)
    for (const p of ["mapi-http", "ews", "autodiscover", "activesync", "oab"] as const)
      for (const u of [s.urls?.[p]?.internal, s.urls?.[p]?.external]) {
        const h = hostOf(u);
        if (h) hosts.add(h);
      }
  return [...hosts].sort();
}

export function agentTargets(m: Model, target: string): Server[] {
  const ns = m.namespaces.get(target.toLowerCase());
  if (ns) return ns.servers.flatMap((n) => m.servers.get(n) ?? []);
  const s = m.servers.get(target) ?? m.topology.servers.find((x) => x.fqdn?.toLowerCase() === target.toLowerCase());
  return s ? [s] : [];
}
