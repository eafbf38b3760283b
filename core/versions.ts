/**
 * Exchange versions as an order, and builds as cumulative updates. "SE" (Subscription Edition) is
 * the newest: code-equivalent to 2019 CU15 (SE-2), released 2025-07-01 as 15.2.2562.17 (SE-1).
 * Builds may be written as "CU14" or as AdminDisplayVersion numbers ("15.2.1544.4"); the tables
 * below map the numbers to CUs for the floors the engine checks (SE-4, SE-7, SE-20, SE-21, HY-71).
 */
import type { Version } from "./types.ts";

/** Numeric order of versions; SE sorts after 2019. */
export const rank = (v: Version): number => (v === "SE" ? 2025 : v);

/** 2019 and SE are one generation (same code, SE-15). */
export const isSeGeneration = (v: Version): boolean => v === 2019 || v === "SE";

/**
 * First build of each CU (15.x.<build>): 2016 (15.1) and 2019 (15.2). Rows the reference gives are
 * 2016 CU23 2507, 2019 CU14 1544, CU15 1748, SE RTM 2562 (H2, H3); the others are the published
 * CU builds recalled for the floors checked here (2016 CU8 1415, CU11 1591; 2019 CU1 330, CU12 1118).
 */
const CU_BUILDS: Record<"15.1" | "15.2", [number, number][]> = {
  "15.1": [
    [225, 0],
    [396, 1],
    [466, 2],
    [544, 3],
    [669, 4],
    [845, 5],
    [1034, 6],
    [1261, 7],
    [1415, 8],
    [1466, 9],
    [1531, 10],
    [1591, 11],
    [1713, 12],
    [1779, 13],
    [1847, 14],
    [1913, 15],
    [1979, 16],
    [2044, 17],
    [2106, 18],
    [2176, 19],
    [2242, 20],
    [2308, 21],
    [2375, 22],
    [2507, 23],
  ],
  "15.2": [
    [221, 0],
    [330, 1],
    [397, 2],
    [464, 3],
    [529, 4],
    [595, 5],
    [659, 6],
    [721, 7],
    [792, 8],
    [858, 9],
    [922, 10],
    [986, 11],
    [1118, 12],
    [1258, 13],
    [1544, 14],
    [1748, 15],
  ],
};

/** The first SE build (SE-1): 15.2 builds from here on are Subscription Edition. */
export const SE_FIRST_BUILD = 2562;

export interface BuildNumber {
  major: string;
  build: number;
}

/** "15.2.2562.17", "Version 15.2 (Build 2562.17)" -> { major: "15.2", build: 2562 }. */
export function buildNumber(text: string | undefined): BuildNumber | undefined {
  if (!text) return undefined;
  const m = /\b15\.([0-2])\.(\d{2,5})(?:\.\d+)?\b/.exec(text) ?? /\b15\.([0-2])\s*\(Build\s+(\d{2,5})/i.exec(text);
  return m ? { major: `15.${m[1]}`, build: Number(m[2]) } : undefined;
}

/** Which version a build number is: 15.0 = 2013, 15.1 = 2016, 15.2 = 2019 below 2562 and SE from it. */
export function versionOfBuild(b: BuildNumber): Version {
  if (b.major === "15.0") return 2013;
  if (b.major === "15.1") return 2016;
  return b.build >= SE_FIRST_BUILD ? "SE" : 2019;
}

/** The CU a 2016/2019 build number belongs to (SE RTM counts as CU0 of SE); undefined when unknown. */
export function cuOfBuild(b: BuildNumber): number | undefined {
  if (b.major === "15.2" && b.build >= SE_FIRST_BUILD) return 0;
  const table = CU_BUILDS[b.major as "15.1" | "15.2"];
  if (!table) return undefined;
  let cu: number | undefined;
  for (const [first, n] of table) if (b.build >= first) cu = n;
  return cu;
}

/** Extended Protection's default (SE-21): Setup turns it on from 2019 CU14 and in SE; older builds leave it off. */
export function defaultExtendedProtection(version: Version, cu: number | undefined): boolean {
  if (version === "SE") return true;
  return version === 2019 && cu !== undefined && cu >= 14;
}
