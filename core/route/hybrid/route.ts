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
import { mailboxMove, smtpFromCloud, smtpFromInternet, smtpToCloud, smtpToInternet } from "./flows-server.ts";
import { HybridTrail } from "./trail.ts";

const NO_HYBRID: Hybrid = { type: "none" };

/** A scenario as the hybrid families see it: who sends or asks, and whom (a user, or an address outside the organisation). */
interface Q {
  m: Model;
  s: Scenario;
  h: Hybrid | undefined;
  kind: NonNullable<Scenario["kind"]>;
  /** The scenario's user; undefined when `user` is an Internet address (smtp from the Internet). */
  user: User | undefined;
  cloud: boolean;
  /** An e-mail address outside the organisation's accepted domains (smtp to or from the Internet). */
  external: { user?: string; target?: string };
}

interface Parts {
  user: User;
  mbx: Server | undefined;
  target: User | undefined;
  targetMbx: Server | undefined;
}

/**
 * The hybrid flow families, as rows: the first whose condition holds draws the flow (the on-premises
 * engine's rows work the same way, core/route/rules.ts). `rule` is the reference row the family
 * implements (HYBRID_ROWS), `when` its condition in words (docs/rules.md prints both).
 */
export interface HybridFamily {
  id: string;
  rule: string;
  when: string;
  test: (q: Q) => boolean;
  build: (c: HCtx, q: Q, p: Parts) => void;
}

export const HYBRID_FAMILIES: readonly HybridFamily[] = [
  {
    id: "F-13",
    rule: "HY-62",
    when: "smtp from an address outside the organisation; hybrid.mx and centralizedTransport decide the path",
    test: (q) => q.kind === "smtp" && !!q.external.user,
    build: (c, q, p) => smtpFromInternet(c, q.external.user as string, p.target as User, p.targetMbx),
  },
  {
    id: "F-12",
    rule: "HY-64",
    when: "smtp to an address outside the organisation; centralizedTransport routes cloud senders through on-premises",
    test: (q) => q.kind === "smtp" && !!q.external.target,
    build: (c, q, p) => smtpToInternet(c, p.user, q.cloud ? undefined : p.mbx, q.external.target as string),
  },
  {
    id: "F-5",
    rule: "HY-40",
    when: "free-busy, the requester on-premises, the target in Exchange Online",
    test: (q) => q.kind === "free-busy" && !q.cloud,
    build: (c, q, p) => freeBusyToCloud(c, p.mbx as Server, p.target as User, q.s.host),
  },
  {
    id: "F-7",
    rule: "HY-43",
    when: "free-busy, the requester in Exchange Online, modern hybrid (Hybrid Agent)",
    test: (q) => q.kind === "free-busy" && q.cloud && q.h?.type === "modern",
    build: (c, _q, p) => freeBusyFromCloud(c, p.target as User, p.targetMbx as Server, true),
  },
  {
    id: "F-6",
    rule: "HY-42",
    when: "free-busy, the requester in Exchange Online, classic hybrid",
    test: (q) => q.kind === "free-busy" && q.cloud,
    build: (c, _q, p) => freeBusyFromCloud(c, p.target as User, p.targetMbx as Server, false),
  },
  {
    id: "F-8",
    rule: "HY-50",
    when: "mailbox-move: onboarding for an on-premises user, offboarding for a cloud user",
    test: (q) => q.kind === "mailbox-move",
    build: (c, q, p) => mailboxMove(c, p.mbx, !q.cloud),
  },
  {
    id: "F-10",
    rule: "HY-61",
    when: "smtp from a cloud user to an on-premises user",
    test: (q) => q.kind === "smtp" && q.cloud,
    build: (c, _q, p) => smtpFromCloud(c, p.target as User, p.targetMbx as Server),
  },
  {
    id: "F-9",
    rule: "HY-60",
    when: "smtp from an on-premises user to a cloud user",
    test: (q) => q.kind === "smtp",
    build: (c, _q, p) => smtpToCloud(c, p.mbx as Server, p.target as User),
  },
  {
    id: "F-1",
    rule: "HY-10",
    when: "a cloud user opens on-premises OWA",
    test: (q) => q.kind === "client" && q.cloud && q.s.protocol === "owa",
    build: (c, q) => owaCloudUser(c, q.s.host),
  },
  {
    id: "F-2",
    rule: "HY-21",
    when: "Outlook Autodiscover for a cloud user (Direct Connect with app outlook-direct-connect)",
    test: (q) => q.kind === "client" && q.cloud && q.s.protocol === "autodiscover",
    build: (c, q) => autodiscoverCloudUser(c, q.s.host, q.s.app === "outlook-direct-connect"),
  },
  {
    id: "F-3",
    rule: "HY-30",
    when: "ActiveSync for a cloud user (not Outlook mobile): HTTP 451, or a device that cannot follow it",
    test: (q) => q.kind === "client" && q.cloud && q.s.protocol === "activesync" && q.s.app !== "outlook-mobile",
    build: (c, q) => activesyncCloudUser(c, q.s.host, q.s.app !== "eas-no-451"),
  },
  {
    id: "cloud",
    rule: "HY-24",
    when: "any other protocol of a cloud user: straight to Exchange Online",
    test: (q) => q.kind === "client" && q.cloud,
    build: (c) => cloudDirect(c),
  },
  {
    id: "F-4",
    rule: "HY-33",
    when: "Outlook for iOS/Android (app outlook-mobile), ActiveSync, on-premises mailbox",
    test: (q) => q.kind === "client" && q.s.app === "outlook-mobile" && q.s.protocol === "activesync",
    build: (c, q, p) => outlookMobile(c, p.mbx as Server, q.s.host),
  },
  {
    id: "F-11",
    rule: "HY-72",
    when: "Outlook over MAPI/HTTP, on-premises mailbox, hybrid.hma on",
    test: (q) => q.kind === "client" && !!q.h?.hma && q.h.type !== "none" && q.s.protocol === "mapi-http",
    build: (c, q, p) => outlookHma(c, p.mbx as Server, q.s.host),
  },
];

/** An address is outside the organisation when its domain is none of the accepted, routing or tenant domains. */
function outside(m: Model, address: string | undefined): boolean {
  if (!address?.includes("@") || userByAddress(m, address)) return false;
  const h = m.topology.hybrid;
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  const ours = [m.topology.domain, ...(h?.onPremDomains ?? []), h?.routingDomain, h?.tenant].flatMap((d) => d?.toLowerCase() ?? []);
  return !ours.includes(domain);
}

/** A user named by name, by targetAddress, or by name@ one of the organisation's domains. */
function userByAddress(m: Model, name: string | undefined): User | undefined {
  if (name === undefined) return undefined;
  const direct = m.users.get(name);
  if (direct || !name.includes("@")) return direct;
  const a = name.toLowerCase();
  const h = m.topology.hybrid;
  const domains = [m.topology.domain, ...(h?.onPremDomains ?? []), h?.routingDomain].flatMap((d) => d?.toLowerCase() ?? []);
  return m.topology.users.find((u) => u.targetAddress?.toLowerCase() === a || domains.some((d) => `${u.name.toLowerCase()}@${d}` === a));
}

function query(m: Model, s: Scenario): Q {
  const user = userByAddress(m, s.user);
  const kind = s.kind ?? "client";
  const external = {
    user: kind === "smtp" && !user && outside(m, s.user) ? s.user : undefined,
    target: kind === "smtp" && outside(m, s.target) ? s.target : undefined,
  };
  return { m, s, h: m.topology.hybrid, kind, user, cloud: user?.location === "cloud", external };
}

/** Which hybrid family a scenario is (F-1..F-13, or "cloud" for a cloud user's other protocols); undefined when not hybrid. */
export function hybridFlowId(m: Model, s: Scenario): string | undefined {
  const q = query(m, s);
  if (!q.user && !q.external.user) return undefined;
  return HYBRID_FAMILIES.find((f) => f.test(q))?.id;
}

export function routeHybrid(m: Model, s: Scenario, profile: Profile): Flow | undefined {
  const q = query(m, s);
  if (!q.user && !q.external.user) return undefined;
  const family = HYBRID_FAMILIES.find((f) => f.test(q));
  if (!family) return undefined;
  const id = family.id;
  // An Internet sender stands in for the user: the recipient is the organisation's side.
  const user = (q.user ?? userByAddress(m, s.target)) as User | undefined;
  const resolved: Flow["scenario"] = { user: s.user, protocol: s.protocol, client: s.client, profile, host: s.host ?? null };
  if (s.kind) resolved.kind = s.kind;
  if (s.target !== undefined) resolved.target = s.target;
  if (s.app) resolved.app = s.app;
  const h = m.topology.hybrid ?? NO_HYBRID;
  const mbx = user?.mailbox === undefined || q.external.user ? undefined : m.servers.get(user.mailbox);
  const scoped = user && !q.external.user ? user : undefined;
  // Diagnostics that name this flow and, when scoped, this user or the user's Mailbox server.
  const active = diagnoseHybrid(m).filter(
    (d) =>
      d.breaks.includes(id) &&
      (!d.scope || (!!scoped && !!d.scope.users?.includes(scoped.name)) || (!!mbx && !!d.scope.mailboxes?.includes(mbx.name))),
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
  const problem = precondition(m, s, id, q);
  if (problem?.code === "RT-NA") {
    // P5: what Exchange Online does not offer is n/a with the reason, not a failure.
    t.note("info", "HY-24", problem.message.replace(/^scenario\.protocol: /, ""));
    t.diagnostics.push(problem);
    return { ...t.finish(resolved), outcome: "n/a" };
  }
  if (problem || !user) {
    t.breakHere(server ? "exo" : "client", t.ad(), "connect", "HY-1", (problem as Diagnostic).message, problem as Diagnostic);
    return t.finish(resolved);
  }
  const c: HCtx = { m, h, t, user, protocol: s.protocol, client: s.client };
  const target = q.external.user ? user : s.target === undefined ? undefined : userByAddress(m, s.target);
  const targetMbx = target?.mailbox === undefined ? undefined : m.servers.get(target.mailbox);
  family.build(c, q, { user, mbx, target, targetMbx });
  t.note("info", id, `Hybrid flow ${id} (${family.when}; rule ${family.rule}).`);
  return t.finish(resolved);
}

/** What the scenario needs before a hybrid flow can be drawn; a diagnostic naming the input to fix. */
function precondition(m: Model, s: Scenario, id: string, q: Q): Diagnostic | undefined {
  const h = m.topology.hybrid;
  const fail = (code: DiagnosticCode, message: string, path: (string | number)[]): Diagnostic => ({
    code,
    severity: "error",
    message,
    path,
    breaks: [id],
  });
  const kind = q.kind;
  const user = q.user;
  const mbx = user?.mailbox === undefined ? undefined : m.servers.get(user.mailbox);
  if (id === "F-4" || id === "F-11")
    return user && user.location !== "cloud" && !mbx
      ? fail("RT-USER", `scenario.user: ${user.name} has no known Mailbox server`, ["scenario", "user"])
      : undefined;
  if (!h || h.type === "none")
    return fail(
      "RT-HYBRID",
      [
        "topology.hybrid:",
        `${kind === "client" ? `${user?.name}'s mailbox is in Exchange Online` : `a ${kind} flow crosses to Exchange Online`},`,
        "but the topology has no hybrid block; add hybrid: { type: classic, ... }",
      ].join(" "),
      ["topology", "hybrid"],
    );
  if (kind === "smtp" && (q.external.user || q.external.target)) {
    // Mail to or from the Internet: the organisation's side must be a known user with a mailbox somewhere.
    const ours = q.external.user ? userByAddress(m, s.target) : user;
    const at = q.external.user ? "target" : "user";
    if (!ours)
      return fail("RT-USER", `scenario.${at}: no user "${q.external.user ? s.target : s.user}" in the organisation`, ["scenario", at]);
    if (ours.location !== "cloud" && !(ours.mailbox && m.servers.get(ours.mailbox)))
      return fail("RT-USER", `scenario.${at}: ${ours.name} has no known Mailbox server`, ["scenario", at]);
    return undefined;
  }
  if (!user) return fail("RT-USER", `scenario.user: no user "${s.user}"`, ["scenario", "user"]);
  if (kind === "free-busy" || kind === "smtp") {
    const target = userByAddress(m, s.target);
    if (!target)
      return fail(
        "RT-USER",
        `scenario.target: ${
          s.target === undefined
            ? `a ${kind} scenario needs a target user${kind === "smtp" ? " or an address outside the organisation" : ""}`
            : `no user "${s.target}"${kind === "smtp" ? " (an address in one of the organisation's domains must be a user's)" : ""}`
        }`,
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
