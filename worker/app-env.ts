/**
 * Hono typing for the worker: its bindings (wrangler.toml) and the per-request variables the
 * middleware and error handler share.
 */
import type { Context } from "hono";
import type { D1Database } from "./topologies/d1.ts";

import type { AuditFormat, FlowFormat } from "../core/index.ts";

/** The output formats of a flow, an audit and a preset scenario (their lists live in core/options.ts). */
export type { AuditFormat, FlowFormat };
export type Format = FlowFormat | AuditFormat;

export interface AppEnv {
  /** Optional: app.request() in Node tests has no D1; topology routes then answer 503. */
  Bindings: { DB?: D1Database };
  Variables: {
    /** `cf-ray` when Cloudflare sent one, else a random UUID; echoed as X-Request-Id and logged. */
    requestId: string;
    /** The output format once a route has decided it; errors after that point follow it (svg, png -> error card). */
    format?: Format;
    /** The Accept header took part in that decision (so error responses carry `Vary: Accept` too). */
    varyAccept?: boolean;
  };
}

export type AppContext = Context<AppEnv>;
