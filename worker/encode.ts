/**
 * The encoded-URL form of a request, as Kroki and the Mermaid Live Editor write it:
 * UTF-8 text -> zlib deflate -> base64url (padding optional), from codec.ts (shared with the
 * playground's browser script); this file adds the worker's limits and HTTP errors.
 * Decoding is forgiving (standard base64 alphabet, padding, raw deflate, plain un-deflated JSON)
 * but bounded: the inflated text may not exceed MAX_INFLATED_BYTES.
 */
import { base64UrlBytes, base64UrlEncode, encodeText, pipe } from "./codec.ts";
import { inflatedTooLarge, ProblemError, unreadable } from "./errors.ts";
import { MAX_INFLATED_BYTES } from "./limits.ts";
import { decodedSegments } from "./memo.ts";
import { readAtMost } from "./stream.ts";

export { base64UrlEncode };

/** Accepts base64url and standard base64, with or without padding; throws a 400 otherwise. */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> {
  const bytes = base64UrlBytes(text);
  if (!bytes) throw unreadable("the encoded request is not base64url (alphabet A-Z a-z 0-9 - _, padding optional)");
  return bytes;
}

/** Inflate zlib (or raw) deflate data, stopping as soon as the output passes `max` bytes. */
export async function inflate(
  bytes: Uint8Array<ArrayBuffer>,
  format: "deflate" | "deflate-raw" = "deflate",
  max = MAX_INFLATED_BYTES,
): Promise<Uint8Array> {
  try {
    return await readAtMost(pipe(bytes, new DecompressionStream(format)), max, inflatedTooLarge);
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    throw unreadable("the encoded request is not valid deflate data (encode it as zlib deflate, then base64url, like Kroki)");
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw unreadable("the encoded request is not UTF-8 text once inflated");
  }
}

/** A zlib stream starts with CMF/FLG where CM = 8 and (CMF * 256 + FLG) % 31 === 0. */
const isZlib = (b: Uint8Array): boolean => b.length >= 2 && ((b[0] ?? 0) & 0x0f) === 8 && (((b[0] ?? 0) << 8) | (b[1] ?? 0)) % 31 === 0;

/** Encoded URL segment -> request text (JSON or YAML). */
export async function decodeDocument(encoded: string): Promise<string> {
  const bytes = base64UrlDecode(encoded);
  if (bytes.length === 0) throw unreadable("the encoded request is empty");
  if (isZlib(bytes)) return text(await inflate(bytes));
  // Common mistakes, forgiven: base64 of the plain text, or PlantUML-style raw deflate.
  const first = bytes[0] ?? 0;
  if (first === 0x7b /* { */ || (first >= 0x20 && first < 0x7f && bytes.every((b) => b >= 0x09))) {
    try {
      return utf8.decode(bytes);
    } catch {
      // fall through to raw deflate
    }
  }
  return text(await inflate(bytes, "deflate-raw"));
}

/** decodeDocument, remembered per segment (bounded, worker/memo.ts): a repeat skips base64 and inflate. */
export async function decodeDocumentOnce(encoded: string): Promise<string> {
  const hit = decodedSegments.get(encoded);
  if (hit !== undefined) return hit;
  const text = await decodeDocument(encoded);
  decodedSegments.set(encoded, text);
  return text;
}

/** Request document -> encoded URL segment. */
export async function encodeDocument(doc: unknown): Promise<string> {
  return encodeText(JSON.stringify(doc));
}

/** A Mermaid Live Editor link that opens `code` (its `#pako:` state format). */
export async function mermaidLiveUrl(code: string, theme = "default"): Promise<string> {
  const state = { code, mermaid: JSON.stringify({ theme }), updateDiagram: true, autoSync: true, rough: false };
  return `https://mermaid.live/edit#pako:${await encodeText(JSON.stringify(state))}`;
}
