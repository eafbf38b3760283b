/** A request body of `n` spaces sent in 16 KiB chunks, with no Content-Length: the streamed-limit probe. */
export function spaces(n: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      const chunk = Math.min(16_384, n - sent);
      if (chunk <= 0) return c.close();
      c.enqueue(new Uint8Array(chunk).fill(0x20));
      sent += chunk;
    },
  });
}
