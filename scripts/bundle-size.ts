/**
 * Reports the size of the Worker bundle that `wrangler deploy --dry-run --outdir dist` wrote
 * (minified, as wrangler.toml asks), raw and gzip. Fails only above the hard ceiling: the Free
 * plan's 3 MB gzip script limit (older docs; 2026 docs say 64 MiB uncompressed). There is no size
 * target any more (the 100 KB gzip one is retired: what users feel is the cold start and the CPU per
 * request, measured by `npm run bench`); the largest sources are listed as a guide. The
 * other modules wrangler wrote next to it (resvg's .wasm and the font: the PNG renderer, loaded only
 * for PNG requests) are reported apart, as the bundle budget counts them apart.
 *
 * Usage: npm run bundle   (= wrangler deploy --dry-run --outdir dist && node scripts/bundle-size.ts)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const LIMIT_GZIP = 3 * 1024 * 1024;

const file = process.argv[2] ?? "dist/index.js";
if (!existsSync(file)) {
  console.error(`bundle: ${file} not found; run wrangler deploy --dry-run --outdir dist first`);
  process.exit(1);
}
const code = readFileSync(file);
const gzip = gzipSync(code, { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
console.log(`bundle: ${kb(code.length)} min, ${kb(gzip)} gzip (limit ${kb(LIMIT_GZIP)} gzip)`);
const modules = readdirSync(dirname(file)).filter((f) => /\.(wasm|ttf)$/.test(f));
if (modules.length > 0) {
  const sizes = modules.map((f) => {
    const bytes = readFileSync(join(dirname(file), f));
    return `${basename(f).replace(/^[0-9a-f]{40}-/, "")} ${kb(bytes.length)} (${kb(gzipSync(bytes, { level: 9 }).length)} gzip)`;
  });
  console.log(`bundle: PNG renderer modules, loaded only for PNG requests: ${sizes.join(", ")}`);
}

if (existsSync(`${file}.map`)) {
  // Share of each source in the map's `sourcesContent`: a rough guide to what to slim down.
  const map = JSON.parse(readFileSync(`${file}.map`, "utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
  const bySource = new Map<string, number>();
  map.sources.forEach((src, i) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src);
    const key =
      m?.[1] ??
      src
        .replace(/^(\.\.\/)+/, "")
        .split("/")
        .slice(0, 2)
        .join("/");
    bySource.set(key, (bySource.get(key) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
  });
  const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`bundle: largest sources (unminified): ${top.map(([k, v]) => `${k} ${kb(v)}`).join(", ")}`);
}
if (gzip > LIMIT_GZIP) {
  console.error("bundle: over the Free plan's script size limit");
  process.exit(1);
}
