/**
 * One hostile request through the real runtime (SELF.fetch inside workerd), read back as the
 * campaign's `Got`, so every *.workerd.test.ts judges answers with the same rules as app.request.
 * Imports cloudflare:test, so only workerd test files may import it.
 */
import { SELF } from "cloudflare:test";
import type { Got, Sent } from "./support.ts";

export const BASE = "https://exflow.test";

export async function fetchOne(req: Sent): Promise<Got> {
  const t0 = Date.now();
  const init: RequestInit = { method: req.method, headers: req.headers ?? {} };
  if (req.body !== undefined) init.body = req.body as BodyInit;
  const res = await SELF.fetch(`${BASE}${req.path}`, init);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    text: new TextDecoder().decode(bytes),
    wallMs: Date.now() - t0,
    cpuMs: 0,
    hung: false,
  };
}
