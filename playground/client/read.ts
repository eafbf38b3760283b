/**
 * What the page reads from the editor's text, without the DOM (test/playground/page.test.ts runs
 * it in Node): the topology as the core's own parser reads it (the API's, so YAML and JSON read the
 * same here as there; validating stays the API's job), its users and the host names a client can
 * use, whether it still says what a preset says, and a one-line description.
 */
import { parseDocument, printYaml } from "../../core/browser.ts";
import { isObject } from "../../lib/plain.ts";

export type Plain = Record<string, unknown>;

export function printTopology(topology: unknown, format: string): string {
  return format === "json" ? `${JSON.stringify(topology, null, 2)}\n` : printYaml(topology);
}

/** The text as the core parses it, when it is a mapping; null while it does not parse. */
export function readTopology(text: string): Plain | null {
  if (text.trim() === "") return null;
  const r = parseDocument(text);
  return r.ok && isObject(r.value) ? r.value : null;
}

const list = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter(isObject) : []);
const names = (items: Plain[], key: string): string[] =>
  items.map((x) => x[key]).filter((x): x is string => typeof x === "string" && x !== "");

export const userNames = (t: Plain): string[] => names(list(t.users), "name");

/** The names clients use: namespaces first (the host list offers these), then what servers publish. */
export function hostNames(t: Plain): { namespaces: string[]; all: string[] } {
  const namespaces = names(list(t.namespaces), "host");
  const more: string[] = [];
  const hostOf = (v: unknown): void => {
    if (typeof v !== "string" || v === "") return;
    const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#\s]+)/i.exec(v);
    if (m?.[1]) more.push(m[1]);
  };
  for (const s of list(t.servers)) {
    hostOf(s.fqdn);
    hostOf(s.autodiscoverInternalUri);
    if (isObject(s.urls)) for (const u of Object.values(s.urls)) if (isObject(u)) Object.values(u).forEach(hostOf);
    if (isObject(s.outlookAnywhere)) {
      hostOf(s.outlookAnywhere.internalHostname);
      hostOf(s.outlookAnywhere.externalHostname);
    }
  }
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  return { namespaces, all: [...new Set(lower([...namespaces, ...more]))] };
}

/** Deep equality of parsed JSON values (key order does not matter, array order does). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;

/** One line for the description under the preset selector. */
export function describeTopology(t: Plain): string {
  const name = typeof t.name === "string" && t.name ? ` "${t.name}"` : "";
  const parts = [count(list(t.sites).length, "site"), count(list(t.servers).length, "server"), count(list(t.users).length, "user")];
  return `Custom topology${name}: ${parts.join(", ")}. Pick the user, protocol and client below.`;
}

export interface ScenarioChoice {
  user: string;
  protocol: string;
  client: string;
  kind: string;
  target: string;
  app: string;
}

/**
 * A scenario the topology offers, changed as little as possible from `current`: a hybrid kind,
 * target or app only with a `hybrid` block, a target that names one of its users (or an address),
 * a protocol some server publishes a URL for, and a client location that URL has. The page uses it
 * after an import or a new custom topology, whose first request should draw a flow, not fail.
 */
export function offeredScenario(t: Plain, current: ScenarioChoice, protocolOrder: readonly string[]): ScenarioChoice {
  const out = { ...current };
  const users = userNames(t);
  if (!isObject(t.hybrid)) Object.assign(out, { kind: "client", target: "", app: "" });
  if (out.kind === "client") out.target = "";
  else if (!users.includes(out.target) && !out.target.includes("@")) out.target = users.find((u) => u !== out.user) ?? "";
  const sides = new Map<string, Set<string>>();
  for (const s of list(t.servers)) {
    if (isObject(s.urls))
      for (const [p, u] of Object.entries(s.urls)) {
        const set = sides.get(p) ?? new Set<string>();
        if (isObject(u)) for (const side of ["internal", "external"]) if (u[side]) set.add(side);
        sides.set(p, set);
      }
    if (isObject(s.outlookAnywhere) && s.outlookAnywhere.enabled !== false)
      sides.set("outlook-anywhere", new Set(["internal", "external"]));
  }
  if (out.kind === "client" && sides.size > 0 && !sides.has(out.protocol))
    out.protocol = protocolOrder.find((p) => sides.has(p)) ?? out.protocol;
  const published = sides.get(out.protocol);
  if (published && published.size > 0 && !published.has(out.client)) out.client = [...published][0] ?? out.client;
  return out;
}
