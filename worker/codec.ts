/**
 * The URL encoding of a request document, as Kroki and the Mermaid Live Editor write it: UTF-8 text
 * -> zlib deflate -> base64url (no padding). Built on the runtime's CompressionStream and
 * dependency-free (stream.ts has no imports either), so the worker (encode.ts, which adds limits
 * and HTTP errors) and the playground's browser script (its `#r=` links) share one implementation.
 */
import { readAtMost } from "./stream.ts";

export function base64UrlEncode(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url or standard base64, padding optional; null when the text is neither. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const s = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return null;
  const bin = atob(s + "=".repeat((4 - (s.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** `bytes` through a (de)compression stream, as a stream the caller reads (and may stop early). */
export function pipe(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Not awaited: with backpressure the write settles only as the reader drains; errors surface on read.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable as ReadableStream<Uint8Array>;
}

/**
 * The whole stream as one buffer. Read with a reader rather than through `new Response(stream)`:
 * the same bytes at about half the CPU per call in Node (no Response and body mixin set up).
 */
export function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return readAtMost(stream, Number.POSITIVE_INFINITY, () => new RangeError("unreachable: no limit"));
}

/** Text -> the encoded URL segment. */
export async function encodeText(text: string): Promise<string> {
  return base64UrlEncode(await drain(pipe(new TextEncoder().encode(text), new CompressionStream("deflate"))));
}

/** The encoded URL segment -> text, unbounded (the browser reading its own links); throws on bad input. */
export async function decodeText(segment: string): Promise<string> {
  const bytes = base64UrlBytes(segment);
  if (!bytes) throw new Error("not base64url");
  return new Response(pipe(bytes, new DecompressionStream("deflate"))).text();
}
