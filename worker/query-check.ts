/**
 * No query parameter is silently ignored: a request whose query names a parameter its operation does
 * not take is a 400 that lists the ones it does. The allowed names come from the OpenAPI document
 * (whose option parameters come from the core's option table), so the check and the published
 * contract cannot disagree; test/worker/routes-openapi.test.ts keeps every route in the document.
 */
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "./app-env.ts";
import { ProblemError } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";

/** Hono's `/v1/flow/:format/:encoded{.+}` as OpenAPI writes it: `/v1/flow/{format}/{encoded}`. */
export const openApiPath = (honoPath: string): string => honoPath.replace(/:(\w+)(?:\{[^}]*\})?/g, "{$1}");

let table: Map<string, string[]> | undefined;

/** `GET /v1/audit` -> its query parameter names; built once, on the first request that has a query. */
function allowedQuery(method: string, path: string): string[] | undefined {
  if (!table) {
    table = new Map();
    const paths = openApiDocument("").paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    for (const [p, item] of Object.entries(paths))
      for (const [m, op] of Object.entries(item))
        table.set(
          `${m.toUpperCase()} ${p}`,
          (op.parameters ?? []).filter((x) => x.in === "query").map((x) => x.name),
        );
  }
  return table.get(`${method === "HEAD" ? "GET" : method} ${path}`);
}

export const unknownQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const at = url.indexOf("?");
  if (at >= 0 && at < url.length - 1) {
    const allowed = allowedQuery(c.req.method, openApiPath(routePath(c, -1)));
    if (allowed) {
      const unknown = Object.keys(c.req.queries()).filter((k) => k !== "" && !allowed.includes(k));
      if (unknown.length > 0) {
        const names = unknown.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
        throw new ProblemError({
          status: 400,
          slug: "unknown-query-parameter",
          title: "Unknown query parameter",
          detail:
            `unknown query parameter${unknown.length > 1 ? "s" : ""} ${names.join(", ")}; ` +
            (allowed.length ? `this operation takes ${allowed.join(", ")}` : "this operation takes no query parameters"),
          allowed,
        });
      }
    }
  }
  await next();
};
