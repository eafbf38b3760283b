/**
 * The map's model at the widest box text that keeps the picture within MAX_PICTURE_WIDTH: every
 * box has one width (the widest text), so a map of many boxes gets its text on more, shorter lines
 * instead of a picture a wiki column shrinks until it cannot be read. Pure.
 */
import type { Flow } from "../../core/index.ts";
import { MAX_PICTURE_WIDTH } from "../sequence/model.ts";
import type { RenderOptions } from "../options.ts";
import { layoutMap } from "./layout.ts";
import { buildMapModel, MAX_NODE_TEXT, type MapModel } from "./model.ts";

const NODE_TEXT = [MAX_NODE_TEXT, 200, 170, 140, 120];

export function toMapModel(flow: Flow, options: RenderOptions = {}): MapModel {
  let model = buildMapModel(flow, options, NODE_TEXT[0]);
  for (const width of NODE_TEXT.slice(1)) {
    if (layoutMap(model).view.w <= MAX_PICTURE_WIDTH) break;
    model = buildMapModel(flow, options, width);
  }
  return model;
}
