/**
 * Cross-field rules of a topology that a schema cannot express: unique names, references between
 * sites, servers, namespaces and users, roles that fit the version, and which Exchange versions
 * can share an organisation (the S15 setup-readiness rules).
 *
 * In: the raw input (unknown), read best-effort, so these run even when the schema found
 * problems elsewhere and the user sees everything at once. Out: Issues with codes DUPLICATE,
 * REFERENCE, ROLE, VERSION_MIX. Names are kept in Maps, never as keys of plain objects.
 */
import { MAX_ISSUES } from "../limits.ts";
import { isObject } from "../../lib/plain.ts";
import { choices, formatPath, listAllowed, quote } from "../../lib/suggest.ts";
import type { Issue, Path } from "../types.ts";
import { hybridRules } from "./hybrid-rules.ts";
import { rank } from "../versions.ts";

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | undefined => (isObject(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A field only when it is the input's own property of the expected type. */
const field = <T>(o: unknown, key: string, is: (v: unknown) => v is T): T | undefined => {
  const r = obj(o);
  return r && Object.hasOwn(r, key) && is(r[key]) ? (r[key] as T) : undefined;
};
const isString = (v: unknown): v is string => typeof v === "string";
/** A server's version as a number for comparisons ("SE" sorts after 2019, see versions.ts); undefined when broken. */
const versionRank = (o: unknown): number | undefined => {
  const v = obj(o) && Object.hasOwn(obj(o) as Obj, "version") ? (obj(o) as Obj).version : undefined;
  return v === "SE" ? rank("SE") : typeof v === "number" ? v : undefined;
};
const str = (o: unknown, key: string) => field(o, key, isString);
const roles = (o: unknown): unknown[] => list(obj(o)?.roles);
/** Roles are known when they are a list; a broken value is the schema's issue, not a role problem. */
const rolesKnown = (o: unknown): boolean => Array.isArray(obj(o)?.roles) && versionRank(o) !== undefined;

/** Runs client-access services: a CAS, or a 2016/2019 Mailbox server (mirrors model.isClientAccess). */
const clientAccess = (s: unknown) => roles(s).includes("cas") || ((versionRank(s) ?? 0) >= 2016 && roles(s).includes("mailbox"));

/** Names of `items[i][key]` in input order, for "known: ..." lists. */
export function namesOf(items: unknown, key = "name"): string[] {
  return list(items).flatMap((it) => str(it, key) ?? []);
}

/** Duplicate `key` values among `items`, case-insensitively; returns exact name -> index of first. */
function uniques(items: unknown[], key: string, base: Path, kind: string, issues: Issue[]): Map<string, number> {
  const seen = new Map<string, number>();
  const exact = new Map<string, number>();
  items.forEach((it, i) => {
    const name = str(it, key);
    if (name === undefined) return;
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      const path = [...base, i, key];
      issues.push({
        code: "DUPLICATE",
        message: [
          `${formatPath(path)}: duplicate ${kind} ${quote(name)}; ${formatPath([...base, first, key])} has`,
          "the same name (compared case-insensitively)",
        ].join(" "),
        path,
      });
    } else seen.set(name.toLowerCase(), i);
    if (!exact.has(name)) exact.set(name, i);
  });
  return exact;
}

/**
 * A "no such name" issue. Did-you-mean costs up to (known names) edit distances, which for 20,000
 * broken users against 1,000 servers is seconds; only the first MAX_ISSUES of one rule can be
 * shown (each rule reports in input order), so later ones get the short form.
 */
function referrer(label: (kind: string) => string) {
  let count = 0;
  return (path: Path, kind: string, name: string, known: string[]): Issue => {
    const tail = ++count <= MAX_ISSUES ? choices(name, known, label(kind)) : "";
    return { code: "REFERENCE", message: `${formatPath(path)}: no ${kind} ${quote(name)}${tail}`, path };
  };
}

/** Every cross-field issue of the topology at `base` (usually ["topology"]). */
export function topologyRules(input: unknown, base: Path): Issue[] {
  const issues: Issue[] = [];
  const t = obj(input);
  if (!t) return issues;
  const [sites, servers, namespaces, users] = [list(t.sites), list(t.servers), list(t.namespaces), list(t.users)];
  const siteNames = uniques(sites, "name", [...base, "sites"], "site", issues);
  const serverNames = uniques(servers, "name", [...base, "servers"], "server", issues);
  const knownSites = [...siteNames.keys()];
  const knownServers = [...serverNames.keys()];
  const [siteRef, serverRef, mailboxRef] = [
    referrer((k) => `known ${k}s`),
    referrer((k) => `known ${k}s`),
    referrer(() => "Mailbox servers"),
  ];

  servers.forEach((s, i) => {
    const site = str(s, "site");
    if (site !== undefined && !siteNames.has(site)) issues.push(siteRef([...base, "servers", i, "site"], "site", site, knownSites));
    const rs = roles(s);
    const seenRoles = new Set<unknown>();
    rs.forEach((r, j) => {
      if (seenRoles.has(r))
        issues.push({
          code: "DUPLICATE",
          message: `${formatPath([...base, "servers", i, "roles", j])}: role ${quote(r)} is listed twice`,
          path: [...base, "servers", i, "roles", j],
        });
      seenRoles.add(r);
    });
    const version = versionRank(s) === undefined ? undefined : (obj(s) as Obj).version;
    if (version !== undefined && (versionRank(s) ?? 0) >= 2016 && rs.includes("cas")) {
      const path = [...base, "servers", i, "roles"];
      issues.push({
        code: "ROLE",
        message: [
          `${formatPath(path)}: Exchange ${version} has no Client Access role: 2016 merged it into the`,
          `Mailbox role, whose front-end service handles client access; use roles: ["mailbox"]`,
        ].join(" "),
        path,
      });
    }
  });

  uniques(namespaces, "host", [...base, "namespaces"], "namespace host", issues);
  namespaces.forEach((n, i) => {
    const entries = list(obj(n)?.servers);
    const resolved: unknown[] = [];
    const listed = new Set<string>();
    entries.forEach((e, j) => {
      if (typeof e !== "string") return;
      const path = [...base, "namespaces", i, "servers", j];
      const at = serverNames.get(e);
      const twice = listed.has(e);
      listed.add(e);
      if (twice) issues.push({ code: "DUPLICATE", message: `${formatPath(path)}: server ${quote(e)} is listed twice`, path });
      else if (at === undefined) issues.push(serverRef(path, "server", e, knownServers));
      else resolved.push(servers[at]);
    });
    if (resolved.length > 0 && resolved.length === entries.length && resolved.every(rolesKnown) && !resolved.some(clientAccess)) {
      const path = [...base, "namespaces", i, "servers"];
      issues.push({
        code: "ROLE",
        message: [
          `${formatPath(path)}: none of these servers runs client access (a "cas" role, or Exchange`,
          `2016/2019 "mailbox"), so no client can connect to this name; point it at a Client Access server`,
        ].join(" "),
        path,
      });
    }
  });

  uniques(users, "name", [...base, "users"], "user", issues);
  const mailboxServers = servers.filter((s) => roles(s).includes("mailbox")).flatMap((s) => str(s, "name") ?? []);
  users.forEach((u, i) => {
    const mbx = str(u, "mailbox");
    if (mbx === undefined) return; // required unless the user is in the cloud: hybridRules says so
    const path = [...base, "users", i, "mailbox"];
    const at = serverNames.get(mbx);
    if (at === undefined) issues.push(mailboxRef(path, "server", mbx, mailboxServers));
    else if (rolesKnown(servers[at]) && !roles(servers[at]).includes("mailbox")) {
      issues.push({
        code: "ROLE",
        message: [
          `${formatPath(path)}: server ${quote(mbx)} has no Mailbox role, so it holds no mailboxes; Mailbox`,
          `servers: ${listAllowed(mailboxServers)}`,
        ].join(" "),
        path,
      });
    }
  });

  // offlineAddressBook names servers: the generation server holds mailboxes, distributors run client access.
  const oab = obj(t.offlineAddressBook);
  const gen = str(oab, "generationServer");
  if (gen !== undefined) {
    const path = [...base, "offlineAddressBook", "generationServer"];
    const at = serverNames.get(gen);
    if (at === undefined) issues.push(mailboxRef(path, "server", gen, mailboxServers));
    else if (rolesKnown(servers[at]) && !(roles(servers[at]).includes("mailbox") && (versionRank(servers[at]) ?? 0) >= 2013))
      issues.push({
        code: "ROLE",
        message: [
          `${formatPath(path)}: server ${quote(gen)} is not a Mailbox server of Exchange 2013 or later, so`,
          "it cannot hold the OAB generation (organization) mailbox",
        ].join(" "),
        path,
      });
  }
  list(oab?.distribution).forEach((d, j) => {
    if (typeof d !== "string") return;
    const path = [...base, "offlineAddressBook", "distribution", j];
    const at = serverNames.get(d);
    if (at === undefined) issues.push(serverRef(path, "server", d, knownServers));
    else if (rolesKnown(servers[at]) && !clientAccess(servers[at]))
      issues.push({
        code: "ROLE",
        message: `${formatPath(path)}: server ${quote(d)} runs no client access, so it has no OAB virtual directory to distribute from`,
        path,
      });
  });

  issues.push(...versionMix(servers, base));
  issues.push(...hybridRules(t, base, knownServers));
  return issues;
}

/** S15 setup readiness: 2016+ never with 2007; 2019 never with 2010. One issue per clash. */
function versionMix(servers: unknown[], base: Path): Issue[] {
  const issues: Issue[] = [];
  const named = (v: number) => servers.flatMap((s) => (versionRank(s) === v ? [str(s, "name") ?? "?"] : []));
  const clash = (newest: (v: number) => boolean, old: number, advice: string) => {
    const i = servers.findIndex((s) => newest(versionRank(s) ?? 0));
    const olds = named(old);
    if (i < 0 || olds.length === 0) return;
    const v = (obj(servers[i]) as Obj).version;
    const path = [...base, "servers", i, "version"];
    issues.push({
      code: "VERSION_MIX",
      message: [
        `${formatPath(path)}: Exchange ${v} cannot be installed in an organisation that still has`,
        `Exchange ${old} servers (${listAllowed(olds, 5)}): ${advice}`,
      ].join(" "),
      path,
    });
  };
  clash((v) => v >= 2016, 2007, "remove 2007 first or keep 2013 as the newest version");
  clash((v) => v >= 2019, 2010, "remove 2010 first or keep 2016 as the newest version");
  return issues;
}
