// The model's namespace indexes (core/model/index.ts) give the same answers as scanning every namespace,
// which is what participant labels and flow sites did before (bench/growth.ts "many namespaces").
import { describe, expect, it } from "vitest";
import { buildModel } from "../../core/model/index.ts";
import { participantsOf, sitesOf } from "../../core/route/participants.ts";
import { o365info } from "../../core/presets/o365info.ts";
import type { Namespace, Participant, Step, Topology } from "../../core/types.ts";

const base = o365info.topology;
const servers = base.servers.map((s) => s.name);
/** Extra names spread over every server and site: some listed twice, some on unknown servers, some internal-only. */
const extra: Namespace[] = Array.from({ length: 40 }, (_, i) => ({
  host: `n${i}.o365info.com`,
  servers: [servers[i % servers.length] as string, servers[(i * 7) % servers.length] as string, ...(i % 5 === 0 ? ["NOT-A-SERVER"] : [])],
  ...(i % 3 === 0 ? { external: false } : {}),
}));
const topology: Topology = { ...base, namespaces: [...extra.slice(0, 20), ...base.namespaces, ...extra.slice(20)] };
const m = buildModel(topology);
const hosts = (list: Namespace[] | undefined) => (list ?? []).map((n) => n.host);

describe("buildModel: namespaces per server and per site", () => {
  it("lists, per server, every namespace that names it once, in input order", () => {
    for (const name of [...servers, "NOT-A-SERVER"]) {
      expect(hosts(m.landingOn.get(name))).toEqual(topology.namespaces.filter((ns) => ns.servers.includes(name)).map((ns) => ns.host));
    }
    expect(m.landingOn.get("NO-SUCH")).toBeUndefined();
  });

  it("lists, per site, every namespace that lands on one of its servers, in input order", () => {
    for (const site of topology.sites.map((s) => s.name)) {
      const here = new Set(topology.servers.filter((s) => s.site === site).map((s) => s.name));
      expect(hosts(m.landingInSite.get(site))).toEqual(
        topology.namespaces.filter((ns) => ns.servers.some((s) => here.has(s))).map((ns) => ns.host),
      );
    }
  });
});

describe("participant and site labels read the indexes", () => {
  // One hop to every server, each through another extra name, so some labels come from the flow and some from publishing.
  const steps: Step[] = servers.map((to, i) => ({
    n: i + 1,
    from: i === 0 ? "client" : (servers[i - 1] as string),
    to,
    kind: "connect",
    url: `https://n${i}.o365info.com/owa`,
    text: "",
    rule: "TEST",
  }));
  const cast = participantsOf(m, steps, "owa", "external");

  it("labels each server with the names this flow used on it, else its first published name", () => {
    const used = new Set(steps.map((_, i) => `n${i}.o365info.com`));
    for (const p of cast.filter((c): c is Participant & { server: string } => c.kind === "server")) {
      const landing = topology.namespaces.filter((ns) => ns.servers.includes(p.server));
      const inFlow = landing.filter((ns) => used.has(ns.host)).map((ns) => ns.host);
      const published = landing.find((ns) => ns.external !== false);
      expect(p.names).toEqual(inFlow.length ? inFlow : published ? [published.host] : []);
    }
  });

  it("gives each site the published names of its servers", () => {
    for (const s of sitesOf(m, cast, [], "owa")) {
      const here = new Set(topology.servers.filter((x) => x.site === s.name).map((x) => x.name));
      expect(s.names).toEqual(
        topology.namespaces.filter((ns) => ns.external !== false && ns.servers.some((x) => here.has(x))).map((ns) => ns.host),
      );
      expect(s.names.length).toBeGreaterThan(0);
    }
  });
});
