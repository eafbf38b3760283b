/**
 * autocannon's result and request shapes as the benches read them (the package ships no types),
 * and the loader. One place, so load, soak and throughput read the same fields the same way.
 */
import { createRequire } from "node:module";

export interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}
export interface Result {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
}
/** Per-connection state autocannon passes to the request hooks. */
export interface Context {
  kind?: string;
}
export interface Request {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Request, context: Context) => Request;
  onResponse?: (status: number, body: string, context: Context) => void;
}
export interface Options {
  url: string;
  connections: number;
  amount?: number;
  duration?: number;
  timeout?: number;
  requests?: Request[];
}
/** A running load: await it for the result, or stop it early. */
export type Tracker = PromiseLike<Result> & { stop: () => void };

export const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Options) => Tracker;
