/**
 * P6, no input is silently ignored: every field the published JSON Schema accepts (topology and
 * scenario) changes a flow, a diagnostic or a note for some topology, or is refused with a message.
 * The test walks the schema field by field; each field has a mutation below, applied to a preset,
 * and the answers before and after (the whole audit plus the hybrid scenarios) must differ.
 */
import { describe, expect, it } from "vitest";
import { audit, presets, route, scenarioJsonSchema, topologyJsonSchema, validateTopology } from "../../core/index.ts";
import type { Scenario, Server, Topology } from "../../core/types.ts";

type Json = Record<string, unknown>;

/** Every property path of a JSON Schema: "topology.servers[].urls.owa.internal", "…extendedProtectionVdirs.*.frontEnd". */
function paths(s: Json, at: string, root: Json, out: Set<string>): Set<string> {
  if (typeof s.$ref === "string") return paths((root.$defs as Json)[s.$ref.split("/").pop() as string] as Json, at, root, out);
  for (const k of ["anyOf", "oneOf", "allOf"]) for (const x of (s[k] as Json[] | undefined) ?? []) paths(x, at, root, out);
  for (const [k, v] of Object.entries((s.properties as Json | undefined) ?? {})) {
    out.add(`${at}.${k}`);
    paths(v as Json, `${at}.${k}`, root, out);
  }
  if (s.additionalProperties && typeof s.additionalProperties === "object") paths(s.additionalProperties as Json, `${at}.*`, root, out);
  if (s.items && typeof s.items === "object") paths(s.items as Json, `${at}[]`, root, out);
  return out;
}

const PROTOCOLS = ["autodiscover", "outlook-anywhere", "mapi-http", "rpc-tcp", "owa", "ecp", "activesync", "ews", "oab", "pop3", "imap4"];

type Base = "contoso" | "o365info" | "contoso-hybrid" | "contoso-modern-hybrid";
interface Case {
  base: Base | (() => Topology);
  mutate: (t: Topology) => void;
  /** Extra scenarios to route besides the audit (hybrid kinds, hosts). */
  scenarios?: Scenario[];
}

const topo = (b: Case["base"]): Topology => (typeof b === "function" ? b() : structuredClone(presets[b]!.topology));
const srv = (t: Topology, name: string): Server => t.servers.find((s) => s.name === name)!;
const fb = (user: string, target: string): Scenario => ({ user, protocol: "ews", client: "external", kind: "free-busy", target });
const HYBRID_SCENARIOS: Scenario[] = [
  ...Object.values(presets["contoso-hybrid"]!.scenarios).map((s) => s.scenario),
  fb("bob", "alice"),
  { user: "bob", protocol: "ews", client: "external", kind: "smtp", target: "jo@fabrikam.net" },
  { user: "alice", protocol: "ews", client: "external", kind: "smtp", target: "jo@fabrikam.net" },
  { user: "jo@fabrikam.net", protocol: "ews", client: "external", kind: "smtp", target: "alice" },
  { user: "jo@fabrikam.net", protocol: "ews", client: "external", kind: "smtp", target: "bob" },
];

/** Everything exflow answers for a topology: the audit (every flow, every diagnostic) and the extra scenarios; or the refusal. */
function answers(t: Topology, extra: Scenario[]): string {
  const v = validateTopology(t);
  if (!v.ok) return `refused: ${v.issues.map((i) => i.message).join("; ")}`;
  // The audit holds every diagnostic and each cell's outcome; the flows themselves hold the hops and notes.
  const cells = t.users.flatMap((u) =>
    PROTOCOLS.flatMap((protocol) =>
      (["internal", "external"] as const).map((client) => route(t, { user: u.name, protocol: protocol as Scenario["protocol"], client })),
    ),
  );
  return JSON.stringify([audit(t), cells, extra.map((s) => route(t, s))]);
}

/** contoso-hybrid behind an SSL-offloading load balancer, without HMA, every vdir's Extended Protection on. */
function offloaded(): Topology {
  const t = structuredClone(presets["contoso-hybrid"]!.topology);
  t.hybrid!.hma = false;
  for (const n of t.namespaces) n.lb = { tls: "offload" };
  for (const s of t.servers) {
    s.extendedProtection = true;
    s.extendedProtectionVdirs = Object.fromEntries(
      (["autodiscover", "ews", "activesync", "mapi-http", "outlook-anywhere", "oab", "owa", "ecp"] as const).map((v) => [
        v,
        { frontEnd: "require" as const },
      ]),
    );
    s.outlookAnywhere = { enabled: true, externalHostname: "mail.contoso.com" };
  }
  return t;
}

/** Two 2010 sites behind their own names: OWA across sites is a redirect (X-LEG-4). */
function legacy2010(): Topology {
  const owa = (host: string) => ({ owa: { internal: `https://${host}/owa`, external: `https://${host}/owa` } });
  return {
    domain: "contoso.com",
    sites: [{ name: "A" }, { name: "B" }],
    servers: [
      {
        name: "CAS10A",
        version: 2010,
        build: "SP3 RU30",
        roles: ["cas"],
        site: "A",
        urls: owa("mail.contoso.com"),
        auth: { owa: ["forms"] },
      },
      { name: "MBX10A", version: 2010, build: "SP3 RU30", roles: ["mailbox"], site: "A" },
      {
        name: "CAS10B",
        version: 2010,
        build: "SP3 RU30",
        roles: ["cas"],
        site: "B",
        urls: owa("region.contoso.com"),
        auth: { owa: ["forms"] },
      },
      { name: "MBX10B", version: 2010, build: "SP3 RU30", roles: ["mailbox"], site: "B" },
    ],
    namespaces: [
      { host: "mail.contoso.com", servers: ["CAS10A"] },
      { host: "region.contoso.com", servers: ["CAS10B"] },
    ],
    users: [{ name: "ub", mailbox: "MBX10B" }],
  };
}

/** One mutation per schema path; `*` and `[]` stand for any key or element. */
const CASES: Record<string, Case> = {
  "topology.name": { base: "contoso", mutate: (t) => (t.name = "renamed") },
  "topology.domain": { base: "contoso", mutate: (t) => (t.domain = "fabrikam.com") },
  // A site is referenced by its servers: leaving one out is refused with a message.
  "topology.sites": { base: "contoso", mutate: (t) => t.sites.splice(2, 1) },
  "topology.sites[].name": {
    base: "contoso",
    mutate: (t) => {
      t.sites[2]!.name = "Site9";
      for (const s of t.servers) if (s.site === "Site3") s.site = "Site9";
    },
  },
  "topology.sites[].internetFacing": { base: "contoso", mutate: (t) => (t.sites[2]!.internetFacing = true) },
  "topology.servers": {
    base: "contoso",
    mutate: (t) =>
      t.servers.splice(
        t.servers.findIndex((s) => s.name === "S3-CAS2010"),
        1,
      ),
  },
  "topology.servers[].name": {
    base: "o365info",
    mutate: (t) => {
      const s = t.servers[0]!;
      const old = s.name;
      s.name = "RENAMED";
      for (const n of t.namespaces) n.servers = n.servers.map((x) => (x === old ? "RENAMED" : x));
      for (const u of t.users) if (u.mailbox === old) u.mailbox = "RENAMED";
    },
  },
  "topology.servers[].fqdn": { base: "contoso", mutate: (t) => (srv(t, "S3-CAS2010").fqdn = "s3.contoso.local") },
  "topology.servers[].version": { base: "contoso", mutate: (t) => (srv(t, "S2-MBX2013").version = 2016) },
  "topology.servers[].roles": { base: "contoso", mutate: (t) => (srv(t, "S1-CAS2013").roles = ["cas", "mailbox"]) },
  "topology.servers[].site": { base: "contoso", mutate: (t) => (srv(t, "S3-MBX2010").site = "Site2") },
  "topology.servers[].build": { base: "contoso", mutate: (t) => (srv(t, "S1-CAS2013").build = "CU1") },
  "topology.servers[].urls": { base: "contoso", mutate: (t) => delete srv(t, "S2-CAS2013").urls },
  "topology.servers[].outlookAnywhere": { base: "contoso", mutate: (t) => delete srv(t, "S2-CAS2010").outlookAnywhere },
  "topology.servers[].outlookAnywhere.enabled": { base: "contoso", mutate: (t) => (srv(t, "S2-CAS2010").outlookAnywhere!.enabled = false) },
  "topology.servers[].outlookAnywhere.externalHostname": {
    base: "contoso",
    mutate: (t) => (srv(t, "S1-CAS2013").outlookAnywhere!.externalHostname = "mail-region.contoso.com"),
  },
  "topology.servers[].outlookAnywhere.internalHostname": {
    base: "contoso",
    mutate: (t) => (srv(t, "S1-CAS2013").outlookAnywhere!.internalHostname = "mail-region.contoso.com"),
  },
  "topology.servers[].outlookAnywhere.clientAuth": {
    base: "contoso",
    mutate: (t) => (srv(t, "S1-CAS2013").outlookAnywhere!.clientAuth = "negotiate"),
  },
  "topology.servers[].outlookAnywhere.iisAuth": {
    base: "contoso",
    mutate: (t) => (srv(t, "S1-CAS2010").outlookAnywhere!.iisAuth = ["basic"]),
  },
  "topology.servers[].outlookAnywhere.sslOffloading": {
    base: "contoso",
    mutate: (t) => {
      srv(t, "S1-CAS2013").outlookAnywhere!.sslOffloading = true;
      srv(t, "S1-CAS2013").extendedProtection = true;
    },
  },
  "topology.servers[].outlookAnywhere.rpcProxyInstalled": {
    base: "contoso",
    mutate: (t) => (srv(t, "S2-CAS2010").outlookAnywhere!.rpcProxyInstalled = false),
  },
  "topology.servers[].auth": { base: "contoso", mutate: (t) => (srv(t, "S2-CAS2013").auth = { owa: ["basic"] }) },
  "topology.servers[].autodiscoverInternalUri": { base: "contoso", mutate: (t) => delete srv(t, "S1-CAS2013").autodiscoverInternalUri },
  "topology.servers[].rpcClientAccessServer": {
    base: "contoso",
    mutate: (t) => (srv(t, "S1-MBX2010").rpcClientAccessServer = "nowhere.contoso.local"),
  },
  "topology.servers[].crossSiteRedirectType": {
    base: legacy2010,
    scenarios: [{ user: "ub", protocol: "owa", client: "external", host: "mail.contoso.com" }],
    mutate: (t) => {
      for (const s of t.servers) if (s.roles.includes("cas")) s.crossSiteRedirectType = "Silent";
    },
  },
  "topology.servers[].extendedProtection": { base: "contoso-modern-hybrid", mutate: (t) => (srv(t, "EX1").extendedProtection = true) },
  "topology.servers[].extendedProtectionVdirs": {
    base: "contoso-hybrid",
    mutate: (t) => {
      t.namespaces[0]!.lb = { tls: "offload" };
      srv(t, "EX1").extendedProtectionVdirs = { ews: { frontEnd: "off" } };
      srv(t, "EX2").extendedProtectionVdirs = { ews: { frontEnd: "off" } };
    },
  },
  "topology.servers[].extendedProtectionVdirs.*.frontEnd": {
    base: "contoso-hybrid",
    mutate: (t) => {
      t.namespaces[1]!.lb = { tls: "offload" };
      t.hybrid!.hma = false;
      srv(t, "EX1").extendedProtectionVdirs = { autodiscover: { frontEnd: "require" } };
    },
  },
  "topology.servers[].extendedProtectionVdirs.*.backEnd": {
    base: "contoso-hybrid",
    mutate: (t) => {
      srv(t, "EX1").extendedProtectionVdirs = { ews: { backEnd: "off" } };
    },
  },
  "topology.servers[].mrsProxy": { base: "contoso-hybrid", mutate: (t) => (srv(t, "EX2").mrsProxy = false) },
  "topology.servers[].outbound443": { base: "contoso-hybrid", mutate: (t) => (srv(t, "EX2").outbound443 = false) },
  "topology.namespaces": { base: "contoso", mutate: (t) => t.namespaces.splice(2, 1) },
  "topology.namespaces[].host": {
    base: "contoso",
    mutate: (t) => {
      t.namespaces[2]!.host = "old.contoso.com";
    },
  },
  "topology.namespaces[].servers": { base: "contoso", mutate: (t) => (t.namespaces[0]!.servers = ["S1-CAS2010"]) },
  "topology.namespaces[].internal": { base: "contoso", mutate: (t) => (t.namespaces[0]!.internal = false) },
  "topology.namespaces[].external": { base: "contoso", mutate: (t) => (t.namespaces[2]!.external = false) },
  "topology.namespaces[].certificate": { base: "contoso", mutate: (t) => (t.namespaces[0]!.certificate = false) },
  "topology.namespaces[].lb": { base: "contoso-hybrid", mutate: (t) => delete t.namespaces[0]!.lb },
  "topology.namespaces[].lb.tls": { base: "contoso-hybrid", mutate: (t) => (t.namespaces[0]!.lb!.tls = "offload") },
  "topology.namespaces[].lb.sameCertificate": { base: "contoso-hybrid", mutate: (t) => (t.namespaces[0]!.lb!.sameCertificate = false) },
  "topology.namespaces[].lb.smtp": { base: "contoso-hybrid", mutate: (t) => (t.namespaces[0]!.lb!.smtp = "terminate") },
  "topology.namespaces[].preAuth": { base: "contoso-hybrid", mutate: (t) => (t.namespaces[1]!.preAuth = true) },
  "topology.users": { base: "contoso", mutate: (t) => t.users.pop() },
  "topology.users[].name": { base: "contoso", mutate: (t) => (t.users[0]!.name = "zed") },
  "topology.users[].mailbox": { base: "contoso", mutate: (t) => (t.users[0]!.mailbox = "S2-MBX2013") },
  "topology.users[].oabAssigned": { base: "contoso", mutate: (t) => (t.users.find((u) => u.name === "ben")!.oabAssigned = false) },
  "topology.users[].recentlyMoved": { base: "contoso", mutate: (t) => (t.users[0]!.recentlyMoved = true) },
  "topology.users[].location": {
    base: "contoso-hybrid",
    mutate: (t) => {
      t.users[2]!.location = "onprem";
      t.users[2]!.mailbox = "EX1";
    },
  },
  "topology.users[].targetAddress": {
    base: "contoso-hybrid",
    mutate: (t) => (t.users[2]!.targetAddress = "bob@elsewhere.mail.onmicrosoft.com"),
  },
  "topology.offlineAddressBook": { base: "contoso", mutate: (t) => (t.offlineAddressBook = { generationServer: "S2-MBX2013" }) },
  "topology.offlineAddressBook.generationServer": {
    base: "contoso",
    mutate: (t) => (t.offlineAddressBook = { generationServer: "S2-MBX2013" }),
  },
  "topology.offlineAddressBook.distribution": { base: "contoso", mutate: (t) => (t.offlineAddressBook = { distribution: ["S2-CAS2010"] }) },
  "topology.profile": { base: "o365info", mutate: (t) => (t.profile = t.profile === "microsoft" ? "o365info" : "microsoft") },
  "topology.hybrid": { base: "contoso-hybrid", mutate: (t) => (t.hybrid = { type: "minimal" }) },
  "topology.hybrid.type": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.type = "minimal") },
  "topology.hybrid.tenant": {
    base: "contoso-hybrid",
    mutate: (t) => {
      delete t.hybrid!.routingDomain;
      t.hybrid!.tenant = "other.onmicrosoft.com";
      for (const u of t.users) delete u.targetAddress;
    },
  },
  "topology.hybrid.routingDomain": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.routingDomain = "other.mail.onmicrosoft.com") },
  "topology.hybrid.onPremDomains": {
    base: "contoso-hybrid",
    mutate: (t) => {
      t.hybrid!.onPremDomains = ["contoso.com", "fabrikam.net"];
      delete t.hybrid!.sendConnector!.smartHost;
    },
  },
  "topology.hybrid.hybridServers": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.hybridServers = ["EX3"]) },
  "topology.hybrid.hma": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.hma = false) },
  "topology.hybrid.spns": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.spns = ["mail.contoso.com"]) },
  "topology.hybrid.dedicatedApp": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.dedicatedApp = false) },
  "topology.hybrid.identityFederation": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.identityFederation = true) },
  "topology.hybrid.mx": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.mx = "onprem") },
  "topology.hybrid.centralizedTransport": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.centralizedTransport = true) },
  "topology.hybrid.orgRelationship": { base: "contoso-hybrid", mutate: (t) => delete t.hybrid!.orgRelationship },
  "topology.hybrid.orgRelationship.onPrem": { base: "contoso-hybrid", mutate: (t) => delete t.hybrid!.orgRelationship!.onPrem },
  "topology.hybrid.orgRelationship.onPrem.targetOwaUrl": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.orgRelationship!.onPrem!.targetOwaUrl = "https://outlook.office.com/owa/contoso.com"),
  },
  "topology.hybrid.orgRelationship.onPrem.freeBusy": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.orgRelationship!.onPrem!.freeBusy = false),
  },
  "topology.hybrid.orgRelationship.onPrem.targetSharingEpr": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.orgRelationship!.onPrem!.targetSharingEpr = "https://outlook.office365.com/EWS/Exchange.asmx"),
  },
  "topology.hybrid.orgRelationship.exo": { base: "contoso-modern-hybrid", mutate: (t) => delete t.hybrid!.orgRelationship!.exo },
  "topology.hybrid.orgRelationship.exo.targetAutodiscoverEpr": {
    base: "contoso-modern-hybrid",
    mutate: (t) => {
      t.hybrid!.type = "classic";
      delete t.hybrid!.hybridAgent;
      t.hybrid!.orgRelationship!.exo = { targetAutodiscoverEpr: "https://mail.contoso.com/autodiscover/autodiscover.svc/WSSecurity" };
    },
  },
  "topology.hybrid.orgRelationship.exo.targetSharingEpr": {
    base: "contoso-hybrid",
    mutate: (t) => {
      delete t.hybrid!.ioc;
      t.hybrid!.orgRelationship!.exo = { targetSharingEpr: "https://mail.contoso.com/EWS/Exchange.asmx" };
    },
  },
  "topology.hybrid.ioc": { base: "contoso-hybrid", mutate: (t) => delete t.hybrid!.ioc },
  "topology.hybrid.ioc.onPrem": { base: "contoso-hybrid", mutate: (t) => delete t.hybrid!.ioc!.onPrem },
  "topology.hybrid.ioc.onPrem.enabled": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.ioc!.onPrem!.enabled = false) },
  "topology.hybrid.ioc.onPrem.discoveryEndpoint": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.ioc!.onPrem!.discoveryEndpoint = "https://outlook.office365.com/autodiscover/autodiscover.svc"),
  },
  "topology.hybrid.ioc.exo": { base: "contoso-hybrid", mutate: (t) => delete t.hybrid!.ioc!.exo },
  "topology.hybrid.ioc.exo.enabled": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.ioc!.exo!.enabled = false) },
  "topology.hybrid.ioc.exo.discoveryEndpoint": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.ioc!.exo!.discoveryEndpoint = "https://mail.contoso.com/autodiscover/autodiscover.svc"),
  },
  "topology.hybrid.migrationEndpoint": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.migrationEndpoint = "europe.contoso.com") },
  "topology.hybrid.hybridAgent": {
    base: "contoso-modern-hybrid",
    mutate: (t) => (t.hybrid = { ...t.hybrid!, type: "classic", hybridAgent: undefined }),
  },
  "topology.hybrid.hybridAgent.url": {
    base: "contoso-modern-hybrid",
    mutate: (t) => (t.hybrid!.hybridAgent!.url = "00000000-1111-2222-3333-contoso.resource.mailboxmigration.his.msappproxy.net"),
  },
  "topology.hybrid.hybridAgent.targetServer": {
    base: "contoso-modern-hybrid",
    mutate: (t) => (t.hybrid!.hybridAgent!.targetServer = "EX2"),
  },
  "topology.hybrid.hybridAgent.online": { base: "contoso-modern-hybrid", mutate: (t) => (t.hybrid!.hybridAgent!.online = false) },
  "topology.hybrid.sendConnector": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.sendConnector = { trustedCertificate: false }) },
  "topology.hybrid.sendConnector.smartHost": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.sendConnector!.smartHost = "contoso-net.mail.protection.outlook.com"),
  },
  "topology.hybrid.sendConnector.sourceServers": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.sendConnector!.sourceServers = ["EX1"]),
  },
  "topology.hybrid.sendConnector.trustedCertificate": {
    base: "contoso-hybrid",
    mutate: (t) => (t.hybrid!.sendConnector!.trustedCertificate = false),
  },
  "topology.hybrid.inboundHost": { base: "contoso-hybrid", mutate: (t) => (t.hybrid!.inboundHost = "europe.contoso.com") },
};

/** Per-protocol fields: urls.<p> (a name exflow does not know: DX-20), auth.<p> (EP meets Windows authentication; DX-21 without a vdir). */
for (const p of PROTOCOLS) {
  const proto = p as Scenario["protocol"];
  const unknown = (side: "internal" | "external") => (t: Topology) => {
    const s = srv(t, "S1-CAS2013");
    s.urls = { ...s.urls, [proto]: { ...s.urls?.[proto], [side]: `https://unknown-${p}.contoso.com/${p}` } };
  };
  CASES[`topology.servers[].urls.${p}`] = { base: "contoso", mutate: unknown("external") };
  CASES[`topology.servers[].urls.${p}.internal`] = { base: "contoso", mutate: unknown("internal") };
  CASES[`topology.servers[].urls.${p}.external`] = { base: "contoso", mutate: unknown("external") };
  // Windows authentication by default (Outlook's calls) becomes Basic, and the others become NTLM.
  const windows = ["mapi-http", "ews", "oab", "autodiscover", "outlook-anywhere"].includes(p);
  CASES[`topology.servers[].auth.${p}`] = {
    base: offloaded,
    mutate: (t) => {
      for (const s of t.servers) s.auth = { ...s.auth, [proto]: windows ? ["basic"] : ["ntlm"] };
    },
  };
}

const SCENARIO_CASES: Record<string, [Scenario, Scenario]> = {
  "scenario.user": [fb("bob", "alice"), fb("dana", "alice")],
  "scenario.protocol": [
    { user: "alice", protocol: "owa", client: "external" },
    { user: "alice", protocol: "ews", client: "external" },
  ],
  "scenario.client": [
    { user: "alice", protocol: "owa", client: "external" },
    { user: "alice", protocol: "owa", client: "internal" },
  ],
  "scenario.host": [
    { user: "carol", protocol: "owa", client: "external" },
    { user: "carol", protocol: "owa", client: "external", host: "europe.contoso.com" },
  ],
  "scenario.profile": [
    { user: "alice", protocol: "owa", client: "external" },
    { user: "alice", protocol: "owa", client: "external", profile: "o365info" },
  ],
  "scenario.kind": [
    { user: "alice", protocol: "ews", client: "external" },
    { user: "alice", protocol: "ews", client: "external", kind: "mailbox-move" },
  ],
  "scenario.target": [fb("bob", "alice"), fb("bob", "carol")],
  "scenario.app": [
    { user: "bob", protocol: "activesync", client: "external" },
    { user: "bob", protocol: "activesync", client: "external", app: "eas-no-451" },
  ],
};

const schemaPaths = [
  ...paths(topologyJsonSchema() as Json, "topology", topologyJsonSchema() as Json, new Set()),
  ...paths(scenarioJsonSchema() as Json, "scenario", scenarioJsonSchema() as Json, new Set()),
];

describe("P6: no input is silently ignored", () => {
  it("the schema walk finds the fields (and every field has a case here)", () => {
    expect(schemaPaths.length).toBeGreaterThan(120);
    expect(schemaPaths.filter((p) => !CASES[p] && !SCENARIO_CASES[p])).toEqual([]);
  });

  it.each(schemaPaths.filter((p) => CASES[p]).map((p) => [p] as const))("%s changes an answer", (path) => {
    const c = CASES[path]!;
    const extra = [...(topo(c.base).hybrid ? HYBRID_SCENARIOS : []), ...(c.scenarios ?? [])];
    const before = answers(topo(c.base), extra);
    const t = topo(c.base);
    c.mutate(t);
    expect(before.startsWith("refused"), "the base preset is valid").toBe(false);
    expect(answers(t, extra)).not.toBe(before);
  });

  it.each(Object.keys(SCENARIO_CASES).map((p) => [p] as const))("%s changes the flow", (path) => {
    const [a, b] = SCENARIO_CASES[path]!;
    const t = topo("contoso-hybrid");
    expect(JSON.stringify(route(t, b))).not.toBe(JSON.stringify(route(t, a)));
  });
});
