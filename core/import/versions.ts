/**
 * Product version and service level from AdminDisplayVersion ("Version 15.1 (Build 2507.6)", or
 * the ServerVersion object { Major, Minor, Build, Revision } a naive export writes), never from
 * ExchangeVersion, which is the object's schema version (exchange-inventory.md 1.1, 3.1, 3.2).
 *
 * Cumulative-update builds: Microsoft's "Exchange Server build numbers and release dates" (D2);
 * the reference re-checked the rows marked in its 3.2 table, the rest are the same page's list.
 */
import type { Version } from "../types.ts";
import type { Path, Recorder } from "./report.ts";
import { isObject, prop, quote, text } from "./values.ts";

export interface Build {
  major: number;
  minor: number;
  build: number;
  revision: number;
}

export interface Product {
  version: Version | "SE";
  /** exflow `build` ("CU23"); undefined where AdminDisplayVersion does not tell it (2007/2010 RU). */
  level?: string;
  /** What the admin reads, e.g. "Exchange 2010 SP3 (14.3.123.4)". */
  label: string;
}

// Build number of each CU's release (same major.minor), ascending; the index is not the CU number.
const CU_2013: [number, string][] = [
  [516, "RTM"],
  [620, "CU1"],
  [712, "CU2"],
  [775, "CU3"],
  [847, "CU4"],
  [913, "CU5"],
  [995, "CU6"],
  [1044, "CU7"],
  [1076, "CU8"],
  [1104, "CU9"],
  [1130, "CU10"],
  [1156, "CU11"],
  [1178, "CU12"],
  [1210, "CU13"],
  [1236, "CU14"],
  [1263, "CU15"],
  [1293, "CU16"],
  [1320, "CU17"],
  [1347, "CU18"],
  [1365, "CU19"],
  [1367, "CU20"],
  [1395, "CU21"],
  [1473, "CU22"],
  [1497, "CU23"],
];
const CU_2016: [number, string][] = [
  [225, "RTM"],
  [396, "CU1"],
  [466, "CU2"],
  [544, "CU3"],
  [669, "CU4"],
  [845, "CU5"],
  [1034, "CU6"],
  [1261, "CU7"],
  [1415, "CU8"],
  [1466, "CU9"],
  [1531, "CU10"],
  [1591, "CU11"],
  [1713, "CU12"],
  [1779, "CU13"],
  [1847, "CU14"],
  [1913, "CU15"],
  [1979, "CU16"],
  [2044, "CU17"],
  [2106, "CU18"],
  [2176, "CU19"],
  [2242, "CU20"],
  [2308, "CU21"],
  [2375, "CU22"],
  [2507, "CU23"],
];
const CU_2019: [number, string][] = [
  [221, "RTM"],
  [330, "CU1"],
  [397, "CU2"],
  [464, "CU3"],
  [529, "CU4"],
  [595, "CU5"],
  [659, "CU6"],
  [721, "CU7"],
  [792, "CU8"],
  [858, "CU9"],
  [922, "CU10"],
  [986, "CU11"],
  [1118, "CU12"],
  [1258, "CU13"],
  [1544, "CU14"],
  [1748, "CU15"],
];
/** First Subscription Edition build (CSS-Exchange HealthChecker: 15.2, build >= 2562). */
export const SE_FIRST_BUILD = 2562;

/** The highest CU released at or before `build`; undefined below RTM (a pre-release build). */
function cuOf(table: [number, string][], build: number): string | undefined {
  let out: string | undefined;
  for (const [b, name] of table) if (b <= build) out = name;
  return out;
}

const VERSION_RE = /^Version\s+(\d+)\.(\d+)\s*\(Build\s+(\d+)\.(\d+)/i;

/** AdminDisplayVersion as a string or a ServerVersion object; undefined (recorded) when unreadable. */
export function readBuild(v: unknown, path: Path, rec: Recorder): Build | undefined {
  if (isObject(v) && prop(v, "Major") !== undefined) {
    const n = (k: string) => Number(prop(v, k)?.value ?? 0);
    const b = { major: n("Major"), minor: n("Minor"), build: n("Build"), revision: n("Revision") };
    if ([b.major, b.minor, b.build, b.revision].every((x) => Number.isInteger(x) && x >= 0)) {
      rec.map("VERSION_OBJECT", path, `read the ServerVersion object as ${b.major}.${b.minor}.${b.build}.${b.revision}`);
      return b;
    }
  }
  const s = text(v, path, rec);
  if (s === undefined) return undefined;
  const m = VERSION_RE.exec(s) ?? /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (!m) {
    rec.problem("VERSION", path, `${quote(s)} is not an AdminDisplayVersion such as "Version 15.1 (Build 2507.6)"; the server is left out`);
    return undefined;
  }
  return { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3]), revision: Number(m[4]) };
}

/** Exchange product and exflow version/build for a build number; undefined (recorded) for 2003 and unknown majors. */
export function productOf(b: Build, path: Path, rec: Recorder): Product | undefined {
  const num = `${b.major}.${b.minor}.${b.build}.${b.revision}`;
  const sp = (n: number) => (n === 0 ? "RTM" : `SP${n}`);
  if (b.major === 8) return { version: 2007, label: `Exchange 2007 ${sp(b.minor)} (${num})` };
  if (b.major === 14) return { version: 2010, label: `Exchange 2010 ${sp(b.minor)} (${num})` };
  if (b.major === 15) {
    if (b.minor === 2 && b.build >= SE_FIRST_BUILD)
      return { version: "SE", label: `Exchange Server Subscription Edition${b.build === SE_FIRST_BUILD ? " RTM" : ""} (${num})` };
    const [version, table] =
      b.minor === 0
        ? ([2013, CU_2013] as const)
        : b.minor === 1
          ? ([2016, CU_2016] as const)
          : b.minor === 2
            ? ([2019, CU_2019] as const)
            : [undefined, undefined];
    if (version !== undefined) {
      const level = cuOf(table, b.build);
      if (level === undefined)
        rec.problem("BUILD", path, `build ${num} is older than Exchange ${version} RTM (a preview?); build left out`);
      return { version, ...(level ? { level } : {}), label: `Exchange ${version}${level ? ` ${level}` : ""} (${num})` };
    }
  }
  if (b.major === 6) {
    rec.problem("VERSION", path, `Exchange 2003 (${num}) takes no part in the client-access flows exflow draws; the server is left out`);
    return undefined;
  }
  rec.problem(
    "VERSION",
    path,
    [
      `version ${num} is not an Exchange version exflow knows (2007 = 8.x, 2010 = 14.x, 2013 = 15.0,`,
      `2016 = 15.1, 2019 = 15.2, SE = 15.2 build ${SE_FIRST_BUILD}+); the server is left out`,
    ].join(" "),
  );
  return undefined;
}

/** For 2007/2010 the service pack is the minor version; the RU is not in AdminDisplayVersion. */
export function legacyServicePack(b: Build): string {
  return b.minor === 0 ? "RTM" : `SP${b.minor}`;
}
