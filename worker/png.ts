/**
 * PNG in the Worker: resvg's wasm as a compiled module and the font as bytes, both uploaded as
 * modules beside the script (wrangler's CompiledWasm and Data rules, see wrangler.toml), for
 * diagrams' render(). render.ts imports this file dynamically, only for PNG requests.
 */
import wasm from "@resvg/resvg-wasm/index_bg.wasm";
import font from "../assets/fonts/LiberationSans-Regular.ttf";
import type { PngAssets } from "../diagrams/index.ts";

export const pngAssets = (): PngAssets => ({ wasm, font: new Uint8Array(font) });
