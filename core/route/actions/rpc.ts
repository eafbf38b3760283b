/**
 * Outlook over RPC/TCP (internal only, legacy mailboxes only): straight to the 2007 Mailbox
 * server (OL-1), or to the 2010 RPC Client Access array of the mailbox site (OL-2).
 */
import { capitalise } from "../../model/describe.ts";
import { siteTarget, type Ctx } from "../conditions.ts";
import { isModern } from "../../model/index.ts";
import { resolveHost } from "../../model/resolve.ts";
import type { Rule } from "../rules.ts";
import { add, breakAt, phrase, type Trail } from "../trail.ts";

function external(t: Trail, c: Ctx, rule: Rule): boolean {
  if (c.client === "internal") return false;
  const why = "RPC/TCP is not reachable from the Internet: external Outlook connects over Outlook Anywhere or MAPI over HTTP.";
  breakAt(t, "client", c.mbx, rule.id, why, {
    code: "RT-NA",
    severity: "error",
    message: why,
    path: ["scenario", "client"],
    breaks: [`${c.protocol}:${c.client}`],
  });
  return true;
}

/** OL-1: Outlook opens RPC to the 2007 Mailbox server itself. */
export function directToMailbox(t: Trail, c: Ctx, rule: Rule): void {
  if (external(t, c, rule)) return;
  const host = c.mbx.fqdn ?? c.mbx.name;
  add(t, "client", c.mbx, "connect", rule.id, `${capitalise(phrase(t, "client"))} opens RPC to ${phrase(t, c.mbx)} at ${host}.`, host);
  add(t, c.mbx, "client", "respond", rule.id, `${capitalise(phrase(t, c.mbx))} answers ${phrase(t, "client")} directly.`);
  t.outcome = "direct";
}

/** OL-2: Outlook opens RPC to the RpcClientAccessServer name, which must land on a CAS 2010 (DX-09). */
export function rpcClientAccess(t: Trail, c: Ctx, rule: Rule): void {
  if (external(t, c, rule)) return;
  const cas = siteTarget(c);
  const host = c.mbx.rpcClientAccessServer ?? cas?.fqdn ?? cas?.name;
  const path = ["topology", "servers", c.m.serverIndex.get(c.mbx.name) ?? 0, "rpcClientAccessServer"];
  const landing = host ? resolveHost(c.m, host, "internal") : undefined;
  const at = landing?.ok ? landing.server : undefined;
  if (!host || !at || isModern(at.version)) {
    const why = at
      ? [
          `${host} (RpcClientAccessServer of ${c.mbx.name}) now lands on ${at.name}, an Exchange`,
          `${at.version} server that does not speak RPC/TCP: internal Outlook for 2010 mailboxes fails.`,
        ].join(" ")
      : `The RPC Client Access name ${host ?? "(none)"} of ${c.mbx.name} does not resolve to a CAS 2010.`;
    const d = {
      code: at ? ("DX-09" as const) : ("RT-TARGET" as const),
      severity: "error" as const,
      message: why,
      path,
      breaks: [`${c.protocol}:${c.client}`],
    };
    breakAt(t, "client", at ?? c.mbx, rule.id, why, d, host);
    return;
  }
  add(
    t,
    "client",
    at,
    "connect",
    rule.id,
    `${capitalise(phrase(t, "client"))} opens RPC to the RPC Client Access array ${host} on ${phrase(t, at)}.`,
    host,
  );
  t.outcome = "direct";
  // RPC Client Access opening the mailbox over MAPI/RPC is a connection, not an HTTP proxy.
  add(t, at, c.mbx, "connect", rule.id, `${capitalise(phrase(t, at))} (RPC Client Access) talks RPC to ${phrase(t, c.mbx)}.`);
  add(t, c.mbx, at, "fetch", rule.id, `${capitalise(phrase(t, c.mbx))} fetches the mailbox content and sends it back to ${phrase(t, at)}.`);
  add(t, at, "client", "respond", rule.id, `${capitalise(phrase(t, at))} returns the answer to ${phrase(t, "client")}.`);
}
