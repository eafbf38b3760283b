/**
 * PNG for the CLI: resvg's wasm and the bundled font read from disk, then diagrams/png.ts.
 * Imported only when a PNG is asked for.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { svgToPng } from "../diagrams/png.ts";

const FONT = new URL("../assets/fonts/LiberationSans-Regular.ttf", import.meta.url);

export function pngOf(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  return svgToPng(svg, () => ({
    wasm: readFileSync(createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm")),
    font: new Uint8Array(readFileSync(FONT)),
  }));
}
