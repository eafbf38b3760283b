/**
 * servers[] -> exflow servers: name, FQDN, site, version and build (versions.ts), roles.
 * Roles follow exchange-inventory.md 3.3: 2016 and later are ["mailbox"] (client access is part
 * of the Mailbox role); older servers take Mailbox and ClientAccess from ServerRole (names or the
 * msExchCurrentServerRoles bits); Edge, and servers with neither role, are dropped.
 */
import { hostProblem } from "../validate/syntax.ts";
import type { Role, Server, Version } from "../types.ts";
import type { Path, Recorder } from "./report.ts";
import { legacyServicePack, productOf, readBuild } from "./versions.ts";
import { bool, isObject, list, prop, quote, text } from "./values.ts";

/** A server as imported (`version` may be "SE", Subscription Edition). */
export type ImportedServer = Omit<Server, "version"> & { version: Version | "SE" };

export interface ServerEntry {
  server: ImportedServer;
  /** Index in the inventory's servers[]. */
  at: number;
  /** Orders versions for namespaces: 2007 < 2010 < 2013 < 2016 = 2019 = SE. */
  rank: number;
  /** Runs client access: cas, or 2016 and later. */
  clientAccess: boolean;
}

export type Servers = Map<string, ServerEntry>;
export const key = (name: string): string => name.toLowerCase();

// msExchCurrentServerRoles bits (morgantechspace; Mailbox = 2 confirmed by CSS-Exchange fixtures).
const ROLE_BITS: [number, string][] = [
  [2, "Mailbox"],
  [4, "ClientAccess"],
  [16, "UnifiedMessaging"],
  [32, "HubTransport"],
  [64, "Edge"],
];
const KNOWN_OTHER = new Set([
  "hubtransport",
  "unifiedmessaging",
  "none",
  "monitoring",
  "centraladmin",
  "centraladmindatabase",
  "centraladminfrontend",
  "frontendtransport",
  "cafe",
  "providerportal",
  "all",
  "languagepacks",
  "managementfrontend",
  "managementbackend",
  "fffelanguagepack",
  "oscenabled",
]);

/** ServerRole as tokens; undefined when missing or unreadable. */
function roleTokens(v: unknown, path: Path, rec: Recorder): string[] | undefined {
  if (typeof v === "number") {
    const names = ROLE_BITS.filter(([bit]) => (v & bit) !== 0).map(([, n]) => n);
    const known = ROLE_BITS.reduce((a, [bit]) => a | bit, 0);
    if (!Number.isInteger(v) || v < 0 || names.length === 0) {
      rec.problem(
        "ROLE_NUMBER",
        path,
        [
          `ServerRole ${v} names no role exflow knows (Mailbox = 2, ClientAccess = 4, Edge = 64); re-run`,
          "Collect-ExflowInventory.ps1, which writes role names",
        ].join(" "),
      );
      return undefined;
    }
    rec.map(
      "ROLE_NUMBER",
      path,
      `ServerRole ${v} read as role bits: ${names.join(", ")}${(v & ~known) !== 0 ? " (other bits ignored)" : ""}`,
    );
    return names.map((n) => n.toLowerCase());
  }
  const items = list(v, path, rec, true);
  if (items.length === 0) return undefined;
  const out: string[] = [];
  for (const it of items) {
    if (typeof it.value === "number") out.push(...(roleTokens(it.value, it.path, rec) ?? []));
    else
      out.push(
        ...(text(it.value, it.path, rec) ?? "")
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((t) => t.toLowerCase()),
      );
  }
  return out.length > 0 ? out : undefined;
}

// 2016, 2019 and SE share one tier: Microsoft supports them behind one load-balanced name, and they route alike.
const RANK: Record<string, number> = { 2007: 1, 2010: 2, 2013: 3, 2016: 4, 2019: 4, SE: 4 };

export function importServers(inv: Record<string, unknown>, rec: Recorder): Servers {
  const out: Servers = new Map();
  for (const { value: s, path } of list(prop(inv, "servers")?.value, ["servers"], rec)) {
    if (!isObject(s)) {
      rec.drop("SHAPE", path, `expected a server object, got ${typeof s}; left out`);
      continue;
    }
    const entry = importServer(s, path, typeof path[1] === "number" ? path[1] : 0, rec);
    if (!entry) continue;
    if (out.has(key(entry.server.name)))
      rec.drop("DUPLICATE", path, `server ${quote(entry.server.name)} is listed twice; the first is kept`);
    else out.set(key(entry.server.name), entry);
  }
  return out;
}

function importServer(s: Record<string, unknown>, path: Path, at: number, rec: Recorder): ServerEntry | undefined {
  const f = (k: string) => prop(s, k);
  const name = text(f("name")?.value, [...path, "name"], rec);
  if (name === undefined) return void rec.drop("NO_NAME", path, "server without a name; left out");
  const rolePath = [...path, f("serverRole")?.key ?? "serverRole"];
  const tokens = roleTokens(f("serverRole")?.value, rolePath, rec);
  if (tokens?.includes("edge") || bool(f("isEdgeServer")?.value, [...path, "isEdgeServer"], rec)) {
    return void rec.drop("EDGE", path, `${name} is an Edge Transport server: it takes no part in client access; left out`);
  }
  const versionPath = [...path, f("adminDisplayVersion")?.key ?? "adminDisplayVersion"];
  if (f("adminDisplayVersion")?.value === undefined || f("adminDisplayVersion")?.value === null) {
    return void rec.drop(
      "NO_VERSION",
      versionPath,
      [
        `${name}: AdminDisplayVersion is missing, so the Exchange version is unknown (ExchangeVersion is`,
        `not the product version); add it, e.g. "Version 15.1 (Build 2507.6)"; the server is left out`,
      ].join(" "),
    );
  }
  const build = readBuild(f("adminDisplayVersion")?.value, versionPath, rec);
  const product = build && productOf(build, versionPath, rec);
  if (!build || !product) return void rec.drop("NO_VERSION", path, `${name}: no readable Exchange version; left out`);
  const modern = product.version === "SE" || product.version >= 2016;
  const cas = bool(f("isClientAccessServer")?.value, [...path, "isClientAccessServer"], rec);
  const mbx = bool(f("isMailboxServer")?.value, [...path, "isMailboxServer"], rec);
  let roles: Role[];
  if (modern) {
    roles = ["mailbox"];
    if (tokens === undefined)
      rec.guess(
        "ROLES",
        path,
        "adminDisplayVersion",
        `${name}: roles ["mailbox"], as every Exchange ${product.version} server that is not Edge`,
      );
  } else if (tokens !== undefined) {
    roles = [...(tokens.includes("clientaccess") ? ["cas" as const] : []), ...(tokens.includes("mailbox") ? ["mailbox" as const] : [])];
    const other = tokens.filter((t) => t !== "clientaccess" && t !== "mailbox" && !KNOWN_OTHER.has(t));
    if (other.length > 0)
      rec.map("ROLE_IGNORED", rolePath, `role names ${other.map((t) => quote(t)).join(", ")} are not client access or mailbox; ignored`);
    if ((cas === true) !== roles.includes("cas") && cas !== undefined)
      rec.problem(
        "ROLE_MISMATCH",
        [...path, "isClientAccessServer"],
        [
          `${name}: isClientAccessServer is ${cas} but ServerRole`,
          `${roles.includes("cas") ? "has" : "lacks"} ClientAccess; ServerRole is used`,
        ].join(" "),
      );
  } else {
    roles = [...(cas ? ["cas" as const] : []), ...(mbx ? ["mailbox" as const] : [])];
    if (roles.length > 0)
      rec.guess(
        "ROLES",
        path,
        "isClientAccessServer/isMailboxServer",
        `${name}: ServerRole is missing or unreadable; roles ${JSON.stringify(roles)}`,
      );
  }
  if (roles.length === 0) {
    return void rec.drop(
      "UNKNOWN_ROLE",
      path,
      `${name} has neither the Client Access nor the Mailbox role (${tokens?.join(", ") || "no role readable"}); left out`,
    );
  }
  const sitePath = [...path, f("site")?.key ?? "site"];
  let site = text(f("site")?.value, sitePath, rec);
  if (site?.includes("/")) {
    const seg = site.split("/").filter(Boolean).at(-1);
    rec.map("SITE_PATH", sitePath, `read the site's canonical name ${quote(site)} as ${quote(seg ?? "")}`);
    site = seg;
  }
  if (!site) {
    site = "Unknown site";
    rec.guess("SITE", sitePath, "site", `${name}: the AD site is missing; put in a site named "Unknown site" - set the real one`);
  }
  const server: ImportedServer = { name, version: product.version, roles, site };
  const fqdn = text(f("fqdn")?.value, [...path, "fqdn"], rec)?.toLowerCase();
  if (fqdn !== undefined) {
    const p = hostProblem(fqdn);
    if (p) rec.problem("HOST", [...path, "fqdn"], `${p}; left out`);
    else server.fqdn = fqdn;
  }
  if (product.level) server.build = product.level;
  else if (product.version === 2007 || product.version === 2010) {
    rec.problem(
      "RU_UNKNOWN",
      versionPath,
      [
        `${name}: ${product.label}; AdminDisplayVersion does not show the update rollup, so build is left`,
        `out (coexistence floors need it); add build: "${legacyServicePack(build)} RU<n>" from`,
        "ExSetup.exe's file version (Get-Command ExSetup | ForEach-Object FileVersionInfo)",
      ].join(" "),
    );
  }
  // Key order of the emitted YAML: name, fqdn, version, build, roles, site.
  const ordered: ImportedServer = {
    name,
    ...(server.fqdn ? { fqdn: server.fqdn } : {}),
    version: server.version,
    ...(server.build ? { build: server.build } : {}),
    roles,
    site,
  };
  rec.map("SERVER", path, `${name}: ${product.label}, roles ${roles.join(", ")}, site ${site}`);
  return { server: ordered, at, rank: RANK[String(product.version)] ?? 0, clientAccess: roles.includes("cas") || modern };
}
