/**
 * Client-access facts per server: virtual-directory URLs and authentication (vdirs[]), Outlook
 * Anywhere, POP/IMAP connection settings and the Autodiscover SCP. Every URL and host seen is
 * also handed to `seen` so namespaces.ts can derive the namespaces from them.
 *
 * Authentication comes from the *AuthenticationMethods lists, never from the booleans, which read
 * false under -ADPropertiesOnly (exchange-inventory.md 1.2).
 */
import { hostPortProblem, hostProblem, urlProblem } from "../validate/syntax.ts";
import type { AuthMethod, OutlookAnywhere, Protocol } from "../types.ts";
import type { Path, Recorder } from "./report.ts";
import { key, type ServerEntry, type Servers } from "./servers.ts";
import { bool, enumName, isObject, list, prop, quote, text } from "./values.ts";

export interface Sighting {
  host: string;
  server: string;
  internal: boolean;
  path: Path;
}

const PROTOCOL_ALIASES: Record<string, Protocol> = {
  owa: "owa",
  ecp: "ecp",
  activesync: "activesync",
  eas: "activesync",
  "microsoft-server-activesync": "activesync",
  ews: "ews",
  webservices: "ews",
  oab: "oab",
  "mapi-http": "mapi-http",
  mapi: "mapi-http",
  autodiscover: "autodiscover",
};

const AUTH: Record<string, AuthMethod> = {
  fba: "forms",
  basic: "basic",
  ntlm: "ntlm",
  negotiate: "negotiate",
  windowsintegrated: "windows",
  digest: "digest",
  oauth: "oauth",
};
/** AuthenticationMethod numbers confirmed by CSS-Exchange's CliXml fixtures (Basic = 0, Fba = 3); others unknown. */
const AUTH_NUMBERS: Record<number, string> = { 0: "Basic", 3: "Fba" };
const OA_AUTH = new Set(["ntlm", "basic", "negotiate"]);

const hostOf = (url: string): string => (/^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]+)/i.exec(url)?.[1] ?? "").toLowerCase();

/** The server a row belongs to, or undefined (dropped) when it names no imported server. */
function owner(row: Record<string, unknown>, path: Path, servers: Servers, rec: Recorder, what: string): ServerEntry | undefined {
  const name = text(prop(row, "server")?.value, [...path, "server"], rec);
  if (name === undefined) return void rec.drop("NO_SERVER", path, `${what} without a server name; left out`);
  const entry = servers.get(key(name));
  if (!entry)
    return void rec.drop(
      "UNKNOWN_SERVER",
      path,
      `${what} of ${quote(name)}, which is not among the imported servers (left out, Edge or unknown); left out`,
    );
  if (!entry.clientAccess)
    return void rec.drop(
      "BACKEND",
      path,
      [
        `${what} of ${entry.server.name}, a Mailbox-only (back-end) Exchange ${entry.server.version}`,
        "server: clients never connect to it; left out",
      ].join(" "),
    );
  return entry;
}

function url(v: unknown, path: Path, rec: Recorder): string | undefined {
  const u = text(v, path, rec);
  if (u === undefined) return undefined;
  const p = urlProblem(u);
  if (p) return void rec.problem("URL", path, `${p}; left out`);
  return u;
}

function host(v: unknown, path: Path, rec: Recorder): string | undefined {
  const h = text(v, path, rec)?.toLowerCase();
  if (h === undefined) return undefined;
  const p = hostProblem(h);
  if (p) return void rec.problem("HOST", path, `${p}; left out`);
  return h;
}

/** Auth method names (or numbers) from the given list fields, mapped to exflow's; others reported. */
function authOf(row: Record<string, unknown>, path: Path, fields: string[], rec: Recorder): AuthMethod[] {
  const out = new Set<AuthMethod>();
  const ignored = new Set<string>();
  for (const field of fields) {
    const p = prop(row, field);
    for (const it of list(p?.value, [...path, p?.key ?? field], rec, true)) {
      const name = enumName(it.value, it.path, rec, AUTH_NUMBERS, "AuthenticationMethod");
      if (name === undefined) continue;
      const m = AUTH[name.toLowerCase()];
      if (m) out.add(m);
      else ignored.add(name);
    }
  }
  if (ignored.size > 0)
    rec.map("AUTH_IGNORED", path, `authentication ${[...ignored].map((x) => quote(x)).join(", ")} has no exflow equivalent; ignored`);
  return [...out];
}

const VDIR_NAMES: Record<Protocol, string> = {
  owa: "owa",
  ecp: "ecp",
  activesync: "microsoft-server-activesync",
  ews: "ews",
  oab: "oab",
  "mapi-http": "mapi",
  autodiscover: "autodiscover",
  "outlook-anywhere": "rpc",
  "rpc-tcp": "",
  pop3: "",
  imap4: "",
};

/** Which of two vdirs of one protocol clients use: the Default Web Site's, with the protocol's own name (not 2007's legacy /exchange). */
function preference(name: string | undefined, protocol: Protocol): number {
  if (name === undefined) return 1;
  const n = name.toLowerCase();
  return (n.includes("(default web site)") ? 2 : 0) + (n.startsWith(`${VDIR_NAMES[protocol]} `) ? 1 : 0);
}

export function importVdirs(inv: Record<string, unknown>, servers: Servers, rec: Recorder, seen: Sighting[]): void {
  const rows = list(prop(inv, "vdirs")?.value, ["vdirs"], rec);
  // One row per server and protocol: the Default Web Site's; others (2007's legacy /exchange, extra IIS sites) are dropped.
  const chosen = new Map<
    string,
    { entry: ServerEntry; protocol: Protocol; row: Record<string, unknown>; path: Path; score: number; name?: string }
  >();
  for (const { value: row, path } of rows) {
    if (!isObject(row)) {
      rec.drop("SHAPE", path, `expected a virtual-directory object; left out`);
      continue;
    }
    const entry = owner(row, path, servers, rec, "virtual directory");
    if (!entry) continue;
    const raw = text(prop(row, "protocol")?.value, [...path, "protocol"], rec);
    const protocol = raw === undefined ? undefined : PROTOCOL_ALIASES[raw.toLowerCase()];
    if (!protocol) {
      rec.drop(
        "PROTOCOL",
        [...path, "protocol"],
        [
          `${raw === undefined ? "no protocol" : `protocol ${quote(raw)} is not one exflow models`};`,
          `allowed: ${Object.keys(PROTOCOL_ALIASES).join(", ")}; left out`,
        ].join(" "),
      );
      continue;
    }
    const name = text(prop(row, "name")?.value, [...path, "name"], rec);
    if (name && /back end/i.test(name)) {
      rec.drop(
        "BACKEND_VDIR",
        path,
        `${quote(name)} on ${entry.server.name} is a back-end virtual directory: clients never connect to it; left out`,
      );
      continue;
    }
    const k = `${key(entry.server.name)}\u0000${protocol}`;
    const prev = chosen.get(k);
    const here = { entry, protocol, row, path, score: preference(name, protocol), ...(name ? { name } : {}) };
    if (prev) {
      const [keep, drop] = here.score > prev.score ? [here, prev] : [prev, here];
      rec.drop(
        "EXTRA_VDIR",
        drop.path,
        [
          `${quote(drop.name ?? "unnamed")} is a second ${protocol} virtual directory on`,
          `${entry.server.name}; exflow takes one per protocol and server,`,
          `${quote(keep.name ?? "unnamed")}; left out`,
        ].join(" "),
      );
      chosen.set(k, keep);
    } else chosen.set(k, here);
  }
  const epSeen = new Map<string, boolean[]>();
  for (const { entry, protocol, row, path } of chosen.values()) {
    const s = entry.server;
    // Autodiscover's vdir URLs are not what clients use (they find it by SCP or DNS); only its auth is kept.
    if (protocol !== "autodiscover") {
      const internal = url(prop(row, "internalUrl")?.value, [...path, prop(row, "internalUrl")?.key ?? "internalUrl"], rec);
      const external = url(prop(row, "externalUrl")?.value, [...path, prop(row, "externalUrl")?.key ?? "externalUrl"], rec);
      if (internal || external) {
        s.urls = { ...s.urls, [protocol]: { ...(internal ? { internal } : {}), ...(external ? { external } : {}) } };
        if (internal) seen.push({ host: hostOf(internal), server: s.name, internal: true, path: [...path, "internalUrl"] });
        if (external) seen.push({ host: hostOf(external), server: s.name, internal: false, path: [...path, "externalUrl"] });
      }
    }
    const auth = authOf(row, path, ["internalAuth", "externalAuth", "iisAuth"], rec);
    if (auth.length > 0) s.auth = { ...s.auth, [protocol]: auth };
    if (protocol === "ews") {
      const mrs = bool(prop(row, "mrsProxyEnabled")?.value, [...path, "mrsProxyEnabled"], rec);
      if (mrs !== undefined) s.mrsProxy = mrs;
    }
    // Extended Protection: on when any client vdir checks the token (Allow or Require), off when all say None.
    const ep = text(prop(row, "extendedProtection")?.value, [...path, "extendedProtection"], rec)?.toLowerCase();
    if (ep === "none" || ep === "allow" || ep === "require") {
      const seen = epSeen.get(s.name) ?? [];
      seen.push(ep !== "none");
      epSeen.set(s.name, seen);
    } else if (ep !== undefined)
      rec.problem("ENUM", [...path, "extendedProtection"], `${quote(ep)} is not None, Allow or Require; left out`);
  }
  for (const [name, list_] of epSeen) {
    const e = servers.get(key(name));
    if (e) e.server.extendedProtection = list_.some(Boolean);
  }
}

/** Which servers the collector could not ask about Outlook Anywhere (their absence says nothing). */
function failedServers(inv: Record<string, unknown>, rec: Recorder, cmdlet: string): Set<string> {
  const out = new Set<string>();
  for (const it of list(prop(inv, "errors")?.value, ["errors"], rec)) {
    const c = isObject(it.value) ? text(prop(it.value, "cmdlet")?.value, [...it.path, "cmdlet"], rec) : undefined;
    const m = c && new RegExp(`^${cmdlet}\\s+(\\S+)`, "i").exec(c);
    if (m?.[1]) out.add(key(m[1]));
  }
  return out;
}

export function importOutlookAnywhere(inv: Record<string, unknown>, servers: Servers, rec: Recorder, seen: Sighting[]): void {
  const done = new Set<string>();
  for (const { value: row, path } of list(prop(inv, "outlookAnywhere")?.value, ["outlookAnywhere"], rec)) {
    if (!isObject(row)) {
      rec.drop("SHAPE", path, "expected an Outlook Anywhere object; left out");
      continue;
    }
    const entry = owner(row, path, servers, rec, "Outlook Anywhere");
    if (!entry) continue;
    const s = entry.server;
    if (done.has(key(s.name))) {
      rec.drop("EXTRA_OA", path, `${s.name} has a second Outlook Anywhere object; the first is kept`);
      continue;
    }
    done.add(key(s.name));
    const oa: OutlookAnywhere = { enabled: true };
    const ext = host(prop(row, "externalHostname")?.value, [...path, "externalHostname"], rec);
    const int = host(prop(row, "internalHostname")?.value, [...path, "internalHostname"], rec);
    if (ext) {
      oa.externalHostname = ext;
      seen.push({ host: ext, server: s.name, internal: false, path: [...path, "externalHostname"] });
    }
    if (int) {
      oa.internalHostname = int;
      seen.push({ host: int, server: s.name, internal: true, path: [...path, "internalHostname"] });
    }
    const legacy = s.version === 2007 || s.version === 2010;
    // 2007/2010: ClientAuthenticationMethod; 2013+: ExternalClientAuthenticationMethod (exflow's clientAuth is what external clients use).
    const field = legacy ? "clientAuth" : prop(row, "externalClientAuth")?.value != null ? "externalClientAuth" : "clientAuth";
    const ca = text(prop(row, field)?.value, [...path, field], rec)?.toLowerCase();
    if (ca !== undefined) {
      if (OA_AUTH.has(ca)) oa.clientAuth = ca as OutlookAnywhere["clientAuth"];
      else rec.problem("OA_AUTH", [...path, field], `${quote(ca)} is not ntlm, basic or negotiate; left out`);
    }
    const iis: ("ntlm" | "basic" | "negotiate")[] = [];
    for (const it of list(prop(row, "iisAuth")?.value, [...path, "iisAuth"], rec, true)) {
      const m = enumName(it.value, it.path, rec, AUTH_NUMBERS, "AuthenticationMethod")?.toLowerCase();
      if (m && OA_AUTH.has(m) && !iis.includes(m as "ntlm")) iis.push(m as "ntlm");
      else if (m && !OA_AUTH.has(m))
        rec.map("AUTH_IGNORED", it.path, `IIS authentication ${quote(m)} on /rpc has no exflow equivalent; ignored`);
    }
    if (iis.length > 0) oa.iisAuth = iis;
    s.outlookAnywhere = oa;
  }
  // 2007/2010 publish an Outlook Anywhere object only once it is enabled.
  const failed = failedServers(inv, rec, "Get-OutlookAnywhere");
  const collected = prop(inv, "outlookAnywhere")?.value !== undefined;
  for (const { server: s, at, clientAccess } of servers.values()) {
    if (!clientAccess || done.has(key(s.name)) || !(s.version === 2007 || s.version === 2010)) continue;
    if (failed.has(key(s.name)) || !collected) continue;
    s.outlookAnywhere = { enabled: false };
    rec.guess(
      "OA_DISABLED",
      ["servers", at],
      "outlookAnywhere",
      `${s.name}: no Outlook Anywhere object was collected for this Exchange ${s.version} CAS, so Outlook Anywhere is taken as disabled`,
    );
  }
}

/** "host:995:SSL" -> "host:995": the first SSL entry, else the first. */
function listener(v: unknown, path: Path, rec: Recorder): string | undefined {
  const items = list(v, path, rec, true)
    .map((it) => ({ t: text(it.value, it.path, rec), path: it.path }))
    .filter((x) => x.t);
  const pick = items.find((x) => /:ssl$/i.test(x.t ?? "")) ?? items[0];
  if (!pick?.t) return undefined;
  const hp = pick.t.replace(/:(ssl|tls)$/i, "").toLowerCase();
  const p = hostPortProblem(hp);
  if (p) return void rec.problem("HOST", pick.path, `${p}; left out`);
  return hp;
}

export function importPopImap(inv: Record<string, unknown>, servers: Servers, rec: Recorder, seen: Sighting[]): void {
  for (const { value: row, path } of list(prop(inv, "popImap")?.value, ["popImap"], rec)) {
    if (!isObject(row)) continue;
    const entry = owner(row, path, servers, rec, "POP/IMAP settings");
    if (!entry) continue;
    const raw = text(prop(row, "protocol")?.value, [...path, "protocol"], rec)?.toLowerCase();
    const protocol = raw === "pop3" || raw === "pop" ? "pop3" : raw === "imap4" || raw === "imap" ? "imap4" : undefined;
    if (!protocol) {
      rec.drop("PROTOCOL", [...path, "protocol"], `protocol ${quote(raw ?? "")} is not pop3 or imap4; left out`);
      continue;
    }
    const internal = listener(prop(row, "internal")?.value, [...path, "internal"], rec);
    const external = listener(prop(row, "external")?.value, [...path, "external"], rec);
    if (!internal && !external) continue;
    entry.server.urls = { ...entry.server.urls, [protocol]: { ...(internal ? { internal } : {}), ...(external ? { external } : {}) } };
    if (internal)
      seen.push({ host: internal.split(":")[0] ?? internal, server: entry.server.name, internal: true, path: [...path, "internal"] });
    if (external)
      seen.push({ host: external.split(":")[0] ?? external, server: entry.server.name, internal: false, path: [...path, "external"] });
  }
}

export function importScp(inv: Record<string, unknown>, servers: Servers, rec: Recorder, seen: Sighting[]): void {
  for (const { value: row, path } of list(prop(inv, "clientAccess")?.value, ["clientAccess"], rec)) {
    if (!isObject(row)) continue;
    const entry = owner(row, path, servers, rec, "Autodiscover SCP");
    if (!entry) continue;
    const u = url(prop(row, "autodiscoverInternalUri")?.value, [...path, "autodiscoverInternalUri"], rec);
    if (!u || entry.server.autodiscoverInternalUri) continue;
    entry.server.autodiscoverInternalUri = u;
    seen.push({ host: hostOf(u), server: entry.server.name, internal: true, path: [...path, "autodiscoverInternalUri"] });
  }
}
