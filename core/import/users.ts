/**
 * databases[] and mailboxes[] -> users (mailbox server = the database's active copy, else its
 * Server), OAB assignment, and 2010 RpcClientAccessServer. Cloud mailboxes and hybrid settings
 * are reported, not imported: exflow has no cloud target yet.
 */
import { hostProblem } from "../syntax.ts";
import type { User } from "../types.ts";
import type { Recorder } from "./report.ts";
import { key, type Servers } from "./servers.ts";
import { isObject, list, prop, quote, text } from "./values.ts";

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
    if (!active && home) rec.guess("ACTIVE_COPY", path, "server", `${name}: the active copy was not collected; its mailboxes are placed on ${home}, the database's Server`);
    const rpc = text(prop(row, "rpcClientAccessServer")?.value, [...path, "rpcClientAccessServer"], rec)?.toLowerCase();
    const oab = text(prop(row, "offlineAddressBook")?.value, [...path, "offlineAddressBook"], rec);
    if (server && !servers.has(key(server))) rec.map("DB_SERVER", path, `${name} is on ${quote(server)}, which was not imported; its mailboxes are left out`);
    out.set(name.toLowerCase(), { name, at: typeof path[1] === "number" ? path[1] : 0, ...(server ? { server } : {}), ...(rpc ? { rpc } : {}), ...(oab ? { oab } : {}) });
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
    if (!entry || entry.server.version !== 2010 || !entry.server.roles.includes("mailbox")) continue;
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [best] = ranked[0] ?? [];
    if (!best) continue;
    const p = hostProblem(best);
    if (p) {
      rec.problem("HOST", ["databases"], `RpcClientAccessServer of ${entry.server.name}'s databases: ${p}; left out`);
      continue;
    }
    entry.server.rpcClientAccessServer = best;
    if (ranked.length > 1) rec.guess("RPC_CAS", ["servers", entry.at], "databases[].rpcClientAccessServer", `${entry.server.name}'s databases name ${ranked.map(([h, n]) => `${h} (${n})`).join(", ")}; the most frequent is used`);
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
    if (!entry || !entry.server.roles.includes("mailbox")) {
      rec.drop("NO_MAILBOX_SERVER", path, `${name}: database ${db.name} is on ${quote(db.server ?? "no server")}, which is not an imported Mailbox server; left out`);
      continue;
    }
    names.add(name.toLowerCase());
    const legacy = entry.server.version === 2007 || entry.server.version === 2010;
    // A blank OfflineAddressBook means the default OAB; that matters for 2007/2010 mailboxes (DX-10).
    const user: User = { name, mailbox: entry.server.name, ...(legacy ? { oabAssigned: db.oab !== undefined } : {}) };
    users.push(user);
    rec.map("USER", path, `${name}: mailbox on ${entry.server.name} (database ${db.name}${legacy ? `, OAB ${db.oab ? quote(db.oab) : "not assigned"}` : ""})`);
  }
  const remote = list(prop(inv, "remoteMailboxes")?.value, ["remoteMailboxes"], rec);
  if (remote.length > 0) rec.drop("REMOTE_MAILBOX", ["remoteMailboxes"], `${remote.length} cloud (remote) mailboxes: exflow has no Exchange Online target yet; left out`);
  const hybrid = prop(inv, "hybrid")?.value;
  if (isObject(hybrid)) rec.drop("HYBRID", ["hybrid"], "a hybrid configuration is present: kept in the inventory for reference; exflow draws on-premises flows only");
  return users;
}
