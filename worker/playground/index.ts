/**
 * GET / (the playground page), GET /playground.js and GET /playground.css, as one Hono group the
 * worker mounts with `app.route("/", playground)`. The page loads nothing from other origins and
 * runs under a strict Content-Security-Policy: its one script and stylesheet come from this
 * origin (content-hashed URLs, cached for a year), diagrams are shown from blob: URLs, and it
 * only talks to this origin's API.
 */
import { Hono } from "hono";
import { renderPage } from "./page.ts";
import { SCRIPT_JS } from "./script.ts";
import { STYLE_CSS } from "./style.ts";

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

/** FNV-1a, 32 bit, as 8 hex digits: enough to change the asset URLs whenever their text changes. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

const SCRIPT_URL = `/playground.js?v=${contentHash(SCRIPT_JS)}`;
const STYLE_URL = `/playground.css?v=${contentHash(STYLE_CSS)}`;
const PAGE = renderPage({ script: SCRIPT_URL, style: STYLE_URL });

const ASSET_CACHE = "public, max-age=31536000, immutable";

export const playground = new Hono();

playground.get("/", (c) => {
  c.header("Content-Security-Policy", PAGE_CSP);
  c.header("Cache-Control", "no-cache");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Frame-Options", "DENY");
  c.header("Cross-Origin-Opener-Policy", "same-origin");
  return c.html(PAGE);
});

playground.get("/playground.js", (c) => {
  c.header("Cache-Control", ASSET_CACHE);
  return c.body(SCRIPT_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" });
});

playground.get("/playground.css", (c) => {
  c.header("Cache-Control", ASSET_CACHE);
  return c.body(STYLE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
});
