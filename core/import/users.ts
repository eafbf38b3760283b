/**
 * databases[] and mailboxes[] -> users (mailbox server = the database's active copy, else its
 * Server), OAB assignment, and 2010 RpcClientAccessServer. Cloud mailboxes and hybrid settings
 * are reported, not imported: exflow has no cloud target yet.
 */
import { hostProblem, urlProblem } from "../validate/syntax.ts";
import type { Hybrid, User } from "../types.ts";
import type { Recorder } from "./report.ts";
import { key, type Servers } from "./servers.ts";
import { bool, isObject, list, prop, quote, text } from "./values.ts";

interface Database {
  name: string;
  server?: string;
  rpc?: string;
  oab?: string;
  at: number;
}

export function readDatabases(inv: Record<string, unknown>, servers: Servers, rec: Recorder): Map<string, Database> {
  const out = new Map<string, Database>();
  for (const { value: row, path } of list(prop(inv, "databases")?.value, ["databases"], rec)) {
    if (!isObject(row)) continue;
    const name = text(prop(row, "name")?.value, [...path, "name"], rec);
    if (!name) {
      rec.drop("NO_NAME", path, "database without a name; left out");
      continue;
    }
    const active = text(prop(row, "activeServer")?.value, [...path, "activeServer"], rec);
    const home = text(prop(row, "server")?.value, [...path, "server"], rec);
    const server = active ?? home;
    if (!active && home)
      rec.guess(
        "ACTIVE_COPY",
        path,
        "server",
        `${name}: the active copy was not collected; its mailboxes are placed on ${home}, the database's Server`,
      );
    const rpc = text(prop(row, "rpcClientAccessServer")?.value, [...path, "rpcClientAccessServer"], rec)?.toLowerCase();
    const oab = text(prop(row, "offlineAddressBook")?.value, [...path, "offlineAddressBook"], rec);
    if (server && !servers.has(key(server)))
      rec.map("DB_SERVER", path, `${name} is on ${quote(server)}, which was not imported; its mailboxes are left out`);
    out.set(name.toLowerCase(), {
      name,
      at: typeof path[1] === "number" ? path[1] : 0,
      ...(server ? { server } : {}),
      ...(rpc ? { rpc } : {}),
      ...(oab ? { oab } : {}),
    });
  }
  // RpcClientAccessServer works only on Exchange 2010 (D1): the most frequent value among a 2010 server's active databases.
  const byServer = new Map<string, Map<string, number>>();
  for (const db of out.values()) {
    if (!db.server || !db.rpc) continue;
    const counts = byServer.get(key(db.server)) ?? new Map<string, number>();
    counts.set(db.rpc, (counts.get(db.rpc) ?? 0) + 1);
    byServer.set(key(db.server), counts);
  }
  for (const [k, counts] of byServer) {
    const entry = servers.get(k);
    if (entry?.server.version !== 2010 || !entry.server.roles.includes("mailbox")) continue;
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [best] = ranked[0] ?? [];
    if (!best) continue;
    const p = hostProblem(best);
    if (p) {
      rec.problem("HOST", ["databases"], `RpcClientAccessServer of ${entry.server.name}'s databases: ${p}; left out`);
      continue;
    }
    entry.server.rpcClientAccessServer = best;
    if (ranked.length > 1)
      rec.guess(
        "RPC_CAS",
        ["servers", entry.at],
        "databases[].rpcClientAccessServer",
        `${entry.server.name}'s databases name ${ranked.map(([h, n]) => `${h} (${n})`).join(", ")}; the most frequent is used`,
      );
  }
  return out;
}

export function importUsers(inv: Record<string, unknown>, servers: Servers, dbs: Map<string, Database>, rec: Recorder): User[] {
  const users: User[] = [];
  const names = new Set<string>();
  for (const { value: row, path } of list(prop(inv, "mailboxes")?.value, ["mailboxes"], rec)) {
    if (!isObject(row)) continue;
    const name = text(prop(row, "id")?.value, [...path, "id"], rec) ?? text(prop(row, "name")?.value, [...path, "name"], rec);
    if (!name) {
      rec.drop("NO_NAME", path, "mailbox without an id; left out");
      continue;
    }
    if (names.has(name.toLowerCase())) {
      rec.drop("DUPLICATE", path, `mailbox ${quote(name)} is listed twice; the first is kept`);
      continue;
    }
    const dbName = text(prop(row, "database")?.value, [...path, "database"], rec);
    const db = dbName ? dbs.get(dbName.toLowerCase()) : undefined;
    if (!db) {
      rec.drop("NO_DATABASE", path, `${name}: ${dbName ? `database ${quote(dbName)} is not among databases[]` : "no database"}; left out`);
      continue;
    }
    const entry = db.server ? servers.get(key(db.server)) : undefined;
    if (!entry?.server.roles.includes("mailbox")) {
      rec.drop(
        "NO_MAILBOX_SERVER",
        path,
        `${name}: database ${db.name} is on ${quote(db.server ?? "no server")}, which is not an imported Mailbox server; left out`,
      );
      continue;
    }
    names.add(name.toLowerCase());
    const legacy = entry.server.version === 2007 || entry.server.version === 2010;
    // A blank OfflineAddressBook means the default OAB; that matters for 2007/2010 mailboxes (DX-10).
    const user: User = { name, mailbox: entry.server.name, ...(legacy ? { oabAssigned: db.oab !== undefined } : {}) };
    users.push(user);
    rec.map(
      "USER",
      path,
      `${name}: mailbox on ${entry.server.name} (database ${db.name}${legacy ? `, OAB ${db.oab ? quote(db.oab) : "not assigned"}` : ""})`,
    );
  }
  return users;
}

const isHost = (h: string | undefined): h is string => h !== undefined && hostProblem(h) === undefined;

/**
 * Get-HybridConfiguration -> the topology's hybrid block, and remote mailboxes -> cloud users.
 * The inventory cannot tell classic from modern hybrid (the Hybrid Agent is not in Exchange's
 * configuration), so the type is a reported guess.
 */
export function importHybrid(inv: Record<string, unknown>, servers: Servers, users: User[], rec: Recorder): { hybrid?: Hybrid } {
  const raw = prop(inv, "hybrid")?.value;
  const remote = list(prop(inv, "remoteMailboxes")?.value, ["remoteMailboxes"], rec);
  if (!isObject(raw)) {
    if (remote.length > 0)
      rec.drop(
        "REMOTE_MAILBOX",
        ["remoteMailboxes"],
        `${remote.length} cloud (remote) mailboxes, but no hybrid configuration was collected: exflow cannot draw their flows; left out`,
      );
    return {};
  }
  const domains = list(prop(raw, "domains")?.value, ["hybrid", "domains"], rec)
    .map((it) => text(it.value, it.path, rec)?.toLowerCase())
    .filter(isHost);
  const remoteDomains = remote
    .map((it) =>
      isObject(it.value)
        ? text(prop(it.value, "remoteRoutingDomain")?.value, [...it.path, "remoteRoutingDomain"], rec)?.toLowerCase()
        : undefined,
    )
    .filter(isHost);
  const routingDomain = domains.find((d) => d.endsWith(".mail.onmicrosoft.com")) ?? remoteDomains[0];
  const onPremDomains = domains.filter((d) => !d.endsWith(".onmicrosoft.com"));
  const hybridServers: string[] = [];
  for (const field of ["receivingTransportServers", "sendingTransportServers"]) {
    for (const it of list(prop(raw, field)?.value, ["hybrid", field], rec)) {
      const e = servers.get(key(text(it.value, it.path, rec) ?? ""));
      if (e && !hybridServers.includes(e.server.name)) hybridServers.push(e.server.name);
    }
  }
  const hybrid: Hybrid = {
    type: "classic",
    ...(routingDomain ? { routingDomain } : {}),
    ...(onPremDomains.length ? { onPremDomains } : {}),
    ...(hybridServers.length ? { hybridServers } : {}),
  };
  // The on-premises organization relationship with Exchange Online (the one whose domains are *.onmicrosoft.com).
  const rels = list(prop(raw, "organizationRelationships")?.value, ["hybrid", "organizationRelationships"], rec).filter((it) =>
    isObject(it.value),
  );
  const rel =
    rels.find((it) =>
      list(prop(it.value as Record<string, unknown>, "domainNames")?.value, [...it.path, "domainNames"], rec).some((d) =>
        /onmicrosoft\.com$/i.test(String(d.value)),
      ),
    ) ?? rels[0];
  if (rel && isObject(rel.value)) {
    const r = rel.value;
    const url = (k: string) => {
      const u = text(prop(r, k)?.value, [...rel.path, k], rec);
      if (u !== undefined && urlProblem(u)) return void rec.problem("URL", [...rel.path, k], `${urlProblem(u)}; left out`);
      return u;
    };
    const targetOwaUrl = url("targetOwaUrl");
    const targetSharingEpr = url("targetSharingEpr");
    const freeBusy = bool(prop(r, "freeBusyAccessEnabled")?.value, [...rel.path, "freeBusyAccessEnabled"], rec);
    hybrid.orgRelationship = {
      onPrem: {
        ...(targetOwaUrl ? { targetOwaUrl } : {}),
        ...(freeBusy !== undefined ? { freeBusy } : {}),
        ...(targetSharingEpr ? { targetSharingEpr } : {}),
      },
    };
  }
  const iocs = list(prop(raw, "intraOrganizationConnectors")?.value, ["hybrid", "intraOrganizationConnectors"], rec).filter((it) =>
    isObject(it.value),
  );
  const ioc = iocs[0];
  if (ioc && isObject(ioc.value)) {
    const enabled = bool(prop(ioc.value, "enabled")?.value, [...ioc.path, "enabled"], rec);
    const d = text(prop(ioc.value, "discoveryEndpoint")?.value, [...ioc.path, "discoveryEndpoint"], rec);
    const discoveryEndpoint = d !== undefined && !urlProblem(d) ? d : undefined;
    hybrid.ioc = { onPrem: { ...(enabled !== undefined ? { enabled } : {}), ...(discoveryEndpoint ? { discoveryEndpoint } : {}) } };
  }
  rec.guess(
    "HYBRID_TYPE",
    ["hybrid"],
    "hybrid",
    'hybrid type "classic": the Exchange configuration does not show whether the Hybrid Agent (modern ' +
      "hybrid) is used; set type: modern if it is, and add the organization relationship and connectors " +
      "the flows need",
  );
  const names = new Set(users.map((u) => u.name.toLowerCase()));
  for (const it of remote) {
    const name = isObject(it.value) ? text(prop(it.value, "id")?.value, [...it.path, "id"], rec) : undefined;
    if (!name || names.has(name.toLowerCase())) {
      rec.drop(
        name ? "DUPLICATE" : "NO_NAME",
        it.path,
        name ? `remote mailbox ${quote(name)} has the name of another user; left out` : "remote mailbox without an id; left out",
      );
      continue;
    }
    names.add(name.toLowerCase());
    users.push({ name, location: "cloud" });
    rec.map("CLOUD_USER", it.path, `${name}: mailbox in Exchange Online`);
  }
  return { hybrid };
}
