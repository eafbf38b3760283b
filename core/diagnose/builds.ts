/**
 * Service levels: parse `build` strings ("SP3 RU10", "SP2", "CU12", "RTM", "SP1") into comparable
 * tuples, and the checks that depend on them: DX-17 (2013 below CU12 with several legacy CAS per
 * site) and DX-18 (coexistence floors, S13 and S15 setup readiness, plus 2019's: 2013 CU21, 2016 CU11). In: Facts. Out: diagnostics.
 */
import { isClientAccess, isModern } from "../model/index.ts";
import type { Server, Version } from "../types.ts";
import { dx, list, names, serverPath } from "./facts.ts";
import { buildNumber, cuOfBuild } from "../versions.ts";
import type { Facts, ScopedDiagnostic } from "./facts.ts";

/** 2007/2010: [servicePack, rollup]; 2013+: [cumulativeUpdate]. Null when the string says neither. */
export type Level = number[];

const num = (re: RegExp, s: string): number | undefined => {
  const m = re.exec(s);
  return m?.[1] === undefined ? undefined : Number(m[1]);
};

export function parseBuild(version: Version, build: string | undefined): Level | null {
  if (!build) return null;
  const rtm = /\bRTM\b/i.test(build);
  if (isModern(version)) {
    // AdminDisplayVersion numbers ("15.2.1544.4") name their CU through the build table.
    const n = buildNumber(build);
    const fromNumber = n && cuOfBuild(n);
    if (fromNumber !== undefined) return [fromNumber];
    const cu = num(/(?:^|[^a-z])CU\s*(\d+)/i, build);
    if (cu !== undefined) return [cu];
    // Exchange 2013 SP1 is CU4; 2016/2019 had no service packs.
    if (version === 2013 && num(/(?:^|[^a-z])SP\s*(\d+)/i, build) === 1) return [4];
    return rtm ? [0] : null;
  }
  const sp = num(/(?:^|[^a-z])SP\s*(\d+)/i, build);
  const ru = num(/(?:^|[^a-z])(?:RU|UR|Rollup|Update\s+Rollup)\s*(\d+)/i, build);
  if (sp === undefined && ru === undefined) return rtm ? [0, 0] : null;
  return [sp ?? 0, ru ?? 0];
}

/** -1, 0 or 1, comparing tuples element by element (missing elements count as 0). */
export function compareLevel(a: Level, b: Level): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export const formatLevel = (version: Version, l: Level): string =>
  isModern(version) ? `CU${l[0] ?? 0}` : `SP${l[0] ?? 0}${l[1] ? ` RU${l[1]}` : ""}`;

/** Floors a server of `version` must meet given the other versions present (S13, S15). */
function floorFor(version: Version, present: Set<Version>): { level: Level; because: string } | null {
  const with16 = present.has(2016) || present.has(2019);
  const newer = with16 ? (present.has(2019) ? "Exchange 2016/2019" : "Exchange 2016") : "Exchange 2013";
  if (version === 2007 && present.has(2013)) return { level: [3, 10], because: "Exchange 2013" };
  if (version === 2010 && with16) return { level: [3, 11], because: newer };
  if (version === 2010 && present.has(2013)) return { level: [3, 0], because: "Exchange 2013" };
  // With 2019: 2013 CU21+ and 2016 CU11+ (learn.microsoft.com/exchange/plan-and-deploy/system-requirements).
  if (version === 2013 && present.has(2019)) return { level: [21], because: "Exchange 2019" };
  if (version === 2016 && present.has(2019)) return { level: [11], because: "Exchange 2019" };
  if (version === 2013 && with16) return { level: [10], because: newer };
  if (version === 2013 && (present.has(2007) || present.has(2010))) return { level: [2], because: "Exchange 2007/2010" };
  return null;
}

/** Every protocol except internal RPC/TCP goes through the newer front end. */
const THROUGH_FE = ["autodiscover", "outlook-anywhere", "mapi-http", "owa", "ecp", "activesync", "ews", "oab", "pop3", "imap4"];

export function checkFloors(f: Facts): ScopedDiagnostic[] {
  const out: ScopedDiagnostic[] = [];
  for (const s of f.model.topology.servers) {
    const floor = floorFor(s.version, f.versions);
    if (!floor) continue;
    const want = formatLevel(s.version, floor.level);
    const level = parseBuild(s.version, s.build);
    const path = serverPath(f.model, s, "build");
    if (s.build && !level) {
      out.push(
        dx(
          "DX-18",
          "info",
          path,
          [],
          [
            `${s.name}: cannot read the service level "${s.build}". Coexistence with ${floor.because} needs`,
            `Exchange ${s.version} ${want} or later; write it like "${want}".`,
          ].join(" "),
        ),
      );
      continue;
    }
    if (!level || compareLevel(level, floor.level) >= 0) continue;
    // An old legacy server concerns its own version's mailboxes; an old 2013 concerns everyone it fronts.
    const scope = isModern(s.version) ? undefined : { mailboxes: names(f.mailboxServers.filter((m) => m.version === s.version)) };
    out.push(
      dx(
        "DX-18",
        "error",
        path,
        THROUGH_FE,
        [
          `${s.name} runs Exchange ${s.version} ${formatLevel(s.version, level)}, below the ${want} that`,
          `coexistence with ${floor.because} requires: Microsoft does not support (and setup blocks) this`,
          `mix, so proxying between the versions may fail. Update ${s.name} to ${want} or later.`,
        ].join(" "),
        scope,
      ),
    );
  }
  return out;
}

/** Protocols 2013 proxies to legacy CAS over HTTP (HttpProxy, S20). */
const HTTP_PROXIED = ["autodiscover", "outlook-anywhere", "owa", "ecp", "activesync", "ews", "oab"];

export function checkProxyBalance(f: Facts): ScopedDiagnostic[] {
  // S20: below CU12, 2013 HttpProxy spreads load unevenly over the legacy CAS it may pick from,
  // which are the CAS of one version in one site; with a single candidate there is nothing to spread.
  const crowded = new Map<string, Server[]>();
  for (const c of f.legacyCas) {
    const key = `${c.site}\u0000${c.version}`;
    crowded.set(key, [...(crowded.get(key) ?? []), c]);
  }
  const groups = [...crowded.values()].filter((g) => g.length >= 2);
  if (groups.length === 0) return [];
  const where = list(groups.map((g) => `${list(names(g))} (${g[0]?.site})`));
  const mailboxes = names(f.mailboxServers.filter((m) => groups.some((g) => g[0]?.site === m.site && g[0]?.version === m.version)));
  return f.model.topology.servers
    .filter((s) => s.version === 2013 && isClientAccess(s))
    .flatMap((s) => {
      const level = parseBuild(2013, s.build);
      if (!level || compareLevel(level, [12]) >= 0) return [];
      return [
        dx(
          "DX-17",
          "warning",
          serverPath(f.model, s, "build"),
          HTTP_PROXIED,
          [
            `${s.name} runs Exchange 2013 ${formatLevel(2013, level)}: before CU12 its proxying to legacy`,
            `Client Access servers is not evenly balanced, so most load lands on one of ${where}. Update`,
            `${s.name} to CU12 or later.`,
          ].join(" "),
          { mailboxes },
        ),
      ];
    });
}
