/**
 * DX-20 (P4, reachability is validated, not guessed): a URL or host name in the topology whose host
 * is neither a namespace nor a server's name or FQDN. exflow cannot tell where such a name lands, so
 * flows that need it fail at that hop; this says which field to fix and what to add.
 * In: Facts. Out: warnings in input order.
 */
import { hostOf } from "../model/index.ts";
import { PROTOCOLS } from "../types.ts";
import { dx, serverPath } from "./facts.ts";
import type { Facts, ScopedDiagnostic } from "./facts.ts";

export function checkUnknownHosts(f: Facts): ScopedDiagnostic[] {
  const m = f.model;
  const known = new Set<string>([...m.namespaces.keys()]);
  for (const s of m.topology.servers) {
    known.add(s.name.toLowerCase());
    if (s.fqdn) known.add(s.fqdn.toLowerCase());
  }
  const out: ScopedDiagnostic[] = [];
  for (const s of m.topology.servers) {
    for (const p of PROTOCOLS) {
      for (const side of ["internal", "external"] as const) {
        const url = s.urls?.[p]?.[side];
        const host = hostOf(url);
        if (!host || known.has(host)) continue;
        const guess = m.topology.servers.find((x) => !x.fqdn && host.startsWith(`${x.name.toLowerCase()}.`));
        const fix = guess
          ? `set fqdn: ${host} on server ${guess.name}`
          : `add a namespace for ${host} (with the servers it lands on), or the fqdn of the server it names`;
        out.push(
          dx(
            "DX-20",
            "warning",
            serverPath(m, s, "urls", p, side),
            [`${p}:${side}`],
            [
              `The ${side} ${p} URL of ${s.name} (${url}) names ${host}, which is neither a namespace of the`,
              "topology nor a server's FQDN: exflow cannot tell where it lands, so flows that need it fail",
              `there. To fix, ${fix}.`,
            ].join(" "),
          ),
        );
      }
    }
  }
  return out;
}
