/**
 * The inventory importer: the JSON file Collect-ExflowInventory.ps1 writes (format
 * "exflow-inventory/1", collect/exflow-inventory.schema.json) -> an exflow topology and an import
 * report. Pure and total: given any text or bytes it returns a Result, never throws. A file of
 * another shape (a HealthChecker export, a topology, hand-made JSON) is an error naming the
 * expected format; inside a recognised inventory every odd value is mapped or reported.
 *
 * @example importInventory(bytes) // { ok: true, value: { topology, report } }
 */
import { diagnose } from "../diagnose/index.ts";
import { buildModel } from "../model/index.ts";
import { parseDocument } from "../parse/index.ts";
import type { Issue, Result, Site, Topology } from "../types.ts";
import { validateTopology } from "../validate/index.ts";
import { importOutlookAnywhere, importPopImap, importScp, importVdirs, type Sighting } from "./access.ts";
import { decodeInventoryBytes } from "./decode.ts";
import { deriveNamespaces } from "./namespaces.ts";
import { Recorder, type ImportReport } from "./report.ts";
import { importServers, type ImportedServer } from "./servers.ts";
import { importHybrid, importUsers, readDatabases } from "./users.ts";
import { bool, isObject, list, prop, quote, text } from "./values.ts";

export { decodeInventoryBytes, sniffEncoding } from "./decode.ts";
export type { ImportReport, NamespaceReview, ReportEntry } from "./report.ts";

export const INVENTORY_FORMAT = "exflow-inventory/1";
const EXPECTED = [
  `expected the JSON file Collect-ExflowInventory.ps1 writes (format ${quote(INVENTORY_FORMAT)}: an`,
  `object with "schema": ${quote(INVENTORY_FORMAT)}, "servers", "vdirs", ...)`,
].join(" ");

/** The imported topology (servers may say version "SE"). */
export type ImportedTopology = Omit<Topology, "servers"> & { servers: ImportedServer[] };

export interface Imported {
  topology: ImportedTopology;
  report: ImportReport;
  /** The topology passed validation (if not, report.diagnostics holds its issues). */
  valid: boolean;
}

const fail = (code: string, message: string, path: (string | number)[] = []): { ok: false; issues: Issue[] } => ({
  ok: false,
  issues: [{ code, message, path }],
});

export function importInventory(input: string | Uint8Array): Result<Imported> {
  try {
    const text_ = typeof input === "string" ? input : decodeInventoryBytes(input).text;
    const doc = parseDocument(text_, "json");
    if (!doc.ok)
      return { ok: false, issues: doc.issues.map((i) => ({ ...i, message: `${i.message} (the inventory must be JSON; ${EXPECTED})` })) };
    const shape = recognise(doc.value);
    if (shape) return shape;
    return { ok: true, value: build(doc.value as Record<string, unknown>) };
  } catch (e) {
    return fail("INTERNAL", `(document): the import failed unexpectedly (${String(e).slice(0, 200)}); please report this inventory`);
  }
}

/** Undefined for an inventory of a version we read; otherwise the error naming what it is. */
function recognise(v: unknown): { ok: false; issues: Issue[] } | undefined {
  if (!isObject(v)) return fail("FORMAT", `(document): ${EXPECTED}; got ${Array.isArray(v) ? "a list" : typeof v}`);
  const schema = prop(v, "schema")?.value;
  if (typeof schema === "string" && schema.trim() === INVENTORY_FORMAT) return undefined;
  if (typeof schema === "string" && /^exflow-inventory\//.test(schema.trim())) {
    return fail(
      "VERSION",
      [
        `schema: ${quote(schema)} is a newer inventory format than this exflow reads`,
        `(${INVENTORY_FORMAT}); update exflow, or run the collector that came with this version`,
      ].join(" "),
      ["schema"],
    );
  }
  const keys = Object.keys(v).map((k) => k.toLowerCase());
  if (
    keys.some(
      (k) =>
        k.startsWith("healthchecker") ||
        ["exchangeinformation", "hardwareinformation", "osinformation", "organizationinformation"].includes(k),
    )
  ) {
    return fail(
      "FORMAT",
      [
        `(document): this looks like a HealthChecker export; exflow does not read it. ${EXPECTED}: run`,
        "collect/Collect-ExflowInventory.ps1 in the Exchange Management Shell",
      ].join(" "),
    );
  }
  const servers = prop(v, "servers")?.value;
  if (Array.isArray(servers) && servers.some((s) => isObject(s) && "roles" in s && "version" in s)) {
    return fail(
      "FORMAT",
      [
        "(document): this is already an exflow topology (servers with version and roles); use it as it is",
        `(exflow validate / audit). ${EXPECTED}`,
      ].join(" "),
    );
  }
  return fail(
    "FORMAT",
    [
      `${schema === undefined ? "(document)" : "schema"}:`,
      `${schema === undefined ? 'no "schema" field' : `${quote(schema)} is not an exflow inventory`};`,
      `${EXPECTED}`,
    ].join(" "),
    schema === undefined ? [] : ["schema"],
  );
}

function build(inv: Record<string, unknown>): Imported {
  const rec = new Recorder();
  const servers = importServers(inv, rec);
  const seen: Sighting[] = [];
  importVdirs(inv, servers, rec, seen);
  importOutlookAnywhere(inv, servers, rec, seen);
  importPopImap(inv, servers, rec, seen);
  importScp(inv, servers, rec, seen);
  const dbs = readDatabases(inv, servers, rec);
  const users = importUsers(inv, servers, dbs, rec);
  const hybrid = importHybrid(inv, servers, users, rec);
  const { namespaces, review } = deriveNamespaces(inv, servers, seen, rec);
  for (const { value: e, path } of list(prop(inv, "errors")?.value, ["errors"], rec)) {
    const cmdlet = isObject(e) ? text(prop(e, "cmdlet")?.value, [...path, "cmdlet"], rec) : text(e, path, rec);
    const msg = isObject(e) ? text(prop(e, "message")?.value, [...path, "message"], rec) : undefined;
    rec.missing(
      "NOT_COLLECTED",
      path,
      `${cmdlet ?? "a cmdlet"} failed in the collector${msg ? ` (${msg.slice(0, 200)})` : ""}: what it reads is missing from the topology`,
    );
  }
  const serverList = [...servers.values()].map((e) => e.server);
  const siteNames: string[] = [];
  for (const s of serverList) if (!siteNames.includes(s.site)) siteNames.push(s.site);
  for (const { value: s, path } of list(prop(inv, "sites")?.value, ["sites"], rec)) {
    const name = isObject(s) ? text(prop(s, "name")?.value, [...path, "name"], rec) : text(s, path, rec);
    if (name && !siteNames.includes(name)) rec.drop("EMPTY_SITE", path, `site ${quote(name)} has no imported Exchange server; left out`);
  }
  const sites: Site[] = siteNames.map((name) => ({ name }));
  const topology: ImportedTopology = { ...domainOf(servers, rec), sites, servers: serverList, namespaces, users, ...hybrid };
  const checked = validateTopology(topology, []);
  const diagnostics = checked.ok
    ? diagnose(buildModel(checked.value)).map(({ code, severity, message, path, breaks }) => ({ code, severity, message, path, breaks }))
    : checked.issues;
  const collector = prop(inv, "collector")?.value;
  const report: ImportReport = {
    format: INVENTORY_FORMAT,
    collectedAt: text(prop(inv, "collectedAt")?.value, ["collectedAt"], rec) ?? null,
    psVersion: isObject(collector) ? (text(prop(collector, "psVersion")?.value, ["collector", "psVersion"], rec) ?? null) : null,
    anonymized: isObject(collector) ? (bool(prop(collector, "anonymized")?.value, ["collector", "anonymized"], rec) ?? null) : null,
    summary: {
      servers: serverList.length,
      sites: sites.length,
      namespaces: namespaces.length,
      users: users.length,
      mapped: rec.mapped.length,
      guessed: rec.guessed.length,
      dropped: rec.dropped.length,
      problems: rec.problems.length,
      notCollected: rec.notCollected.length,
      diagnostics: diagnostics.length,
    },
    mapped: rec.mapped,
    guessed: rec.guessed,
    dropped: rec.dropped,
    problems: rec.problems,
    notCollected: rec.notCollected,
    namespaces: review,
    diagnostics,
  };
  return { topology, report, valid: checked.ok };
}

/** The SMTP/Autodiscover domain from the SCP's autodiscover.<domain> host, if all agree. */
function domainOf(servers: ReturnType<typeof importServers>, rec: Recorder): { domain?: string } {
  const hosts = new Set<string>();
  let at = 0;
  for (const e of servers.values()) {
    const h = /^https?:\/\/autodiscover\.([^/:?#]+)/i.exec(e.server.autodiscoverInternalUri ?? "")?.[1]?.toLowerCase();
    if (h) {
      if (hosts.size === 0) at = e.at;
      hosts.add(h);
    }
  }
  if (hosts.size !== 1) return {};
  const [domain] = hosts;
  rec.guess(
    "DOMAIN",
    ["servers", at],
    "clientAccess[].autodiscoverInternalUri",
    `domain ${domain}, from the autodiscover.${domain} name in the SCP`,
  );
  return domain ? { domain } : {};
}
