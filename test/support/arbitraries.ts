/**
 * fast-check arbitraries for *valid* topologies: a supported version mix, sites, servers with
 * random vdir URLs and Outlook Anywhere settings, namespaces over a small host pool, users on
 * mailbox servers. Misconfigurations (missing CAS, unpublished names) arise naturally.
 */
import fc from "fast-check";
import { PROTOCOLS, type Protocol, type Scenario, type Server, type Topology, type Version } from "../../core/types.ts";
import { rank } from "../../core/versions.ts";

const MIXES: Version[][] = [
  [2007, 2013],
  [2010, 2013],
  [2007, 2010, 2013],
  [2010, 2016],
  [2013, 2016],
  [2010, 2013, 2016],
  [2013, 2019],
  [2013, 2016, 2019],
  [2007, 2010],
  [2016, 2019, "SE"],
  [2019, "SE"],
];
export const HOSTS = ["mail.x.com", "legacy.x.com", "region.x.com", "autodiscover.x.com", "old.x.com"];
const WEB: Protocol[] = PROTOCOLS.filter((p) => p !== "rpc-tcp");

const urlFor = (host: string, p: Protocol) => (p === "pop3" || p === "imap4" ? `${host}:995` : `https://${host}/${p}`);

function serverArb(name: string, site: string, version: Version, cas: boolean): fc.Arbitrary<Server> {
  const hosts = [...HOSTS, `${name.toLowerCase()}.x.local`];
  return fc
    .record({
      urls: fc.dictionary(
        fc.constantFrom(...WEB),
        fc.record({
          internal: fc.option(fc.constantFrom(...hosts), { nil: undefined }),
          external: fc.option(fc.constantFrom(...hosts), { nil: undefined }),
        }),
        { maxKeys: 5 },
      ),
      oa: fc.option(fc.record({ enabled: fc.boolean(), externalHostname: fc.constantFrom(...HOSTS) }), { nil: undefined }),
      forms: fc.boolean(),
    })
    .map(({ urls, oa, forms }) => {
      const s: Server = {
        name,
        fqdn: `${name.toLowerCase()}.x.local`,
        version,
        roles: rank(version) >= 2016 ? ["mailbox"] : cas ? ["cas"] : ["mailbox"],
        site,
      };
      if (cas || rank(version) >= 2016) {
        s.urls = {};
        for (const [p, u] of Object.entries(urls) as [Protocol, { internal?: string; external?: string }][]) {
          s.urls[p] = {};
          if (u.internal) s.urls[p]!.internal = urlFor(u.internal, p);
          if (u.external) s.urls[p]!.external = urlFor(u.external, p);
        }
        if (oa) s.outlookAnywhere = oa;
        if (forms) s.auth = { owa: ["forms"], ecp: ["forms"] };
      }
      return s;
    });
}

export const topologyArb: fc.Arbitrary<Topology> = fc
  .record({
    mix: fc.constantFrom(...MIXES),
    siteCount: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  })
  .chain(({ mix, siteCount, seed }) => {
    const sites = Array.from({ length: siteCount }, (_, i) => ({ name: `Site${i}` }));
    const plan: { name: string; site: string; version: Version; cas: boolean }[] = [];
    let k = 0;
    for (const site of sites)
      for (const v of mix) {
        if (rank(v) < 2016 && (seed[k++ % seed.length] || site.name === "Site0"))
          plan.push({ name: `${site.name}-CAS${v}`, site: site.name, version: v, cas: true });
        if (seed[k++ % seed.length] || site.name === "Site0")
          plan.push({ name: `${site.name}-MBX${v}`, site: site.name, version: v, cas: false });
      }
    const front = plan.filter((p) => p.cas || rank(p.version) >= 2016).map((p) => p.name);
    const mailboxes = plan.filter((p) => !p.cas).map((p) => p.name);
    return fc
      .record({
        servers: fc.tuple(...plan.map((p) => serverArb(p.name, p.site, p.version, p.cas))),
        namespaces: fc.uniqueArray(
          fc.record({
            host: fc.constantFrom(...HOSTS),
            servers: fc.subarray(front, { minLength: 1 }),
            external: fc.constantFrom(true, true, true, false),
            internal: fc.constantFrom(true, true, true, false),
          }),
          { selector: (n) => n.host, maxLength: HOSTS.length },
        ),
        users: fc.uniqueArray(fc.record({ name: fc.constantFrom("u1", "u2", "u3", "u4", "u5"), mailbox: fc.constantFrom(...mailboxes) }), {
          selector: (u) => u.name,
          minLength: 1,
          maxLength: 5,
        }),
      })
      .map(({ servers, namespaces, users }) => ({ name: "generated", domain: "x.com", sites, servers, namespaces, users }));
  });

export const scenarioArb = (t: Topology): fc.Arbitrary<Scenario> =>
  fc
    .record({
      user: fc.constantFrom(...t.users.map((u) => u.name)),
      protocol: fc.constantFrom(...PROTOCOLS),
      client: fc.constantFrom("internal" as const, "external" as const),
      host: fc.option(fc.constantFrom(...t.namespaces.map((n) => n.host), ...HOSTS.slice(0, 1)), { nil: undefined, freq: 3 }),
      profile: fc.constantFrom("o365info" as const, "microsoft" as const),
    })
    .map((s) => {
      const out: Scenario = { user: s.user, protocol: s.protocol, client: s.client, profile: s.profile };
      if (s.host) out.host = s.host;
      return out;
    });

export const caseArb = topologyArb.chain((t) => fc.tuple(fc.constant(t), fc.array(scenarioArb(t), { minLength: 1, maxLength: 8 })));
