/**
 * Server settings that decide hybrid and Subscription Edition answers whether or not a hybrid block is
 * given: load balancers' TLS in front of Extended Protection, Extended Protection and authentication per
 * virtual directory, Outlook Anywhere's SSL offloading, and the support floors beside SE.
 */
import type { Hybrid } from "../types.ts";
import { dx, namespacePath, serverPath, type ScopedDiagnostic } from "./facts.ts";
import { parseBuild } from "./builds.ts";
import { isClientAccess, type Model } from "../model/index.ts";
import { epBreaks, epMode, extendedProtectionOn, recommended } from "./hybrid-model.ts";
import type { EpVdir } from "../types.ts";

/** A hybrid block that is not `type: none`. */
export const HYBRID_ON = (h: Hybrid | undefined): h is Hybrid => !!h && h.type !== "none";

/**
 * HX-04, HX-05: Extended Protection behind SSL offloading, or bridging on another certificate (SE-22).
 * Only Windows-authentication calls into a virtual directory with EP on break (hybrid-model.ts).
 * HX-25: a load balancer that terminates SMTP TLS hides Exchange Online Protection's certificate.
 */
export function loadBalancerChecks(m: Model): ScopedDiagnostic[] {
  const out: ScopedDiagnostic[] = [];
  for (const ns of m.topology.namespaces) {
    if (!ns.lb) continue;
    const behind = ns.servers.flatMap((n) => m.servers.get(n) ?? []).filter(isClientAccess);
    if (ns.lb.smtp === "terminate" && HYBRID_ON(m.topology.hybrid))
      out.push(
        dx(
          "HX-25",
          "warning",
          namespacePath(m, ns.host, "lb", "smtp"),
          ["F-10", "F-12", "F-13"],
          [
            `${ns.host}: the load balancer terminates SMTP TLS, so the receive connector never sees Exchange Online`,
            "Protection's certificate (TlsDomainCapabilities mail.protection.outlook.com): mail from Exchange Online",
            "arrives as anonymous Internet mail, not as internal hybrid mail (HY-65). Pass port 25 through.",
          ].join(" "),
        ),
      );
    const broken = ns.lb.tls === "offload" || (ns.lb.tls === "bridging" && ns.lb.sameCertificate === false);
    const ep = behind.filter(extendedProtectionOn);
    const breaks = broken ? epBreaks(m, behind) : [];
    if (ep.length === 0 || breaks.length === 0) continue;
    const who = ep.map((s) => s.name).join(", ");
    const what = `Windows-authenticated requests (${breaks.join(", ")}) through this name fail or keep prompting`;
    const spared = "OWA (forms), ActiveSync (Basic), HMA (Bearer), SMTP and Exchange Online's free/busy calls are not affected";
    if (ns.lb.tls === "offload")
      out.push(
        dx(
          "HX-04",
          "error",
          namespacePath(m, ns.host, "lb", "tls"),
          breaks,
          [
            `${ns.host}: the load balancer offloads TLS while Extended Protection is on for ${who} (the`,
            `default from 2019 CU14 and in SE): the channel binding no longer matches, so ${what}; ${spared}`,
            "(SE-22, SE-23). Use TLS bridging with the Exchange certificate, or passthrough.",
          ].join(" "),
        ),
      );
    else
      out.push(
        dx(
          "HX-05",
          "error",
          namespacePath(m, ns.host, "lb", "sameCertificate"),
          breaks,
          [
            `${ns.host}: the load balancer bridges TLS with a certificate other than the one on ${who}, where`,
            `Extended Protection is on: ${what}, as with SSL offloading; ${spared} (SE-22). Put the Exchange`,
            "certificate on the load balancer.",
          ].join(" "),
        ),
      );
  }
  // DX-21 (info, P6): IIS authentication given for a service that has no IIS virtual directory changes nothing; say so.
  for (const s of m.topology.servers)
    for (const p of ["rpc-tcp", "pop3", "imap4"] as const)
      if (s.auth?.[p])
        out.push(
          dx(
            "DX-21",
            "info",
            serverPath(m, s, "auth", p),
            [],
            `${s.name}: ${p} has no IIS virtual directory, so its authentication (${s.auth[p]?.join(", ")}) changes no flow; ` +
              `exflow ignores it.`,
          ),
        );
  // HX-32 (info): a back-end setting other than Microsoft's recommended one; the sources name no effect on routing.
  for (const s of m.topology.servers)
    for (const [vdir, v] of Object.entries(s.extendedProtectionVdirs ?? {}))
      if (v?.backEnd && v.backEnd !== recommended(vdir as EpVdir).backEnd)
        out.push(
          dx(
            "HX-32",
            "info",
            serverPath(m, s, "extendedProtectionVdirs", vdir, "backEnd"),
            [],
            [
              `Extended Protection on ${s.name}'s back-end ${vdir} virtual directory is ${v.backEnd}, not Microsoft's`,
              `recommended ${recommended(vdir as EpVdir).backEnd}. The sources name no client effect (the front end reaches`,
              "the back end over its own TLS channel), so no flow changes; the configuration script would reset it.",
            ].join(" "),
          ),
        );
  // HX-30: Outlook Anywhere's SSLOffloading flag must be off where /rpc has Extended Protection (SE-22).
  for (const s of m.topology.servers)
    if (s.outlookAnywhere?.sslOffloading === true && epMode(s, "outlook-anywhere") !== "off")
      out.push(
        dx(
          "HX-30",
          "error",
          serverPath(m, s, "outlookAnywhere", "sslOffloading"),
          ["outlook-anywhere"],
          [
            `Outlook Anywhere on ${s.name} has SSLOffloading on while Extended Protection is on for /rpc:`,
            "Outlook Anywhere through it fails (SE-22). Set-OutlookAnywhere -SSLOffloading $false.",
          ].join(" "),
        ),
      );
  return out;
}

/** Support floors beside Exchange SE (SE-7): third-party practical floors, so a warning, not a refusal. */
const SE_FLOORS: Record<string, number> = { "2016": 23, "2019": 14 };

/** HX-31: a 2016/2019 server below the practical floor for sharing an organisation with SE (SE-7, V(3p)). */
export function seFloorChecks(m: Model): ScopedDiagnostic[] {
  const se = m.topology.servers.find((s) => s.version === "SE");
  if (!se) return [];
  return m.topology.servers.flatMap((s) => {
    const floor = SE_FLOORS[String(s.version)];
    const cu = parseBuild(s.version, s.build)?.[0];
    if (floor === undefined || cu === undefined || cu >= floor) return [];
    return [
      dx(
        "HX-31",
        "warning",
        serverPath(m, s, "build"),
        [],
        [
          `${s.name} runs Exchange ${s.version} CU${cu} beside Exchange SE (${se.name}): the practical floor is`,
          `CU${floor} (SE-7, from third-party sources; Microsoft documents only the 2013 block and SE CU2's).`,
          "Setup does not refuse it, but update before relying on the coexistence.",
        ].join(" "),
      ),
    ];
  });
}
