/** Shared helpers for the worker's app.request tests (node project). */
import { deflateSync } from "node:zlib";
import app from "../../worker/index.ts";

export { app };

export const ORIGIN = "http://exflow.test";

export const SCENARIO = { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" } as const;
export const REQUEST = { preset: "o365info", scenario: SCENARIO };

/** Kroki's encoding, done with Node's zlib (independently of worker/encode.ts). */
export function kroki(doc: unknown, pad = false): string {
  const b64 = deflateSync(Buffer.from(typeof doc === "string" ? doc : JSON.stringify(doc)), { level: 9 }).toString("base64url");
  return pad ? b64 + "=".repeat((4 - (b64.length % 4)) % 4) : b64;
}

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(app.request(`${ORIGIN}${path}`, { headers }));
}

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const h = typeof body === "string" ? headers : { "Content-Type": "application/json", ...headers };
  return Promise.resolve(app.request(`${ORIGIN}${path}`, { method: "POST", body: text, headers: h }));
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { code: string; message: string; path: (string | number)[] }[];
  allowed?: string[];
  requestId?: string;
}

/** Asserts the status and an RFC 9457 body, and returns the body. */
export async function problem(res: Response, status: number): Promise<ProblemBody> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 300)}`);
  if (!res.headers.get("content-type")?.startsWith("application/problem+json"))
    throw new Error(`not problem+json: ${res.headers.get("content-type")}`);
  if (res.headers.get("cache-control") !== "no-store") throw new Error(`error without no-store: ${res.headers.get("cache-control")}`);
  const body = JSON.parse(text) as ProblemBody;
  if (body.status !== status || !body.type.startsWith("urn:exflow:problem:") || !body.title || !body.detail)
    throw new Error(`bad problem body: ${text}`);
  return body;
}
