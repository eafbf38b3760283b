/**
 * Flows that cannot complete: they end at the hop where they break (drawn crossed), with the
 * diagnostic that explains why attached, instead of an exception.
 */
import { siteTarget, type Ctx } from "../conditions.ts";
import type { Rule } from "../rules.ts";
import { capitalise } from "../describe.ts";
import { breakAt, phrase, type Trail } from "../trail.ts";
import type { Diagnostic, Path } from "../types.ts";


function diag(c: Ctx, code: string, message: string, path: Path): Diagnostic {
  return { code, severity: "error", message, path, breaks: [`${c.protocol}:${c.client}`] };
}

const serverPath = (c: Ctx, name: string, ...rest: Path): Path => ["topology", "servers", c.m.serverIndex.get(name) ?? 0, ...rest];
const userPath = (c: Ctx, ...rest: Path): Path => ["topology", "users", c.m.userIndex.get(c.user.name) ?? 0, ...rest];

/** No server of the needed kind where the rule needs one (DX-01 for a site without its legacy CAS). */
export function missingCas(t: Trail, c: Ctx, rule: Rule, what = `a CAS ${c.mbx.version}`): void {
  const fe = c.fe!;
  const why = `${capitalise(phrase(t, fe))} has no ${what.replace(/^an? /, "")} to proxy to: site ${c.mbx.site} has none, so the request for ${c.user.name}'s mailbox on ${c.mbx.name} fails.`;
  const code = what.startsWith("a CAS") ? "DX-01" : "RT-TARGET";
  const message = `Site ${c.mbx.site} holds Exchange ${c.mbx.version} mailboxes (${c.mbx.name}) but ${what} is needed for ${c.protocol} and there is none: add one.`;
  breakAt(t, fe, "client", rule.id, why, diag(c, code, message, serverPath(c, c.mbx.name, "site")));
  t.hops[t.hops.length - 1]!.kind = "respond";
}

/** Per-row reasons: what the client sees, and which input field to change. */
function reason(c: Ctx, rule: Rule): { why: string; code: string; path: Path } {
  const target = siteTarget(c);
  switch (rule.id) {
    case "OA-5":
      return { why: `Outlook Anywhere is not enabled on ${target?.name ?? `a CAS ${c.mbx.version} in site ${c.mbx.site}`}, so CAS ${c.fe?.version} cannot proxy RPC over HTTP for this ${c.mbx.version} mailbox.`, code: "DX-05", path: target ? serverPath(c, target.name, "outlookAnywhere", "enabled") : serverPath(c, c.mbx.name, "site") };
    case "OAB-3":
      return { why: `The mailbox database has no OAB assigned and Outlook Anywhere is disabled on ${target?.name ?? "the CAS 2010"}: the Autodiscover answer carries no OAB URL, so Outlook cannot download the offline address book.`, code: "DX-10", path: userPath(c, "oabAssigned") };
    case "ECP-4":
      return { why: `ECP ExternalUrl is set in both ${c.fe?.site} and ${c.mbx.site}: the cross-site 302 loops into HTTP 400 "query string too long". Clear the ECP ExternalUrl of the mailbox site so the request is proxied.`, code: "DX-15", path: serverPath(c, c.fe?.name ?? c.mbx.name, "urls", "ecp", "external") };
    case "OWA-3":
      return { why: `No CAS 2007 publishes an OWA URL that this client can reach, and CAS ${c.fe?.version} never proxies OWA to 2007: OWA fails for this mailbox.`, code: "DX-04", path: target ? serverPath(c, target.name, "urls", "owa") : serverPath(c, c.mbx.name, "site") };
    case "X-LEG-3":
      return { why: `A CAS ${c.fe?.version} cannot serve a mailbox on Exchange ${c.mbx.version}: the client must use a name that lands on Exchange ${c.mbx.version} or newer.`, code: "RT-VERSION", path: ["scenario", "host"] };
    default:
      return { why: `${rule.summary}.`, code: "RT-NA", path: ["scenario", "protocol"] };
  }
}

/** The fail rows (MH-1, ECP-1, OL-3 for RPC/TCP, OA-5, OAB-3, ECP-4, OWA-3, X-LEG-3). */
export function failFlow(t: Trail, c: Ctx, rule: Rule): void {
  const { why, code, path } = reason(c, rule);
  const d = diag(c, code, why, path);
  if (!c.fe) return breakAt(t, "client", c.mbx, rule.id, why, d);
  const target = siteTarget(c);
  if (rule.id === "OA-5" && target && target !== c.fe) return breakAt(t, c.fe, target, rule.id, why, d);
  breakAt(t, c.fe, "client", rule.id, why, d);
  t.hops[t.hops.length - 1]!.kind = "respond";
}
