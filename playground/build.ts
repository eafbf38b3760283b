/**
 * The playground as static files for Workers Static Assets (wrangler.toml `[assets]`): index.html
 * (page.ts, rendered here), the script (client/main.ts and what it imports, bundled by esbuild,
 * which wrangler ships) and the stylesheet, both under content-hashed names so they can be cached
 * for a year, and `_headers` with the page's Content-Security-Policy. In memory, so tests check
 * exactly what scripts/build-playground.ts writes.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { renderPage } from "./page.ts";

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const ASSET_CACHE = "public, max-age=31536000, immutable";

export interface Built {
  /** File name (relative to the assets directory) -> contents. */
  files: Map<string, string>;
  script: string;
  style: string;
  /** esbuild's account of what went into the script. */
  metafile: Metafile;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const hashed = (stem: string, ext: string, text: string): string =>
  `${stem}.${createHash("sha256").update(text).digest("hex").slice(0, 12)}.${ext}`;

/** `_headers`: the page's own policy on `/`; every response from the assets gets nosniff. */
function headersFile(script: string, style: string): string {
  return `${[
    "/*",
    "  X-Content-Type-Options: nosniff",
    "/",
    `  Content-Security-Policy: ${PAGE_CSP}`,
    "  Cache-Control: no-cache",
    "  Referrer-Policy: no-referrer",
    "  X-Frame-Options: DENY",
    "  Cross-Origin-Opener-Policy: same-origin",
    `/${script}`,
    `  Cache-Control: ${ASSET_CACHE}`,
    `/${style}`,
    `  Cache-Control: ${ASSET_CACHE}`,
  ].join("\n")}\n`;
}

export async function buildPlayground(): Promise<Built> {
  const result = await build({
    entryPoints: [here("./client/main.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const js = result.outputFiles[0]?.text ?? "";
  const css = readFileSync(here("./style.css"), "utf8");
  const script = hashed("playground", "js", js);
  const style = hashed("playground", "css", css);
  const files = new Map<string, string>([
    ["index.html", renderPage({ script: `/${script}`, style: `/${style}` })],
    [script, js],
    [style, css],
    ["_headers", headersFile(script, style)],
  ]);
  return { files, script, style, metafile: result.metafile };
}
