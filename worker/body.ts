/**
 * Request bodies: the declared type decides the parser (JSON, YAML, or sniffed for text/plain and
 * no type), and the size is checked before parsing: Content-Length first, then the bytes are
 * counted while streaming, so no more than MAX_BODY_BYTES is ever held in memory.
 */
import type { InputFormat } from "../core/index.ts";
import type { AppContext } from "./app-env.ts";
import { bodyTooLarge, mermaidBody, unreadable, unsupportedMediaType } from "./errors.ts";
import { MAX_BODY_BYTES } from "./limits.ts";
import { readAtMost } from "./stream.ts";

const TYPES: Record<string, InputFormat | undefined> = {
  "application/json": "json",
  "application/yaml": "yaml",
  "application/x-yaml": "yaml",
  "text/yaml": "yaml",
  "text/x-yaml": "yaml",
  "text/plain": undefined,
};

/** Content-Type -> parser; `undefined` = sniff (text starting with `{` or `[` is JSON). */
export function inputFormatOf(contentType: string | undefined): InputFormat | undefined {
  if (!contentType) return undefined;
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (type === "") return undefined;
  if (/^text\/(?:vnd\.|x-)?mermaid$/.test(type)) throw mermaidBody(415);
  if (Object.hasOwn(TYPES, type)) return TYPES[type];
  if (/^application\/[a-z0-9.+-]+\+json$/.test(type)) return "json";
  if (/^application\/[a-z0-9.+-]+\+yaml$/.test(type)) return "yaml";
  throw unsupportedMediaType(type);
}

/** The first statement of a Mermaid diagram (after `%%` comments and directives). */
const MERMAID_START = new RegExp(
  "^\\s*(?:%%[^\\n]*\\n\\s*)*(?:sequenceDiagram|flowchart|graph\\s+(?:TB|TD|BT|RL|LR)|classDiagram|stateDiagram|erDiagram|" +
    "gantt|pie|journey|gitGraph|mindmap|timeline)\\b",
);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text plus the parser its Content-Type asks for; 415 / 413 / 400 otherwise. */
export async function readBody(c: AppContext): Promise<{ text: string; format: InputFormat | undefined }> {
  const format = inputFormatOf(c.req.header("content-type"));
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw bodyTooLarge();
  const bytes = await readAtMost(c.req.raw.body, MAX_BODY_BYTES, bodyTooLarge);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw unreadable("the request body is not valid UTF-8");
  }
  if (MERMAID_START.test(text)) throw mermaidBody(422);
  if (text.trim() === "")
    throw unreadable("the request body is empty; send a JSON or YAML document with a scenario and a topology or preset");
  return { text, format };
}
