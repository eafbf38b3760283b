/**
 * Cross-field rules for Subscription Edition and hybrid input (docs/hybrid.md):
 * which versions and builds may share an organisation with SE (SE-6..SE-9), builds that contradict
 * the version, where users live, and references inside the `hybrid` block.
 * In: the raw topology (read best-effort, like validate-rules.ts). Out: Issues (VERSION_MIX,
 * BUILD, REQUIRED, HYBRID, REFERENCE).
 */
import { choices, formatPath, quote } from "../../lib/suggest.ts";
import type { Issue, Path } from "../types.ts";
import { buildNumber, cuOfBuild, versionOfBuild } from "../versions.ts";

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const own = (o: unknown, key: string): unknown => (obj(o) && Object.hasOwn(obj(o) as Obj, key) ? (obj(o) as Obj)[key] : undefined);
const str = (o: unknown, key: string): string | undefined => (typeof own(o, key) === "string" ? (own(o, key) as string) : undefined);

/** The CU of a modern server from "CU14" or a build number; undefined when the build says neither. */
function cuOf(server: unknown): number | undefined {
  const build = str(server, "build");
  if (!build) return undefined;
  const n = buildNumber(build);
  if (n) return cuOfBuild(n);
  const m = /(?:^|[^a-z])CU\s*(\d+)/i.exec(build);
  return m ? Number(m[1]) : /\bRTM\b/i.test(build) ? 0 : undefined;
}

export function seRules(servers: unknown[], base: Path): Issue[] {
  const issues: Issue[] = [];
  const se = servers.map((s, i) => [s, i] as const).filter(([s]) => own(s, "version") === "SE");
  servers.forEach((s, i) => {
    // A build number that names another version is a typo in one of the two fields.
    const n = buildNumber(str(s, "build"));
    const v = own(s, "version");
    if (n && (typeof v === "number" || v === "SE") && versionOfBuild(n) !== v) {
      const path = [...base, "servers", i, "build"];
      issues.push({
        code: "BUILD",
        message: [
          `${formatPath(path)}: build ${str(s, "build")} is Exchange ${versionOfBuild(n)}, but the server's`,
          `version is ${v}; 15.0 is 2013, 15.1 is 2016, 15.2 below 2562 is 2019, 15.2.2562 and later is SE`,
        ].join(" "),
        path,
      });
    }
  });
  // SE-6: SE Setup and 2019 CU15 Setup (the same code) refuse an organisation with Exchange 2013 or older.
  const blockers = servers
    .map((s, i) => [s, i] as const)
    .filter(([s]) => own(s, "version") === "SE" || (own(s, "version") === 2019 && (cuOf(s) ?? 0) >= 15));
  const first = blockers[0];
  if (!first) return issues;
  const blocker = str(first[0], "name") ?? "?";
  const what = own(first[0], "version") === "SE" ? "Exchange SE" : "Exchange 2019 CU15 or later";
  servers.forEach((s, i) => {
    const v = own(s, "version");
    const name = str(s, "name") ?? "?";
    const path = [...base, "servers", i, "version"];
    if (v === 2013 || v === 2010 || v === 2007)
      issues.push({
        code: "VERSION_MIX",
        message: [
          `${formatPath(path)}: ${name} runs Exchange ${v}, but ${blocker} is ${what}: its Setup refuses`,
          "an organisation that still has Exchange 2013 or older (SE-6; SE RTM is the 2019 CU15 code). Move",
          `the mailboxes and decommission ${name} first.`,
        ].join(" "),
        path,
      });
  });
  // SE CU2 refuses every version unsupported at its release, i.e. 2016 and 2019 (SE-8; one source says CU1).
  const cu2 = se.find(([s]) => (cuOf(s) ?? 0) >= 2);
  const older = servers.filter((s) => own(s, "version") === 2016 || own(s, "version") === 2019).map((s) => str(s, "name") ?? "?");
  if (cu2 && older.length > 0) {
    const path = [...base, "servers", cu2[1], "build"];
    issues.push({
      code: "VERSION_MIX",
      message: [
        `${formatPath(path)}: Exchange SE CU2 Setup refuses an organisation with Exchange 2016 or 2019`,
        `servers (${older.slice(0, 5).join(", ")}) (SE-8; one source says CU1 already does). Decommission`,
        "them before installing CU2.",
      ].join(" "),
      path,
    });
  }
  return issues;
}

export function userRules(t: Obj, base: Path): Issue[] {
  const issues: Issue[] = [];
  const hybrid = obj(own(t, "hybrid"));
  const hybridOn = !!hybrid && own(hybrid, "type") !== "none";
  list(own(t, "users")).forEach((u, i) => {
    const cloud = own(u, "location") === "cloud";
    const at = (k: string): Path => [...base, "users", i, k];
    if (!cloud && own(u, "mailbox") === undefined && obj(u))
      issues.push({
        code: "REQUIRED",
        message: [
          `${formatPath(at("mailbox"))}: an on-premises user needs the Mailbox server holding the mailbox`,
          "(or location: cloud for a mailbox in Exchange Online)",
        ].join(" "),
        path: at("mailbox"),
      });
    if (cloud && own(u, "mailbox") !== undefined)
      issues.push({
        code: "HYBRID",
        message: [
          `${formatPath(at("mailbox"))}: a cloud user's mailbox is in Exchange Online, not on an`,
          "on-premises server; leave mailbox out (or set location: onprem)",
        ].join(" "),
        path: at("mailbox"),
      });
    if (cloud && !hybridOn)
      issues.push({
        code: "HYBRID",
        message: [
          `${formatPath(at("location"))}: a cloud user needs a hybrid block (hybrid: { type: classic, ...`,
          "}) that says how on-premises reaches Exchange Online",
        ].join(" "),
        path: at("location"),
      });
  });
  return issues;
}

export function hybridRefs(t: Obj, base: Path, knownServers: string[]): Issue[] {
  const hybrid = obj(own(t, "hybrid"));
  if (!hybrid) return [];
  const issues: Issue[] = [];
  const known = new Set(knownServers);
  const hosts = new Set(list(own(t, "namespaces")).flatMap((n) => str(n, "host")?.toLowerCase() ?? []));
  const ref = (path: Path, name: unknown, alsoHost = false) => {
    if (typeof name !== "string" || known.has(name) || (alsoHost && hosts.has(name.toLowerCase()))) return;
    issues.push({
      code: "REFERENCE",
      message: `${formatPath(path)}: no server ${quote(name)}${choices(name, knownServers, "known servers")}`,
      path,
    });
  };
  const hb = [...base, "hybrid"];
  for (const [i, n] of list(own(hybrid, "hybridServers")).entries()) ref([...hb, "hybridServers", i], n);
  for (const [i, n] of list(own(own(hybrid, "sendConnector"), "sourceServers")).entries())
    ref([...hb, "sendConnector", "sourceServers", i], n);
  ref([...hb, "hybridAgent", "targetServer"], own(own(hybrid, "hybridAgent"), "targetServer"), true);
  if (own(hybrid, "type") === "modern" && !own(hybrid, "hybridAgent")) {
    issues.push({
      code: "HYBRID",
      message: [
        `${formatPath([...hb, "hybridAgent"])}: modern hybrid publishes nothing to Exchange Online`,
        "itself; name the Hybrid Agent ({ url: <guid>.resource.mailboxmigration.his.msappproxy.net,",
        "targetServer: <a Client Access server> })",
      ].join(" "),
      path: [...hb, "hybridAgent"],
    });
  }
  return issues;
}

/** Every SE / hybrid cross-field issue of the topology at `base`. */
export function hybridRules(t: Obj, base: Path, knownServers: string[]): Issue[] {
  return [...seRules(list(own(t, "servers")), base), ...userRules(t, base), ...hybridRefs(t, base, knownServers)];
}
