/**
 * Writes the playground's static files (playground/build.ts) into build/playground/, the directory
 * wrangler.toml serves as Workers Static Assets. wrangler runs this before `wrangler dev` and
 * `wrangler deploy` (its [build] command), so `npm start`, `npm run bundle` and the browser tests
 * always serve the current sources; `npm test` runs it first for the in-process tests.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlayground } from "../playground/build.ts";

const OUT = fileURLToPath(new URL("../build/playground/", import.meta.url));

const built = await buildPlayground();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [name, text] of built.files) writeFileSync(join(OUT, name), text);
const kb = (name: string) => `${((built.files.get(name)?.length ?? 0) / 1024).toFixed(1)} KB`;
console.log(`playground: build/playground/ (${built.script} ${kb(built.script)}, ${built.style} ${kb(built.style)})`);
