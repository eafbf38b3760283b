/**
 * TargetServerVersion as Exchange writes it ("15.01.2375.000") -> the topology's version, to
 * say when the log's back end runs another version than the topology gives that server. 15.0 is
 * 2013, 15.1 2016, 15.2 2019 until build 2562 and Subscription Edition from it; 14 is 2010, 8 2007.
 */
import type { Version } from "../types.ts";

export function versionOfBuild(written: string): Version | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(written.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const build = Number(m[3] ?? 0);
  if (major === 8) return 2007;
  if (major === 14) return 2010;
  if (major !== 15) return undefined;
  if (minor === 0) return 2013;
  if (minor === 1) return 2016;
  if (minor === 2) return build >= 2562 ? "SE" : 2019;
  return undefined;
}
