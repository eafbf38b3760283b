/**
 * Which scenarios cross the hybrid boundary, and their flows. route() asks here first; undefined
 * means "not a hybrid flow" and the on-premises engine answers as before, so a topology without
 * a `hybrid` block, without cloud users and without the hybrid scenario fields gives the same
 * answers byte for byte.
 *
 * Hybrid flows: a cloud user's client requests (F-1..F-3, others direct to Exchange Online), Outlook
 * mobile (F-4), Outlook with HMA (F-11), free/busy (F-5..F-7), mailbox moves (F-8), SMTP (F-9, F-10).
 */
import { clientLabel } from "../../model/describe.ts";
import type { Model } from "../../model/index.ts";
import type { Diagnostic, DiagnosticCode, Flow, Hybrid, Profile, Scenario, Server, User } from "../../types.ts";
import type { HCtx } from "./context.ts";
import { diagnoseHybrid } from "../../diagnose/hybrid.ts";
import { activesyncCloudUser, autodiscoverCloudUser, cloudDirect, owaCloudUser } from "./flows-client.ts";
import { outlookHma, outlookMobile } from "./flows-outlook.ts";
import { freeBusyFromCloud, freeBusyToCloud } from "./flows-freebusy.ts";
import { mailboxMove, smtpFromCloud, smtpToCloud } from "./flows-server.ts";
import { HybridTrail } from "./trail.ts";

const NO_HYBRID: Hybrid = { type: "none" };

/** Which reference flow a scenario is (F-1..F-11), or "cloud" for a cloud user's other protocols; undefined when not hybrid. */
export function hybridFlowId(m: Model, s: Scenario): string | undefined {
  const user = m.users.get(s.user);
  if (!user) return undefined;
  const kind = s.kind ?? "client";
  const cloud = user.location === "cloud";
  const h = m.topology.hybrid;
  switch (kind) {
    case "free-busy":
      // The direction is the requester's side; precondition() checks that the target is on the other.
      return cloud ? (h?.type === "modern" ? "F-7" : "F-6") : "F-5";
    case "mailbox-move":
      return "F-8";
    case "smtp":
      return cloud ? "F-10" : "F-9";
    case "client":
      if (cloud)
        return s.protocol === "owa"
          ? "F-1"
          : s.protocol === "autodiscover"
            ? "F-2"
            : s.protocol === "activesync" && s.app !== "outlook-mobile"
              ? "F-3"
              : "cloud";
      if (s.app === "outlook-mobile" && s.protocol === "activesync") return "F-4";
      if (h?.hma && h.type !== "none" && s.protocol === "mapi-http") return "F-11";
      return undefined;
  }
}

export function routeHybrid(m: Model, s: Scenario, profile: Profile): Flow | undefined {
  const id = hybridFlowId(m, s);
  if (!id) return undefined;
  const user = m.users.get(s.user) as User;
  const resolved: Flow["scenario"] = { user: s.user, protocol: s.protocol, client: s.client, profile, host: s.host ?? null };
  if (s.kind) resolved.kind = s.kind;
  if (s.target !== undefined) resolved.target = s.target;
  if (s.app) resolved.app = s.app;
  const h = m.topology.hybrid ?? NO_HYBRID;
  const mbx = user.mailbox === undefined ? undefined : m.servers.get(user.mailbox);
  // Diagnostics that name this flow and, when scoped, this user or the user's Mailbox server.
  const active = diagnoseHybrid(m).filter(
    (d) =>
      d.breaks.includes(id) && (!d.scope || !!d.scope.users?.includes(user.name) || (!!mbx && !!d.scope.mailboxes?.includes(mbx.name))),
  );
  const server = s.kind === "mailbox-move" || s.kind === "smtp";
  const t = new HybridTrail(
    m,
    h,
    active,
    server
      ? undefined
      : s.app === "outlook-mobile"
        ? `${s.client === "external" ? "External" : "Internal"} Outlook for iOS/Android`
        : clientLabel(s.protocol, s.client),
  );
  const c: HCtx = { m, h, t, user, protocol: s.protocol, client: s.client };
  const problem = precondition(m, s, id, user, mbx);
  if (problem?.code === "RT-NA") {
    // P5: what Exchange Online does not offer is n/a with the reason, not a failure.
    t.note("info", "HY-24", problem.message.replace(/^scenario\.protocol: /, ""));
    t.diagnostics.push(problem);
    return { ...t.finish(resolved), outcome: "n/a" };
  }
  if (problem) {
    t.breakHere(server ? "exo" : "client", t.ad(), "connect", "HY-1", problem.message, problem);
    return t.finish(resolved);
  }
  const target = s.target === undefined ? undefined : (m.users.get(s.target) as User);
  const targetMbx = target?.mailbox === undefined ? undefined : m.servers.get(target.mailbox);
  switch (id) {
    case "F-1":
      owaCloudUser(c, s.host);
      break;
    case "F-2":
      autodiscoverCloudUser(c, s.host, s.app === "outlook-direct-connect");
      break;
    case "F-3":
      activesyncCloudUser(c, s.host, s.app !== "eas-no-451");
      break;
    case "cloud":
      cloudDirect(c);
      break;
    case "F-4":
      outlookMobile(c, mbx as Server, s.host);
      break;
    case "F-11":
      outlookHma(c, mbx as Server, s.host);
      break;
    case "F-5":
      freeBusyToCloud(c, mbx as Server, target as User, s.host);
      break;
    case "F-6":
    case "F-7":
      freeBusyFromCloud(c, target as User, targetMbx as Server, id === "F-7");
      break;
    case "F-8":
      mailboxMove(c, mbx, user.location !== "cloud");
      break;
    case "F-9":
      smtpToCloud(c, mbx as Server, target as User);
      break;
    case "F-10":
      smtpFromCloud(c, target as User, targetMbx as Server);
      break;
  }
  t.note("info", id, `Hybrid flow ${id} of the reference (exchange-hybrid-se.md section 5).`);
  return t.finish(resolved);
}

/** What the scenario needs before a hybrid flow can be drawn; a diagnostic naming the input to fix. */
function precondition(m: Model, s: Scenario, id: string, user: User, mbx: Server | undefined): Diagnostic | undefined {
  const h = m.topology.hybrid;
  const fail = (code: DiagnosticCode, message: string, path: (string | number)[]): Diagnostic => ({
    code,
    severity: "error",
    message,
    path,
    breaks: [id],
  });
  const kind = s.kind ?? "client";
  if (id === "F-4" || id === "F-11")
    return user.location !== "cloud" && !mbx
      ? fail("RT-USER", `scenario.user: ${user.name} has no known Mailbox server`, ["scenario", "user"])
      : undefined;
  if (!h || h.type === "none")
    return fail(
      "RT-HYBRID",
      [
        "topology.hybrid:",
        `${kind === "client" ? `${user.name}'s mailbox is in Exchange Online` : `a ${kind} flow crosses to Exchange Online`},`,
        "but the topology has no hybrid block; add hybrid: { type: classic, ... }",
      ].join(" "),
      ["topology", "hybrid"],
    );
  if (kind === "free-busy" || kind === "smtp") {
    const target = s.target === undefined ? undefined : m.users.get(s.target);
    if (!target)
      return fail(
        "RT-USER",
        `scenario.target: ${s.target === undefined ? `a ${kind} scenario needs a target user` : `no user "${s.target}"`}`,
        ["scenario", "target"],
      );
    if ((target.location === "cloud") === (user.location === "cloud"))
      return fail(
        "RT-HYBRID",
        [
          `scenario.target: ${user.name} and ${target.name} are both`,
          `${user.location === "cloud" ? "in Exchange Online" : "on-premises"}, so this ${kind} flow does`,
          "not cross the hybrid boundary; pick users on either side",
        ].join(" "),
        ["scenario", "target"],
      );
    if (target.location !== "cloud" && !(target.mailbox && m.servers.get(target.mailbox)))
      return fail("RT-USER", `scenario.target: ${target.name} has no known Mailbox server`, ["scenario", "target"]);
  }
  if ((kind === "free-busy" || kind === "smtp") && user.location !== "cloud" && !mbx)
    return fail("RT-USER", `scenario.user: ${user.name} has no known Mailbox server`, ["scenario", "user"]);
  if (kind === "free-busy" && h.type === "minimal")
    return fail(
      "RT-HYBRID",
      "topology.hybrid.type: minimal hybrid configures no organization relationship, so there is no free/busy across the boundary (HY-3)",
      ["topology", "hybrid", "type"],
    );
  if (kind === "free-busy" && h.orgRelationship?.onPrem?.freeBusy === false)
    return fail("RT-HYBRID", "topology.hybrid.orgRelationship.onPrem.freeBusy: free/busy is turned off on the organization relationship", [
      "topology",
      "hybrid",
      "orgRelationship",
      "onPrem",
      "freeBusy",
    ]);
  if (
    kind === "client" &&
    user.location === "cloud" &&
    (s.protocol === "rpc-tcp" ||
      s.protocol === "outlook-anywhere" ||
      s.protocol === "ecp" ||
      s.protocol === "pop3" ||
      s.protocol === "imap4")
  )
    return { ...fail("RT-NA", `scenario.protocol: ${cloudNotApplicable(s.protocol)}`, ["scenario", "protocol"]), severity: "info" };
  return undefined;
}

/** Why a cloud user's protocol does not exist (n/a). */
function cloudNotApplicable(protocol: string): string {
  if (protocol === "rpc-tcp") return "HY-24: Exchange Online offers Outlook no RPC/TCP";
  if (protocol === "outlook-anywhere")
    return "SE-18: Exchange Online ended RPC over HTTP (Outlook Anywhere) on 2017-10-31; Outlook uses MAPI over HTTP";
  if (protocol === "pop3" || protocol === "imap4")
    return (
      "HY-24: POP3/IMAP4 of a cloud mailbox go to Exchange Online (outlook.office365.com), off by " +
      "default per mailbox; exflow does not model them"
    );
  return "HY-10: a cloud user manages the mailbox in Exchange Online, not in the on-premises ECP";
}

export type { Diagnostic };
