/**
 * validateTopology: one row per class of bad input, each asserting the code, the path and the
 * key words of the message. Rows start from a valid preset and break one thing.
 */
import { describe, expect, it } from "vitest";
import { fabrikam } from "../../core/presets/fabrikam.ts";
import { o365info } from "../../core/presets/o365info.ts";
import { presets } from "../../core/presets/index.ts";
import type { Issue, Topology } from "../../core/types.ts";
import { validateTopology } from "../../core/validate/index.ts";

// Loosely typed copies: the point is to feed the validator what the types forbid.
// biome-ignore lint/suspicious/noExplicitAny: these copies exist to break the types the validator guards
type Loose = Record<string, any>;
const copy = (t: Topology): Loose => structuredClone(t) as Loose;

interface Row {
  name: string;
  from?: Topology;
  mutate: (t: Loose) => void;
  code: string;
  path: (string | number)[];
  words: string[];
}

const rows: Row[] = [
  {
    name: "misspelt field",
    mutate: (t) => (t.servers[2].verison = 2007),
    code: "UNKNOWN_FIELD",
    path: ["servers", 2, "verison"],
    words: ['did you mean "version"?', "Allowed: name, fqdn, version"],
  },
  {
    name: "unknown topology field",
    mutate: (t) => (t.sitez = []),
    code: "UNKNOWN_FIELD",
    path: ["sitez"],
    words: ['did you mean "sites"?'],
  },
  {
    name: "misspelt protocol key",
    mutate: (t) => (t.servers[0].urls.mapihttp = {}),
    code: "UNKNOWN_FIELD",
    path: ["servers", 0, "urls", "mapihttp"],
    words: ['"mapi-http"'],
  },
  {
    name: "missing site",
    mutate: (t) => delete t.servers[0].site,
    code: "REQUIRED",
    path: ["servers", 0, "site"],
    words: ["required", "missing"],
  },
  { name: "missing users", mutate: (t) => delete t.users, code: "REQUIRED", path: ["users"], words: ["required", "list"] },
  {
    name: "version as a string",
    mutate: (t) => (t.servers[1].version = "2013"),
    code: "ENUM",
    path: ["servers", 1, "version"],
    words: ["without quotes", "2007, 2010, 2013, 2016, 2019"],
  },
  {
    name: "unknown version",
    mutate: (t) => (t.servers[1].version = 2012),
    code: "ENUM",
    path: ["servers", 1, "version"],
    words: ["2012", "allowed: 2007, 2010, 2013, 2016, 2019"],
  },
  {
    name: "build number as version",
    mutate: (t) => (t.servers[1].version = 15.1),
    code: "ENUM",
    path: ["servers", 1, "version"],
    words: ["build number", "2016"],
  },
  {
    name: "roles as a string",
    mutate: (t) => (t.servers[0].roles = "cas"),
    code: "TYPE",
    path: ["servers", 0, "roles"],
    words: ["expected a list", 'got a string ("cas")', '["cas"]'],
  },
  { name: "no roles", mutate: (t) => (t.servers[0].roles = []), code: "EMPTY", path: ["servers", 0, "roles"], words: ["at least 1"] },
  {
    name: "role in capitals",
    mutate: (t) => (t.servers[0].roles = ["CAS"]),
    code: "ENUM",
    path: ["servers", 0, "roles", 0],
    words: ['did you mean "cas"?', "cas, mailbox"],
  },
  {
    name: "transport role",
    mutate: (t) => (t.servers[0].roles = ["hub"]),
    code: "ENUM",
    path: ["servers", 0, "roles", 0],
    words: ["Hub Transport", "cas, mailbox"],
  },
  {
    name: "role twice",
    mutate: (t) => (t.servers[0].roles = ["cas", "cas"]),
    code: "DUPLICATE",
    path: ["servers", 0, "roles", 1],
    words: ['"cas"', "twice"],
  },
  {
    name: "CAS role on 2016",
    from: fabrikam.topology,
    mutate: (t) => (t.servers[0].roles = ["cas"]),
    code: "ROLE",
    path: ["servers", 0, "roles"],
    words: ["2016", "merged", "Mailbox", '["mailbox"]'],
  },
  {
    name: "CAS and Mailbox on 2016",
    from: fabrikam.topology,
    mutate: (t) => (t.servers[0].roles = ["cas", "mailbox"]),
    code: "ROLE",
    path: ["servers", 0, "roles"],
    words: ["2016", '["mailbox"]'],
  },
  {
    name: "duplicate server (case)",
    mutate: (t) => (t.servers[7].name = "ny-cas2013"),
    code: "DUPLICATE",
    path: ["servers", 7, "name"],
    words: ["ny-cas2013", "servers[0].name", "case-insensitively"],
  },
  {
    name: "duplicate site",
    mutate: (t) => t.sites.push({ name: "MADRID" }),
    code: "DUPLICATE",
    path: ["sites", 3, "name"],
    words: ["site", "sites[2].name"],
  },
  {
    name: "duplicate user",
    mutate: (t) => t.users.push({ name: "Bob", mailbox: "LA-MBX2007" }),
    code: "DUPLICATE",
    path: ["users", 4, "name"],
    words: ["user", '"Bob"'],
  },
  {
    name: "duplicate namespace host",
    mutate: (t) => t.namespaces.push({ host: "Mail.O365info.com", servers: ["NY-CAS2013"] }),
    code: "DUPLICATE",
    path: ["namespaces", 4, "host"],
    words: ["namespace host", "namespaces[0].host"],
  },
  {
    name: "server twice in a namespace",
    mutate: (t) => t.namespaces[0].servers.push("NY-CAS2013"),
    code: "DUPLICATE",
    path: ["namespaces", 0, "servers", 1],
    words: ["twice"],
  },
  {
    name: "server in no site",
    mutate: (t) => (t.servers[3].site = "new york"),
    code: "REFERENCE",
    path: ["servers", 3, "site"],
    words: ['no site "new york"', 'did you mean "New York"?', "Known sites: New York, Los Angeles, Madrid"],
  },
  {
    name: "namespace to no server",
    mutate: (t) => (t.namespaces[2].servers = ["NY-CAS2070"]),
    code: "REFERENCE",
    path: ["namespaces", 2, "servers", 0],
    words: ['no server "NY-CAS2070"', 'did you mean "NY-CAS2007"?'],
  },
  {
    name: "OAB generation on no server",
    mutate: (t) => (t.offlineAddressBook = { generationServer: "NY-MBX2031" }),
    code: "REFERENCE",
    path: ["offlineAddressBook", "generationServer"],
    words: ['no server "NY-MBX2031"', 'did you mean "NY-MBX2013"?'],
  },
  {
    name: "OAB generation on a 2007 server",
    mutate: (t) => (t.offlineAddressBook = { generationServer: "NY-MBX2007" }),
    code: "ROLE",
    path: ["offlineAddressBook", "generationServer"],
    words: ["not a Mailbox server of Exchange 2013 or later"],
  },
  {
    name: "OAB distributed by a mailbox-only server",
    mutate: (t) => (t.offlineAddressBook = { distribution: ["LA-MBX2007"] }),
    code: "ROLE",
    path: ["offlineAddressBook", "distribution", 0],
    words: ["runs no client access"],
  },
  {
    name: "mailbox on no server",
    mutate: (t) => (t.users[1].mailbox = "LA-MBX"),
    code: "REFERENCE",
    path: ["users", 1, "mailbox"],
    words: ['no server "LA-MBX"', "Mailbox servers: NY-MBX2013"],
  },
  {
    name: "mailbox on a CAS",
    mutate: (t) => (t.users[0].mailbox = "NY-CAS2007"),
    code: "ROLE",
    path: ["users", 0, "mailbox"],
    words: ["no Mailbox role", "Mailbox servers:"],
  },
  {
    name: "namespace on mailbox servers only",
    mutate: (t) => (t.namespaces[0].servers = ["NY-MBX2013", "NY-MBX2007"]),
    code: "ROLE",
    path: ["namespaces", 0, "servers"],
    words: ["client access", "Client Access server"],
  },
  {
    name: "2016 with 2007",
    mutate: (t) => t.servers.push({ name: "NY-EX2016", version: 2016, roles: ["mailbox"], site: "New York" }),
    code: "VERSION_MIX",
    path: ["servers", 8, "version"],
    words: ["Exchange 2016 cannot be installed", "Exchange 2007", "NY-CAS2007", "remove 2007 first or keep 2013"],
  },
  {
    name: "2019 with 2010",
    from: fabrikam.topology,
    mutate: (t) => (t.servers[4].version = 2019),
    code: "VERSION_MIX",
    path: ["servers", 4, "version"],
    words: ["Exchange 2019", "Exchange 2010", "HQ-CAS2010", "keep 2016"],
  },
  {
    name: "host with underscore",
    mutate: (t) => (t.namespaces[1].host = "auto_discover.o365info.com"),
    code: "HOST",
    path: ["namespaces", 1, "host"],
    words: ["not a valid host name", "underscores"],
  },
  {
    name: "URL as host",
    mutate: (t) => (t.servers[0].fqdn = "https://ny-cas2013.o365info.local/"),
    code: "HOST",
    path: ["servers", 0, "fqdn"],
    words: ["host name only"],
  },
  { name: "host label too long", mutate: (t) => (t.domain = `${"a".repeat(64)}.com`), code: "HOST", path: ["domain"], words: ["1-63"] },
  {
    name: "ftp URL",
    mutate: (t) => (t.servers[0].urls.owa.internal = "ftp://mail.o365info.com/owa"),
    code: "URL",
    path: ["servers", 0, "urls", "owa", "internal"],
    words: ["https:// or http://"],
  },
  {
    name: "relative URL",
    mutate: (t) => (t.servers[0].urls.ews.external = "/EWS/Exchange.asmx"),
    code: "URL",
    path: ["servers", 0, "urls", "ews", "external"],
    words: ["not an absolute URL"],
  },
  {
    name: "URL with a space",
    mutate: (t) => (t.servers[0].autodiscoverInternalUri = "https://autodiscover.o365info.com/Auto discover"),
    code: "URL",
    path: ["servers", 0, "autodiscoverInternalUri"],
    words: ["spaces"],
  },
  {
    name: "URL with credentials",
    mutate: (t) => (t.servers[0].urls.owa.external = "https://u:p@mail.o365info.com/owa"),
    code: "URL",
    path: ["servers", 0, "urls", "owa", "external"],
    words: ["user name or password"],
  },
  {
    name: "POP3 port out of range",
    mutate: (t) => (t.servers[0].urls.pop3.external = "mail.o365info.com:99999"),
    code: "URL",
    path: ["servers", 0, "urls", "pop3", "external"],
    words: ["port", "65535"],
  },
  {
    name: "unknown auth method",
    mutate: (t) => (t.servers[0].auth.owa = ["fba"]),
    code: "ENUM",
    path: ["servers", 0, "auth", "owa", 0],
    words: ["forms"],
  },
  {
    name: "name too long",
    mutate: (t) => (t.sites[0].name = "x".repeat(300)),
    code: "LIMIT",
    path: ["sites", 0, "name"],
    words: ["256 characters"],
  },
  {
    name: "too many sites",
    mutate: (t) => (t.sites = Array.from({ length: 201 }, (_, i) => ({ name: `S${i}` }))),
    code: "LIMIT",
    path: ["sites"],
    words: ["200 entries"],
  },
  { name: "empty name", mutate: (t) => (t.users[0].name = ""), code: "EMPTY", path: ["users", 0, "name"], words: ["must not be empty"] },
  {
    name: "sites not a list",
    mutate: (t) => (t.sites = { name: "New York" }),
    code: "TYPE",
    path: ["sites"],
    words: ["expected a list", "an object"],
  },
  {
    name: "boolean as a string",
    mutate: (t) => (t.namespaces[0].internal = "yes"),
    code: "TYPE",
    path: ["namespaces", 0, "internal"],
    words: ["true or false", '"yes"'],
  },
];

function run(row: Row): Issue[] {
  const t = copy(row.from ?? o365info.topology);
  row.mutate(t);
  const r = validateTopology(t);
  return r.ok ? [] : r.issues;
}

describe("validateTopology: each class of bad input", () => {
  it.each(rows)("$name → $code", (row) => {
    const issues = run(row);
    const path = ["topology", ...row.path];
    const hit = issues.find((i) => i.code === row.code && JSON.stringify(i.path) === JSON.stringify(path));
    expect(hit, JSON.stringify(issues, null, 1)).toBeDefined();
    const readable = path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
    expect(hit?.message.startsWith(`${readable}: `)).toBe(true);
    for (const w of row.words) expect(hit?.message).toContain(w);
  });
});

describe("validateTopology: valid input", () => {
  it.each(Object.keys(presets))("preset %s validates cleanly and comes back unchanged", (id) => {
    const topology = presets[id]!.topology;
    const r = validateTopology(structuredClone(topology));
    expect(r).toEqual({ ok: true, value: topology });
  });

  it("returns a fresh copy, not the input objects", () => {
    const t = structuredClone(o365info.topology);
    const r = validateTopology(t);
    expect(r.ok && r.value.servers[0]).not.toBe(t.servers[0]);
  });
});

describe("validateTopology: collecting and ordering", () => {
  it("reports schema and reference problems together, in input order", () => {
    const t = copy(o365info.topology);
    t.users[0].mailbox = "nowhere"; // a reference problem
    t.servers[5].version = "2007"; // a schema problem, earlier in the input
    t.sites[1].nme = "x"; // earlier still
    const r = validateTopology(t);
    expect(r.ok).toBe(false);
    const paths = !r.ok ? r.issues.map((i) => i.path.slice(1, 3).join(".")) : [];
    expect(paths).toEqual(["sites.1", "servers.5", "users.0"]);
  });

  it("follows the input's key order, not the schema's", () => {
    const { users, ...rest } = copy(o365info.topology);
    const t: Loose = { users, ...rest };
    t.users[0].mailbox = "nowhere";
    t.servers[0].version = 1;
    const r = validateTopology(t);
    expect(!r.ok && r.issues.map((i) => i.path[1])).toEqual(["users", "servers"]);
  });

  it("does not blame roles or references on a server whose roles are broken", () => {
    const t = copy(o365info.topology);
    t.servers[0].roles = "cas";
    const r = validateTopology(t);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["TYPE"]);
  });

  it("caps the list of issues and says how many more there were", () => {
    const t = copy(o365info.topology);
    t.users = Array.from({ length: 1000 }, (_, i) => ({ name: `u${i}`, mailbox: "nowhere" }));
    const r = validateTopology(t);
    expect(!r.ok && r.issues.length).toBe(201);
    expect(!r.ok && r.issues[200]).toMatchObject({ code: "LIMIT", message: "topology: 800 more issues not shown (limit 200)" });
  });

  it("uses the path it is given", () => {
    const r = validateTopology({ sites: 1 }, []);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "TYPE",
      path: ["sites"],
      message: expect.stringMatching(/^sites: expected a list/),
    });
  });

  it("reports a non-object topology at its own path", () => {
    const r = validateTopology("o365info");
    expect(!r.ok && r.issues).toEqual([
      { code: "TYPE", path: ["topology"], message: 'topology: expected an object, got a string ("o365info")' },
    ]);
  });
});
