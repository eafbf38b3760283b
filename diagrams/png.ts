/**
 * SVG -> PNG with resvg (WebAssembly build, pinned) and the bundled Liberation Sans, the font our
 * committed metric table was built from, so text in the PNG lands where the SVG layout put it.
 * The caller supplies the wasm and the font (the Worker imports them as modules, the CLI reads the
 * files), which keeps this module free of platform code. Emoji and scripts Liberation Sans lacks
 * are left out of the PNG (no fallback font is bundled; the SVG keeps them).
 * Loaded only for PNG requests (dynamic import), so the SVG path never pays for it.
 */
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type { RenderOptions } from "./options.ts";

export interface PngAssets {
  /** resvg's index_bg.wasm: a compiled module (Workers) or its bytes (Node). */
  wasm: WebAssembly.Module | BufferSource;
  /** LiberationSans-Regular.ttf. */
  font: Uint8Array;
}

let ready: Promise<Uint8Array> | undefined;

/** initWasm may run once per isolate; every later call reuses it (and the font). */
function init(load: () => PngAssets | Promise<PngAssets>): Promise<Uint8Array> {
  ready ??= (async () => {
    const { wasm, font } = await load();
    await initWasm(wasm);
    return font;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

/**
 * @example await svgToPng(renderSvg(flow), () => ({ wasm, font })) // Uint8Array starting 0x89 "PNG"
 */
/** `options.scale`: PNG pixels per SVG pixel (the `scale` option, 1-4; default 1). */
export async function svgToPng(
  svg: string,
  load: () => PngAssets | Promise<PngAssets>,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 4) throw new RangeError(`scale must be 1, 2, 3 or 4`);
  const font = await init(load);
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" },
    // The SVG carries pixel width/height: `scale` PNG pixels per SVG pixel.
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
  });
  try {
    const image = resvg.render();
    try {
      // wasm-bindgen copies the bytes out into a fresh ArrayBuffer.
      return image.asPng() as Uint8Array<ArrayBuffer>;
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
