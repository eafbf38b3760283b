/**
 * POST /v1/audit: every user x protocol x client location of a topology (`{ topology | preset,
 * options? }`, or a bare topology file), with diagnostics and the DNS/certificate plan, as JSON, a Markdown matrix or CSV.
 */
import { Hono } from "hono/tiny";
import { AUDIT_FORMATS } from "../../core/index.ts";
import { renderAuditCsv, renderAuditMarkdown } from "../../diagrams/index.ts";
import type { AppContext, AppEnv, AuditFormat } from "../app-env.ts";
import { readBody } from "../body.ts";
import { parseInput, runAudit, validateAuditRequest } from "../input.ts";
import { negotiate, type Negotiated } from "../negotiate.ts";
import { auditRequestOf } from "../options.ts";
import { digestOf } from "../etag.ts";
import { respondOnce } from "../respond.ts";
import { namesPreset } from "../serve-flow.ts";

export async function serveAudit(c: AppContext, doc: unknown, rep: Negotiated<AuditFormat>, cacheControl?: string): Promise<Response> {
  const prepare = () => {
    const request = validateAuditRequest(doc);
    const key = digestOf(request.topology).then((topology) => ({ topology, options: request.options }));
    return {
      key,
      produce: () => {
        const audit = runAudit(request);
        if (rep.format === "csv") return renderAuditCsv(audit);
        if (rep.format === "md") return renderAuditMarkdown(audit);
        return `${JSON.stringify(audit, null, 2)}\n`;
      },
    };
  };
  // An audit of a built-in preset is worked out once per isolate (worker/memo.ts).
  return respondOnce(c, namesPreset(doc) ? `audit\u0000${JSON.stringify(doc)}` : undefined, rep, cacheControl, prepare);
}

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.post("/v1/audit", async (c) => {
  const rep = negotiate(c, AUDIT_FORMATS);
  const { text, format } = await readBody(c);
  return serveAudit(c, auditRequestOf(parseInput(text, format), c), rep);
});
