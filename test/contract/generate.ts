/**
 * Requests made from the OpenAPI document's own schemas. Valid values come from json-schema-faker
 * (seeded, so every run sends the same requests); deliberately invalid ones from `mutate`, which
 * walks a valid value alongside its schema and breaks one thing the schema states (a required
 * field, an unknown field, a type, an enum, a length, a pattern, an item count).
 *
 * JSON Schema cannot state cross-references (a server's site must be one of the sites), so a
 * generated topology is `repair`ed into a consistent one before it is expected to be accepted.
 */
import { generate } from "json-schema-faker";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Small documents: a few items per list, short strings (patterns still apply). */
export async function fake(schema: unknown, seed: number): Promise<unknown> {
  return generate(schema as Parameters<typeof generate>[0], { seed, maxItems: 3, maxLength: 24, optionalsProbability: 0.5, maxDepth: 30 });
}

/** The schema at a JSON pointer of the document, with local `$ref`s followed. */
export function at(doc: Json, pointer: string): Json {
  let cur: unknown = doc;
  for (const part of pointer.split("/").slice(1)) cur = (cur as Json)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  const s = cur as Json;
  return typeof s.$ref === "string" && s.$ref.startsWith("#/") ? at(doc, s.$ref.slice(1)) : s;
}

/** Unique (case-insensitive) names, with a suffix for repeats. */
function unique(items: Json[], key: string, suffix: (v: string, i: number) => string): void {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    let v = String(it[key]);
    if (seen.has(v.toLowerCase())) v = suffix(v, i);
    seen.add(v.toLowerCase());
    it[key] = v;
  });
}

/** A version for comparisons: "SE" (Subscription Edition) comes after 2019. */
const rank = (s: Json): number => (s.version === "SE" ? 2025 : (s.version as number));
/** A service level consistent with each version and with Exchange SE's coexistence floors (2016 CU23, 2019 CU14; SE before CU2). */
const BUILDS: Record<string, string> = { 2007: "SP3 RU23", 2010: "SP3 RU32", 2013: "CU23", 2016: "CU23", 2019: "CU14", SE: "RTM" };

/**
 * A schema-valid topology made consistent: unique names, servers in existing sites, 2016+ (and SE)
 * as Mailbox only, no forbidden version mix (SE only with 2016/2019), builds that fit the version,
 * users on Mailbox servers (cloud users only with a hybrid block, and then without a mailbox),
 * namespaces on client-access servers, at least one user, the OAB on servers that can hold and
 * distribute it, and the hybrid block's server names resolving (modern hybrid needs its Hybrid
 * Agent). Stays schema-valid: only names, versions, builds, roles, `location`, `mailbox` and the
 * hybrid type are changed.
 */
export function repair(t: Json): Json {
  const sites = t.sites as Json[];
  const servers = t.servers as Json[];
  unique(sites, "name", (v, i) => `${v.slice(0, 200)}-s${i}`);
  unique(servers, "name", (v, i) => `${v.slice(0, 200)}-x${i}`);
  // SE Setup refuses 2013 and older in the organisation; 2016+ refuses 2007; 2019+ refuses 2010.
  if (servers.some((s) => s.version === "SE") && servers.some((s) => rank(s) <= 2013))
    for (const s of servers) if (s.version === "SE") s.version = 2019;
  if (servers.some((s) => s.version === 2007) && servers.some((s) => rank(s) >= 2016))
    for (const s of servers) if (rank(s) >= 2016) s.version = 2013;
  if (servers.some((s) => s.version === 2010) && servers.some((s) => rank(s) >= 2019))
    for (const s of servers) if (rank(s) >= 2019) s.version = 2016;
  servers.forEach((s, i) => {
    s.site = sites[i % sites.length]?.name;
    if (rank(s) >= 2016) s.roles = ["mailbox"];
    if (s.build !== undefined) s.build = BUILDS[String(s.version)];
  });
  if (!servers.some((s) => (s.roles as string[]).includes("mailbox")))
    servers[0]!.roles = rank(servers[0]!) >= 2016 ? ["mailbox"] : ["cas", "mailbox"];
  const mailboxes = servers.filter((s) => (s.roles as string[]).includes("mailbox")).map((s) => s.name as string);
  const access = servers.filter((s) => (s.roles as string[]).includes("cas") || rank(s) >= 2016).map((s) => s.name as string);
  const namespaces = access.length ? (t.namespaces as Json[]) : [];
  unique(namespaces, "host", (v, i) => `n${i}.${v.slice(0, 200)}`);
  for (const [i, n] of namespaces.entries()) n.servers = [access[i % access.length]];
  const hybrid = t.hybrid as Json | undefined;
  const hybridOn = hybrid !== undefined && hybrid.type !== "none";
  const users = t.users as Json[];
  if (users.length === 0) users.push({ name: "u0", mailbox: "" });
  unique(users, "name", (v, i) => `${v.slice(0, 200)}-u${i}`);
  users.forEach((u, i) => {
    // A cloud user's mailbox is in Exchange Online, which only a hybrid block connects to.
    if (u.location === "cloud" && !hybridOn) u.location = "onprem";
    if (u.location === "cloud") delete u.mailbox;
    else u.mailbox = mailboxes[i % mailboxes.length];
  });
  // The OAB is generated on a 2013+ Mailbox server and distributed by client-access servers.
  const oab = t.offlineAddressBook as Json | undefined;
  if (oab) {
    const modern = servers.filter((s) => (s.roles as string[]).includes("mailbox") && rank(s) >= 2013).map((s) => s.name as string);
    if (oab.generationServer !== undefined) {
      if (modern[0]) oab.generationServer = modern[0];
      else delete oab.generationServer;
    }
    if (oab.distribution !== undefined) {
      if (access[0]) oab.distribution = [access[0]];
      else delete oab.distribution;
    }
  }
  if (hybrid) {
    const named = (list: unknown) => (list as unknown[]).map((_, i) => servers[i % servers.length]?.name as string);
    if (Array.isArray(hybrid.hybridServers)) hybrid.hybridServers = named(hybrid.hybridServers);
    const connector = hybrid.sendConnector as Json | undefined;
    if (Array.isArray(connector?.sourceServers)) connector.sourceServers = named(connector.sourceServers);
    const agent = hybrid.hybridAgent as Json | undefined;
    if (agent) agent.targetServer = access[0] ?? servers[0]?.name;
    // Modern hybrid reaches on-premises only through its Hybrid Agent.
    if (hybrid.type === "modern" && !agent) hybrid.type = "classic";
  }
  return { ...t, namespaces };
}

export interface Mutation {
  what: string;
  value: unknown;
}

/** Every place in `value` (valid against `schema`) and the schema that governs it. */
function places(
  doc: Json,
  schema: Json,
  value: unknown,
  path: (string | number)[],
  out: { path: (string | number)[]; schema: Json; value: unknown }[],
): void {
  const s = typeof schema.$ref === "string" ? at(doc, schema.$ref.slice(1)) : schema;
  const branches = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (branches) {
    // The branch whose required fields the value has (FlowRequest: topology or preset).
    const fit =
      branches.find((b) => isObject(value) && ((b.required as string[] | undefined) ?? []).every((k) => k in value)) ?? branches[0];
    if (fit) places(doc, { ...fit }, value, path, out);
    return;
  }
  out.push({ path, schema: s, value });
  if (isObject(value) && isObject(s.properties)) {
    for (const [k, v] of Object.entries(value)) {
      const sub = (s.properties as Json)[k];
      if (isObject(sub)) places(doc, sub, v, [...path, k], out);
    }
  } else if (Array.isArray(value) && isObject(s.items)) {
    for (const [i, v] of value.entries()) places(doc, s.items as Json, v, [...path, i], out);
  }
}

function breakIt(s: Json, v: unknown, pick: (n: number) => number): Mutation | undefined {
  const options: (() => Mutation | undefined)[] = [];
  if (isObject(v) && s.additionalProperties === false) options.push(() => ({ what: "unknown field", value: { ...v, zzUnknownField: 1 } }));
  if (isObject(v) && Array.isArray(s.required) && s.required.length > 0) {
    options.push(() => {
      const k = (s.required as string[])[pick((s.required as string[]).length)] as string;
      const { [k]: _gone, ...rest } = v;
      return { what: `missing ${k}`, value: rest };
    });
  }
  const values = s.enum;
  if (Array.isArray(values)) options.push(() => ({ what: "not in enum", value: `${String(values[0])}-not-allowed` }));
  if (typeof v === "string" && typeof s.maxLength === "number")
    options.push(() => ({ what: "too long", value: "a".repeat((s.maxLength as number) + 1) }));
  if (typeof v === "string" && typeof s.pattern === "string")
    options.push(() => ({ what: "breaks the pattern", value: "not valid here!" }));
  if (typeof v === "string" && s.minLength === 1) options.push(() => ({ what: "empty", value: "" }));
  if (Array.isArray(v) && typeof s.minItems === "number" && s.minItems > 0) options.push(() => ({ what: "too few items", value: [] }));
  if (Array.isArray(v) && v.length > 0 && typeof s.maxItems === "number" && s.maxItems <= 11)
    options.push(() => ({ what: "too many items", value: Array.from({ length: (s.maxItems as number) + 1 }, () => (v as unknown[])[0]) }));
  options.push(() => ({
    what: "wrong type",
    value: typeof v === "string" ? 12345 : typeof v === "number" ? "12345" : isObject(v) ? ["an", "array"] : "a string",
  }));
  return options[pick(options.length)]?.();
}

/** `value` with one thing broken, chosen by `seed`, and where; undefined when nothing can be. */
export function mutate(
  doc: Json,
  schema: Json,
  value: unknown,
  seed: number,
): { path: (string | number)[]; what: string; value: unknown } | undefined {
  let state = seed * 2654435761;
  const pick = (n: number) => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state % n;
  };
  const all: { path: (string | number)[]; schema: Json; value: unknown }[] = [];
  places(doc, schema, value, [], all);
  for (let tries = 0; tries < 10; tries++) {
    const spot = all[pick(all.length)];
    if (!spot) return undefined;
    const m = breakIt(spot.schema, spot.value, pick);
    if (!m) continue;
    return { path: spot.path, what: m.what, value: setAt(value, spot.path, m.value) };
  }
  return undefined;
}

function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) return root.map((x, i) => (i === head ? setAt(x, rest, v) : x));
  return { ...(root as Json), [head]: setAt((root as Json)[head], rest, v) };
}
