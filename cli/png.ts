/**
 * PNG for the CLI: resvg's wasm and the bundled font read from disk, for diagrams' render().
 * Read only when a PNG is asked for.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type PngAssets, rasterize } from "../diagrams/index.ts";

const FONT = new URL("../assets/fonts/LiberationSans-Regular.ttf", import.meta.url);

export const pngAssets = (): PngAssets => ({
  wasm: readFileSync(createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm")),
  font: new Uint8Array(readFileSync(FONT)),
});

/** Any SVG text -> PNG bytes (tests, scripts and bench/ rasterize SVGs of their own). */
export const pngOf = (svg: string): Promise<Uint8Array<ArrayBuffer>> => rasterize(svg, pngAssets);
