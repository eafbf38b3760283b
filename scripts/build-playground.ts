/**
 * Writes the playground's static files (playground/build.ts) into build/playground/, the directory
 * wrangler.toml serves as Workers Static Assets. wrangler runs this before `wrangler dev` and
 * `wrangler deploy` (its [build] command), so `npm start`, `npm run bundle` and the browser tests
 * always serve the current sources. Several `wrangler dev` may run at once (the browser tests), so
 * a file whose bytes are already there is left alone, a new one appears by rename (never half
 * written), and only then are files of older builds removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlayground } from "../playground/build.ts";

const OUT = fileURLToPath(new URL("../build/playground/", import.meta.url));

const built = await buildPlayground();
mkdirSync(OUT, { recursive: true });
for (const [name, text] of built.files) {
  const target = join(OUT, name);
  if (existsSync(target) && readFileSync(target, "utf8") === text) continue;
  const temporary = join(OUT, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, target);
}
for (const name of readdirSync(OUT)) if (!built.files.has(name) && !name.endsWith(".tmp")) rmSync(join(OUT, name), { force: true });
const kb = (name: string) => `${((built.files.get(name)?.length ?? 0) / 1024).toFixed(1)} KB`;
console.log(`playground: build/playground/ (${built.script} ${kb(built.script)}, ${built.style} ${kb(built.style)})`);
