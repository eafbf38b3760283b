/**
 * Cross-site behaviour decided by ExternalUrls: legacy ActiveSync 451 redirects (DX-12), silent
 * OWA redirects that need forms-based auth on both ends (DX-14), and the Exchange 2016/2019 ECP
 * redirect loop (DX-15). In: Facts. Out: diagnostics in input order.
 */
import { isClientAccess, isModern } from "../model/index.ts";
import type { Server } from "../types.ts";
import { dx, exchangeVersions, landing, landsOnModern, list, names, serverPath, urlHost } from "./facts.ts";
import type { Facts, ScopedDiagnostic } from "./facts.ts";
import { rank } from "../versions.ts";
import { compareLevel, parseBuild } from "./builds.ts";

/**
 * EAS-5: a legacy CAS that receives a device's request for a mailbox in another site whose CAS
 * has an EAS ExternalUrl answers 451. A legacy CAS is such a front end when its own EAS
 * ExternalUrl is a published name that lands on it. Targets whose ExternalUrl lands on 2013+
 * are exempt: the device is sent to 2013, which proxies (EAS-2/3).
 */
export function checkEas451(f: Facts): ScopedDiagnostic[] {
  const m = f.model;
  const fronts = f.legacyCas.filter((c) => {
    const host = urlHost(c.urls?.activesync?.external);
    return !!host && m.namespaces.get(host)?.external !== false && landing(m, host).includes(c);
  });
  return f.legacyCas.flatMap((c) => {
    const url = c.urls?.activesync?.external;
    if (!url || landsOnModern(m, urlHost(url))) return [];
    // 2010 SP2 RU6 (KB 2751417) proxies for devices that cannot follow the 451: fronts at that level are exempt.
    const via = fronts.filter((x) => x.site !== c.site && !fixed451(x));
    if (via.length === 0) return [];
    const mbx = f.mailboxServers.filter((s) => s.site === c.site && !isModern(s.version) && rank(s.version) <= rank(c.version));
    if (mbx.length === 0) return [];
    const names_ = via.map((x) => `${x.name} (${urlHost(x.urls?.activesync?.external)})`);
    return [
      dx(
        "DX-12",
        "warning",
        serverPath(m, c, "urls", "activesync", "external"),
        ["activesync:external"],
        [
          `${c.name} in ${c.site} has an ActiveSync ExternalUrl (${url}) while legacy front end`,
          `${list(names_)} serves devices in another site: a device of a ${c.site} mailbox that connects`,
          `there gets HTTP 451 pointing at ${url}, and devices on EAS 12.1 or older cannot follow it and`,
          `stop syncing. Exchange 2010 SP2 RU6 fixed this (KB 2751417): update the front end, clear the`,
          `ActiveSync ExternalUrl of ${c.name} so the front end proxies, or make sure all devices use the`,
          `${c.site} name.`,
        ].join(" "),
        { mailboxes: names(mbx) },
      ),
    ];
  });
}

/** KB 2751417: from Exchange 2010 SP2 RU6 a CAS 2010 proxies for devices that cannot follow the 451. */
function fixed451(s: Server): boolean {
  const level = s.version === 2010 ? parseBuild(2010, s.build) : null;
  return !!level && compareLevel(level, [2, 6]) >= 0;
}

const lacksForms = (s: Server): boolean => !!s.auth?.owa && !s.auth.owa.includes("forms");
const owaHost = (s: Server) => urlHost(s.urls?.owa?.external);

/**
 * OWA-5/OWA-7 and S25: a front end redirects OWA across sites to a target site's OWA ExternalUrl;
 * the redirect is silent only with forms-based auth at both ends (unset auth = Exchange's FBA default).
 * 2010 redirects to 2010 only; 2013+ to 2010 or 2013+. Redirects to 2007 are never silent (OWA-1).
 */
export function checkSilentRedirect(f: Facts): ScopedDiagnostic[] {
  const ca = f.model.topology.servers.filter((s) => isClientAccess(s) && rank(s.version) >= 2010 && !!owaHost(s));
  const pairs: [Server, Server][] = [];
  for (const src of ca) {
    for (const dst of ca) {
      if (dst.site === src.site || owaHost(dst) === owaHost(src)) continue;
      if (!isModern(src.version) && isModern(dst.version)) continue;
      const holds = f.mailboxServers.some(
        (mb) => mb.site === dst.site && (isModern(dst.version) ? isModern(mb.version) : mb.version === dst.version),
      );
      if (holds) pairs.push([src, dst]);
    }
  }
  return f.model.topology.servers.flatMap((s) => {
    if (!lacksForms(s)) return [];
    const asSource = pairs.filter(([src]) => src === s).map(([, dst]) => dst);
    const asTarget = pairs.filter(([, dst]) => dst === s).map(([src]) => src);
    if (asSource.length + asTarget.length === 0) return [];
    const partners = [...new Set([...asSource, ...asTarget].map((x) => x.name))];
    const sites = [...new Set([...asSource.map((d) => d.site), ...(asTarget.length ? [s.site] : [])])];
    const mailboxes = names(f.mailboxServers.filter((mb) => sites.includes(mb.site)));
    return [
      dx(
        "DX-14",
        "warning",
        serverPath(f.model, s, "auth", "owa"),
        ["owa:external"],
        [
          `OWA on ${s.name} does not use forms-based authentication (${list(s.auth?.owa ?? [])}), so`,
          `cross-site OWA redirects between ${s.name} and ${list(partners)} cannot be silent: users get a`,
          "page with a link and sign in a second time. Enable forms-based authentication on the OWA virtual",
          `directory of ${s.name}.`,
        ].join(" "),
        { mailboxes },
      ),
    ];
  });
}

/** S19 / ECP-4: with ECP ExternalUrls in several sites, 2016/2019 cross-site ECP loops into HTTP 400. */
export function checkEcpLoop(f: Facts): ScopedDiagnostic[] {
  const withUrl = f.model.topology.servers.filter((s) => rank(s.version) >= 2016 && isClientAccess(s) && !!s.urls?.ecp?.external);
  const sites = [...new Set(withUrl.map((s) => s.site))];
  const second = withUrl.find((s) => s.site === sites[1]);
  if (!second) return [];
  const mailboxes = names(f.mailboxServers.filter((mb) => rank(mb.version) >= 2016 && sites.includes(mb.site)));
  return [
    dx(
      "DX-15",
      "error",
      serverPath(f.model, second, "urls", "ecp", "external"),
      ["ecp:external"],
      [
        `${exchangeVersions(withUrl.map((s) => s.version))} servers in ${list(sites)} each have an ECP`,
        `ExternalUrl (${list(names(withUrl))}): opening ECP for a mailbox in another site redirects in a`,
        `loop until it fails with HTTP 400 "query string too long". Clear the ECP ExternalUrl on all but`,
        "one site (then ECP is proxied).",
      ].join(" "),
      { mailboxes },
    ),
  ];
}
