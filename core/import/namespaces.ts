/**
 * Namespaces derived from every host the servers publish (URLs, Outlook Anywhere, SCP, POP/IMAP)
 * and the 2010 CAS arrays (exchange-inventory.md 3.3). A draft for the admin to confirm:
 * `internal`/`external` say in which kind of field the host was seen (DNS and firewall state are
 * not in Exchange), `certificate` whether a collected IIS certificate of those servers covers it.
 * When servers of several versions name one host (a 2010 ExternalHostname already pointing at
 * the new front end), the newest version's servers keep it and the others are listed for review.
 */
import { formatPath } from "../../lib/suggest.ts";
import { hostProblem } from "../validate/syntax.ts";
import type { Namespace } from "../types.ts";
import type { Sighting } from "./access.ts";
import type { NamespaceReview, Recorder } from "./report.ts";
import { key, type Servers } from "./servers.ts";
import { isObject, list, prop, quote, text } from "./values.ts";

/**
 * Lower-cased names each server's IIS certificates cover. Servers without collected certificates
 * are absent; a server with a certificate we could not read maps to undefined (coverage unknown).
 */
function certificates(inv: Record<string, unknown>, servers: Servers, rec: Recorder): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  const unreadable = new Set<string>();
  for (const { value: row, path } of list(prop(inv, "certificates")?.value, ["certificates"], rec)) {
    if (!isObject(row)) continue;
    const server = text(prop(row, "server")?.value, [...path, "server"], rec);
    if (!server || !servers.has(key(server))) continue;
    const names = out.get(key(server)) ?? [];
    out.set(key(server), names);
    const services = prop(row, "services")?.value;
    if (typeof services === "number") {
      rec.problem(
        "ENUM_NUMBER",
        [...path, "services"],
        `certificate Services ${services} is a number exflow cannot read; whether ${server}'s certificate covers its names is left unknown`,
      );
      unreadable.add(key(server));
      continue;
    }
    const svc = list(services, [...path, "services"], rec, true).map((it) => text(it.value, it.path, rec)?.toLowerCase());
    if (!svc.includes("iis")) continue;
    for (const it of list(prop(row, "domains")?.value, [...path, "domains"], rec)) {
      const d = text(it.value, it.path, rec)?.toLowerCase();
      if (d) names.push(d);
    }
  }
  for (const k of unreadable) if ((out.get(k) ?? []).length === 0) out.set(k, undefined);
  return out;
}

const covers = (names: string[], host: string): boolean =>
  names.some((n) => n === host || (n.startsWith("*.") && host.endsWith(n.slice(1)) && !host.slice(0, -n.length + 1).includes(".")));

export function deriveNamespaces(
  inv: Record<string, unknown>,
  servers: Servers,
  seen: Sighting[],
  rec: Recorder,
): { namespaces: Namespace[]; review: NamespaceReview[] } {
  const certs = certificates(inv, servers, rec);
  const byHost = new Map<string, Sighting[]>();
  for (const s of seen) {
    if (!s.host) continue;
    byHost.set(s.host, [...(byHost.get(s.host) ?? []), s]);
  }
  const namespaces: Namespace[] = [];
  const review: NamespaceReview[] = [];
  const cert = (host: string, names: string[]): boolean | undefined => {
    const known = names.filter((n) => certs.has(key(n)));
    if (known.some((n) => covers(certs.get(key(n)) ?? [], host))) return true;
    if (known.length === 0 || known.some((n) => certs.get(key(n)) === undefined)) return undefined;
    return false;
  };
  for (const [host, list_] of byHost) {
    const all = [...new Set(list_.map((s) => s.server))];
    const top = Math.max(...all.map((n) => servers.get(key(n))?.rank ?? 0));
    const keep = all.filter((n) => servers.get(key(n))?.rank === top);
    const older = all.filter((n) => !keep.includes(n));
    const internal = list_.some((s) => s.internal);
    let external = list_.some((s) => !s.internal);
    // Outside clients find Autodiscover at autodiscover.<domain> (AD-5); only the SCP names it, an internal field.
    if (!external && host.startsWith("autodiscover.")) {
      external = true;
      rec.guess(
        "AUTODISCOVER_EXTERNAL",
        list_[0]?.path ?? [],
        "the autodiscover. host name",
        [
          `${host} is taken as published to the Internet, where external Outlook, devices and Exchange`,
          "Online look for Autodiscover - confirm (external: false if it is not)",
        ].join(" "),
      );
    }
    const certificate = cert(host, keep);
    const ns: Namespace = { host, servers: keep, internal, external, ...(certificate !== undefined ? { certificate } : {}) };
    namespaces.push(ns);
    review.push({
      ...ns,
      internal,
      external,
      seenIn: list_.map((s) => formatPath(s.path)),
      ...(older.length ? { olderServers: older } : {}),
    });
    if (older.length)
      rec.guess(
        "NEWEST_WINS",
        list_.find((s) => older.includes(s.server))?.path ?? [],
        "the URLs and host names of those servers",
        [
          `${host} is also named by ${older.join(", ")} (older versions); the namespace lands on`,
          `${keep.join(", ")}, the newest version's servers - confirm`,
        ].join(" "),
      );
  }
  // 2010 CAS arrays: internal RPC names that land on their members.
  for (const { value: row, path } of list(prop(inv, "casArrays")?.value, ["casArrays"], rec)) {
    if (!isObject(row)) continue;
    const fqdn = text(prop(row, "fqdn")?.value, [...path, "fqdn"], rec)?.toLowerCase();
    if (!fqdn) continue;
    const p = hostProblem(fqdn);
    if (p) {
      rec.problem("HOST", [...path, "fqdn"], `${p}; left out`);
      continue;
    }
    const members = list(prop(row, "members")?.value, [...path, "members"], rec)
      .map((it) => text(it.value, it.path, rec))
      .flatMap((n) => (n && servers.get(key(n))?.clientAccess ? [servers.get(key(n))?.server.name ?? n] : []));
    if (members.length === 0) {
      rec.drop("CAS_ARRAY", path, `CAS array ${fqdn} has no imported Client Access member; left out`);
      continue;
    }
    const existing = namespaces.find((n) => n.host === fqdn);
    if (existing) {
      rec.map(
        "CAS_ARRAY",
        path,
        `CAS array ${fqdn} is also named in URLs or host names (${existing.servers.join(", ")}); that namespace is kept`,
      );
      continue;
    }
    const certificate = cert(fqdn, members);
    const ns: Namespace = {
      host: fqdn,
      servers: members,
      internal: true,
      external: false,
      ...(certificate !== undefined ? { certificate } : {}),
    };
    namespaces.push(ns);
    review.push({ ...ns, internal: true, external: false, seenIn: [formatPath([...path, "fqdn"])] });
    rec.map("CAS_ARRAY", path, `CAS array ${quote(fqdn)} -> namespace on ${members.join(", ")}, internal only`);
  }
  return { namespaces, review };
}
