/**
 * Wording follows the topology: where a diagnostic means "the 2013-or-later front end",
 * it names the organisation's own versions. A 2016 + 2010 organisation never reads "Exchange 2013"
 * (nor "2013+"); a 2013 + 2007 one reads "Exchange 2013" and never "2016". The static code
 * explanations, which fit every organisation, say "2013 or later".
 */
import { describe, expect, test } from "vitest";
import { CODES } from "../../core/diagnose/codes.ts";
import { diagnose } from "../../core/diagnose/index.ts";
import { exchangeVersions } from "../../core/diagnose/facts.ts";
import { buildModel } from "../../core/model/index.ts";
import { presets } from "../../core/presets/index.ts";
import type { Topology } from "../../core/types.ts";

/** 2016 in HQ and Branch, a 2010 CAS and Mailbox in Branch, each legacy setting wrong once. */
const org2016: Topology = {
  domain: "fabrikam.com",
  sites: [{ name: "HQ" }, { name: "Branch" }],
  servers: [
    {
      name: "HQ-EX2016",
      version: 2016,
      roles: ["mailbox"],
      site: "HQ",
      fqdn: "hq-ex2016.fabrikam.local",
      urls: { owa: { external: "https://mail.fabrikam.com/owa" }, ecp: { external: "https://mail.fabrikam.com/ecp" } },
      outlookAnywhere: { enabled: true, externalHostname: "mail.fabrikam.com" },
    },
    {
      name: "BR-EX2016",
      version: 2016,
      roles: ["mailbox"],
      site: "Branch",
      fqdn: "br-ex2016.fabrikam.local",
      urls: { ecp: { external: "https://branch.fabrikam.com/ecp" } },
    },
    {
      name: "BR-CAS2010",
      version: 2010,
      roles: ["cas"],
      site: "Branch",
      fqdn: "br-cas2010.fabrikam.local",
      autodiscoverInternalUri: "https://br-cas2010.fabrikam.local/Autodiscover/Autodiscover.xml",
      outlookAnywhere: { enabled: false },
    },
    {
      name: "BR-MBX2010",
      version: 2010,
      roles: ["mailbox"],
      site: "Branch",
      fqdn: "br-mbx2010.fabrikam.local",
      rpcClientAccessServer: "mail.fabrikam.com",
    },
  ],
  namespaces: [
    { host: "mail.fabrikam.com", servers: ["HQ-EX2016"] },
    { host: "branch.fabrikam.com", servers: ["BR-EX2016"] },
  ],
  users: [{ name: "ann", mailbox: "BR-MBX2010", oabAssigned: false }],
};

/** The article's 2013 + 2007 organisation with Los Angeles' CAS 2007 and Madrid's OWA URL misconfigured. */
function org2013(): Topology {
  const t = structuredClone(presets.o365info?.topology as Topology);
  for (const s of t.servers) {
    if (s.name === "LA-CAS2007") {
      s.outlookAnywhere = { enabled: false };
      s.autodiscoverInternalUri = `https://${s.fqdn}/Autodiscover/Autodiscover.xml`;
    }
    if (s.name === "MAD-CAS2007") s.urls = { ...s.urls, owa: { ...s.urls?.owa, external: "https://mail.o365info.com/owa" } };
  }
  t.users = t.users.map((u) => (u.name === "alice" ? { ...u, oabAssigned: false } : u));
  return t;
}

const messages = (t: Topology): Map<string, string> => new Map(diagnose(buildModel(t)).map((d) => [d.code, d.message]));

describe("diagnostics name the organisation's own versions", () => {
  test("2016 + 2010: 'Exchange 2016', never 'Exchange 2013' or '2013+'", () => {
    const m = messages(org2016);
    expect([...m.keys()]).toEqual(expect.arrayContaining(["DX-05", "DX-09", "DX-10", "DX-11", "DX-15"]));
    for (const text of m.values()) expect(text).not.toMatch(/2013(?!\/)|2013\+/);
    expect(m.get("DX-05")).toContain("Exchange 2016 has nothing to proxy Outlook's HTTP connections to");
    expect(m.get("DX-09")).toContain("now lands on Exchange 2016, which does not accept RPC/TCP");
    expect(m.get("DX-10")).toContain("falls back to the Exchange 2016 default OAB");
    expect(m.get("DX-11")).toContain("not a name on Exchange 2016: ");
    expect(m.get("DX-11")).toContain("instead of Exchange 2016. Set it to the Autodiscover name that lands on Exchange 2016.");
    expect(m.get("DX-15")).toMatch(/^Exchange 2016 servers in HQ and Branch/);
  });

  test("2013 + 2007: 'Exchange 2013', never '2016' or '2013+'", () => {
    const m = messages(org2013());
    expect([...m.keys()]).toEqual(expect.arrayContaining(["DX-02", "DX-04", "DX-05", "DX-10", "DX-11"]));
    for (const text of m.values()) expect(text).not.toMatch(/2016|2013\+/);
    expect(m.get("DX-02")).toContain("Exchange 2013 does not serve 2007 EWS/OAB");
    expect(m.get("DX-04")).toContain(
      "lands on Exchange 2013, so the redirect for Exchange 2007 mailboxes sends users back to Exchange 2013",
    );
    expect(m.get("DX-05")).toContain("Exchange 2013 has nothing to proxy");
    expect(m.get("DX-11")).toContain("not a name on Exchange 2013: ");
  });

  test("several modern versions are all named, in release order", () => {
    expect(exchangeVersions([2016, 2013])).toBe("Exchange 2013/2016");
    expect(exchangeVersions(["SE", 2019, 2019])).toBe("Exchange 2019/SE");
    const fabrikam = presets.fabrikam?.topology as Topology;
    const t = structuredClone(fabrikam);
    for (const s of t.servers) if (s.version === 2010 && s.roles.includes("cas")) s.outlookAnywhere = { enabled: false };
    expect(messages(t).get("DX-05")).toContain("Exchange 2013/2016 has nothing to proxy");
  });

  test("code explanations say 'or later' for a version floor, never a bare '2013+'", () => {
    for (const [code, c] of Object.entries(CODES)) {
      expect(`${code} ${c.title} ${c.explanation}`).not.toMatch(/2013\+/);
    }
  });
});
