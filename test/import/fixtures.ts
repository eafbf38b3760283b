/** The inventory fixtures (as Collect-ExflowInventory.ps1 writes them, plus a damaged UTF-16 one) and their reviewed topologies. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const DIR = join(import.meta.dirname, "..", "fixtures", "inventory");
export const FIXTURES = [
  "worked-example",
  "e2013-e2010-cas-array",
  "e2016-e2010-regional",
  "e2019-se-pool",
  "e2013-e2007",
  "hybrid-e2016",
  "damaged-utf16",
] as const;
export type FixtureName = (typeof FIXTURES)[number];

export const bytesOf = (name: FixtureName): Uint8Array => new Uint8Array(readFileSync(join(DIR, `${name}.json`)));
/** Parsed inventory (the damaged one is UTF-16 with a BOM). */
export function inventoryOf(name: FixtureName): Record<string, unknown> {
  const b = readFileSync(join(DIR, `${name}.json`));
  const text = b[0] === 0xff && b[1] === 0xfe ? b.subarray(2).toString("utf16le") : b.toString("utf8");
  return JSON.parse(text) as Record<string, unknown>;
}
export const goldenOf = (name: FixtureName): unknown => JSON.parse(readFileSync(join(DIR, `${name}.topology.json`), "utf8"));
