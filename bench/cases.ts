/**
 * The flows the benchmarks draw: the committed golden flows (test/cases/<name>/flow.json), read as
 * data, so bench/ depends on no test code.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Flow } from "../core/index.ts";

const CASES = new URL("../test/cases/", import.meta.url);

export function goldenFlows(): { name: string; flow: Flow }[] {
  return readdirSync(CASES)
    .sort()
    .map((name) => ({ name, flow: JSON.parse(readFileSync(new URL(`${name}/flow.json`, CASES), "utf8")) as Flow }));
}
