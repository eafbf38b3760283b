/**
 * Flows that cannot complete: they end at the hop where they break (drawn crossed), with the
 * diagnostic that explains why attached, instead of an exception. What a failing row means (its
 * code, the input field, the words) is data on the row (`Rule.fails`); nothing here knows row ids.
 */
import type { Code } from "../../diagnose/codes.ts";
import { siteTarget, type Ctx } from "../conditions.ts";
import type { FieldRef, Rule } from "../rules.ts";
import { capitalise } from "../../model/describe.ts";
import { breakAt, phrase, type Trail } from "../trail.ts";
import type { Diagnostic, Path, Server } from "../../types.ts";

export function diag(c: Ctx, code: Code, message: string, path: Path): Diagnostic {
  return { code, severity: "error", message, path, breaks: [`${c.protocol}:${c.client}`] };
}

export const serverPath = (c: Ctx, name: string, ...rest: Path): Path => ["topology", "servers", c.m.serverIndex.get(name) ?? 0, ...rest];
const userPath = (c: Ctx, ...rest: Path): Path => ["topology", "users", c.m.userIndex.get(c.user.name) ?? 0, ...rest];

/** The input path a FieldRef names in this context; undefined when its server does not exist. */
function resolveField(c: Ctx, ref: FieldRef): Path | undefined {
  const [whose, ...rest] = ref.split(".") as [string, ...string[]];
  const server: Server | undefined = whose === "target" ? siteTarget(c) : whose === "fe" ? c.fe : whose === "mailbox" ? c.mbx : undefined;
  if (whose === "user") return userPath(c, ...rest);
  if (whose === "scenario") return ["scenario", ...rest];
  return server ? serverPath(c, server.name, ...rest) : undefined;
}

/** Fills a Failure's placeholders from the context. */
function words(c: Ctx, template: string): string {
  const target = siteTarget(c);
  const values: Record<string, string> = {
    fe: c.fe?.name ?? "the client",
    feVersion: String(c.fe?.version ?? ""),
    feSite: c.fe?.site ?? "",
    target: target?.name ?? `a CAS ${c.mbx.version} in site ${c.mbx.site}`,
    mbx: c.mbx.name,
    mbxVersion: String(c.mbx.version),
    site: c.mbx.site,
    user: c.user.name,
    protocol: c.protocol,
  };
  return template.replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all);
}

/** No server of the needed kind where the rule needs one (DX-01 for a site without its legacy CAS). */
export function missingCas(t: Trail, c: Ctx, rule: Rule, what = `a CAS ${c.mbx.version}`): void {
  const fe = c.fe!;
  const why = [
    `${capitalise(phrase(t, fe))} has no ${what.replace(/^an? /, "")} to proxy to: site ${c.mbx.site}`,
    `has none, so the request for ${c.user.name}'s mailbox on ${c.mbx.name} fails.`,
  ].join(" ");
  const code: Code = what.startsWith("a CAS") ? "DX-01" : "RT-TARGET";
  const message = [
    `Site ${c.mbx.site} holds Exchange ${c.mbx.version} mailboxes (${c.mbx.name}) but ${what} is`,
    `needed for ${c.protocol} and there is none: add one.`,
  ].join(" ");
  breakAt(t, fe, "client", rule.id, why, diag(c, code, message, serverPath(c, c.mbx.name, "site")));
  t.hops[t.hops.length - 1]!.kind = "respond";
}

/** A `fail` row: break where the row says, with the row's code and input field. */
export function failFlow(t: Trail, c: Ctx, rule: Rule): void {
  const f = rule.fails ?? { code: "RT-NORULE" as const, field: "scenario.protocol" as const, why: `${rule.summary}.` };
  const why = words(c, f.why);
  const path = resolveField(c, f.field) ?? (f.orField && resolveField(c, f.orField)) ?? ["scenario"];
  const d = diag(c, f.code, why, path);
  if (!c.fe) {
    breakAt(t, "client", c.mbx, rule.id, why, d);
    return;
  }
  const target = siteTarget(c);
  if (f.at === "target" && target && target !== c.fe) {
    breakAt(t, c.fe, target, rule.id, why, d);
    return;
  }
  breakAt(t, c.fe, "client", rule.id, why, d);
  t.hops[t.hops.length - 1]!.kind = "respond";
}
