/**
 * POST /v1/import: an inventory from Collect-ExflowInventory.ps1 (JSON; UTF-8 or UTF-16, BOM or
 * not) -> `{ topology, report, valid }` as JSON, or with `?format=yaml` (or Accept: application/yaml)
 * the topology as YAML with the report as comments. Not JSON: 400; JSON of another shape: 422.
 */
import { Hono } from "hono/tiny";
import { importedYaml, importInventory, MAX_DOCUMENT_BYTES } from "../../core/index.ts";
import { parseAccept } from "../accept.ts";
import type { AppContext, AppEnv } from "../app-env.ts";
import { inventoryTooLarge, notAcceptable, notAnInventory, unreadable } from "../errors.ts";
import { inputFormatOf } from "../body.ts";
import { readAtMost } from "../stream.ts";

/** An inventory of a large organisation is bigger than a flow request: the core's document limit applies. */
export const MAX_IMPORT_BYTES = MAX_DOCUMENT_BYTES;
export const IMPORT_FORMATS = ["json", "yaml"] as const;

function formatOf(c: AppContext): "json" | "yaml" {
  const q = c.req.query("format");
  if (q !== undefined) {
    const f = IMPORT_FORMATS.find((x) => x === q.toLowerCase());
    if (!f)
      throw notAcceptable(
        `format ${JSON.stringify(q.slice(0, 40))} is not available here; use one of: ${IMPORT_FORMATS.join(", ")}`,
        IMPORT_FORMATS,
      );
    return f;
  }
  const first = parseAccept(c.req.header("accept"))[0]?.type;
  return first && /^(application|text)\/(x-)?yaml$/.test(first) ? "yaml" : "json";
}

export const importRoutes = new Hono<AppEnv>();

importRoutes.post("/v1/import", async (c) => {
  const format = formatOf(c);
  if (inputFormatOf(c.req.header("content-type")) === "yaml")
    throw unreadable(
      "the inventory is JSON; send it as application/json (curl --data-binary @inventory.json -H 'Content-Type: application/json')",
    );
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > MAX_IMPORT_BYTES) throw inventoryTooLarge(MAX_IMPORT_BYTES);
  const bytes = await readAtMost(c.req.raw.body, MAX_IMPORT_BYTES, () => inventoryTooLarge(MAX_IMPORT_BYTES));
  if (bytes.length === 0) throw unreadable("the request body is empty; send the JSON file Collect-ExflowInventory.ps1 wrote");
  const result = importInventory(bytes);
  if (!result.ok) {
    const parse = result.issues.some((i) => i.code === "PARSE" || i.code === "LIMIT");
    throw parse
      ? unreadable(`the inventory is not readable JSON: ${result.issues[0]?.message ?? "parse error"}`, result.issues)
      : notAnInventory(result.issues);
  }
  c.header("Cache-Control", "no-store");
  if (format === "yaml") return c.body(importedYaml(result.value), 200, { "Content-Type": "application/yaml; charset=utf-8" });
  return c.body(`${JSON.stringify(result.value, null, 2)}\n`, 200, { "Content-Type": "application/json; charset=utf-8" });
});
