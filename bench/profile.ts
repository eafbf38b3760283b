/**
 * Drives one of bench/requests.ts's rows through `app.fetch` many times, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.ts "<part of the row name>" [n=2000]
 * then read the .cpuprofile in Chrome DevTools (or any profile viewer), by self time per file.
 */
import app from "../worker/index.ts";
import { ROWS } from "./requests.ts";

const only = process.argv[2] ?? "(inline";
const n = Number(process.argv[3] ?? 2000);
for (const row of ROWS.filter((r) => r.name.includes(only))) {
  for (let i = 0; i < n; i++) {
    const res = await app.fetch(row.make());
    if (res.status !== 200) throw new Error(`${row.name}: ${res.status}`);
    await res.arrayBuffer();
  }
}
