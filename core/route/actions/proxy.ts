/**
 * Actions where the request is carried to the mailbox: proxying (modern back end, legacy CAS,
 * the 2007 ActiveSync detour through Exchange 2013 Mailbox), and a legacy CAS serving its own.
 */
import { siteTarget, type Ctx } from "../conditions.ts";
import { isModern } from "../../model/index.ts";
import { internalUrlFor, legacyCas, mailbox2013, oabGenerationServer } from "../../model/resolve.ts";
import type { Rule } from "../rules.ts";
import { capitalise } from "../../model/describe.ts";
import { add, answerBack, type Leg, phrase, proxyChain, type Trail } from "../trail.ts";
import { missingCas } from "./fail.ts";

const RPC = "over RPC";

/** The CAS's MAPI/RPC connection to a legacy Mailbox server: drawn as a proxy only where the article draws it so (o365info). */
export const overRpc = (c: Ctx): Leg => ({ to: c.mbx, how: RPC, rpc: c.profile !== "o365info" });

/** Same-generation back end: the front end proxies to the Mailbox server holding the active copy. */
export function proxyToMailbox(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  if (fe === c.mbx) {
    // A 2016/2019 server that holds the mailbox answers through its own back end.
    add(
      t,
      fe,
      "client",
      "respond",
      rule.id,
      `${capitalise(phrase(t, fe))} holds the mailbox and returns the answer to ${phrase(t, "client")}.`,
    );
    t.outcome = "direct";
    return;
  }
  proxyChain(t, fe, [{ to: c.mbx }], rule.id, c.mbx);
  t.outcome = "proxy";
}

/** Legacy mailbox: proxy to one CAS of the mailbox's version in the mailbox site, which talks RPC to its Mailbox server. */
export function proxyToLegacyCas(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  const cas = siteTarget(c);
  if (!cas || isModern(cas.version)) {
    missingCas(t, c, rule);
    return;
  }
  const legs: Leg[] = [];
  if (cas !== fe) {
    const url =
      rule.via === "external-url" ? (cas.urls?.[c.protocol]?.external ?? internalUrlFor(cas, c.protocol)) : internalUrlFor(cas, c.protocol);
    legs.push({ to: cas, url });
  }
  if (!rule.endsAtCas && c.protocol !== "autodiscover") legs.push(overRpc(c));
  proxyChain(t, fe, legs, rule.id, c.mbx);
  t.outcome = legs.length && cas !== fe ? "proxy" : "direct";
}

/** EAS-3: CAS 2013 -> Exchange 2013 Mailbox -> CAS 2007 (InternalUrl) -> 2007 Mailbox. */
export function proxyViaMailbox2013(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  const mb13 = mailbox2013(c.m, fe.site);
  const cas = siteTarget(c);
  if (!cas) {
    missingCas(t, c, rule);
    return;
  }
  if (!mb13) {
    missingCas(t, c, rule, "an Exchange 2013 Mailbox server");
    return;
  }
  proxyChain(t, fe, [{ to: mb13 }, { to: cas, url: internalUrlFor(cas, c.protocol) }, overRpc(c)], rule.id, c.mbx);
  t.outcome = "proxy";
}

/** A legacy CAS serves a mailbox of its own version: it answers, or talks RPC to the Mailbox server. */
export function serveLocally(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  if (c.protocol === "autodiscover" || c.protocol === "oab") {
    const what =
      c.protocol === "oab" ? "serves the offline address book files from its OAB virtual directory" : "builds the Autodiscover answer";
    add(t, fe, "client", "respond", rule.id, `${capitalise(phrase(t, fe))} ${what} and returns it to ${phrase(t, "client")}.`);
    t.outcome = "direct";
    return;
  }
  // 2010 Outlook Anywhere across sites: the RPC proxy reaches RPC Client Access on a CAS in the
  // mailbox's site (technet ee332346); 2007 mailboxes are reached directly.
  if (c.protocol === "outlook-anywhere" && c.mbx.version === 2010 && fe.site !== c.mbx.site) {
    const rca = legacyCas(c.m, c.mbx.site, 2010);
    if (!rca) {
      missingCas(t, c, rule);
      return;
    }
    proxyChain(t, fe, [{ to: rca, how: "over RPC to RPC Client Access" }, overRpc(c)], rule.id, c.mbx);
    t.outcome = "proxy";
    return;
  }
  proxyChain(t, fe, [overRpc(c)], rule.id, c.mbx);
  t.outcome = "direct";
}

/** X-OAB-1: 2013+ mailboxes download the OAB from the server holding the OAB generation mailbox. */
export function proxyToOabGeneration(t: Trail, c: Ctx, rule: Rule): void {
  const fe = c.fe!;
  const gen = oabGenerationServer(c.m);
  if (!gen) {
    missingCas(t, c, rule, "a Mailbox server of Exchange 2013 or later holding the OAB generation mailbox");
    return;
  }
  if (gen.assumed)
    t.notes.push({
      kind: "assumption",
      rule: rule.id,
      text: [
        `topology.offlineAddressBook.generationServer is not set: exflow assumes ${gen.server.name} (the`,
        "oldest-version Mailbox server of Exchange 2013 or later) holds the OAB generation mailbox.",
      ].join(" "),
    });
  if (gen.server === fe) {
    add(
      t,
      fe,
      "client",
      "respond",
      rule.id,
      `${capitalise(phrase(t, fe))} holds the OAB generation mailbox and returns the offline address book files to ${phrase(t, "client")}.`,
    );
    t.outcome = "direct";
    return;
  }
  add(
    t,
    fe,
    gen.server,
    "proxy",
    rule.id,
    [
      `${capitalise(phrase(t, fe))} proxies the OAB download to ${phrase(t, gen.server)}, which holds`,
      "the OAB generation (organization) mailbox.",
    ].join(" "),
  );
  add(
    t,
    gen.server,
    fe,
    "respond",
    rule.id,
    `${capitalise(phrase(t, gen.server))} passes the offline address book files back to ${phrase(t, fe)}.`,
  );
  add(t, fe, "client", "respond", rule.id, `${capitalise(phrase(t, fe))} returns the answer to ${phrase(t, "client")}.`);
  t.outcome = "proxy";
}

/** After a redirect or referral: the server the client reached serves the mailbox, via the mailbox site's CAS if needed. */
export function serveAfterConnect(t: Trail, c: Ctx, at: Ctx["mbx"], ruleId: string, endsAtCas = false): void {
  if (isModern(c.mbx.version)) {
    if (at === c.mbx) add(t, at, "client", "respond", ruleId, `${capitalise(phrase(t, at))} returns the answer to ${phrase(t, "client")}.`);
    else proxyChain(t, at, [{ to: c.mbx }], ruleId, c.mbx);
    return;
  }
  const legs: Leg[] = [];
  const cas = siteTarget(c);
  // A CAS of another version, or one in another site, hands the request to the mailbox site's CAS.
  if (cas && cas !== at && (at.site !== c.mbx.site || at.version !== c.mbx.version))
    legs.push({ to: cas, url: internalUrlFor(cas, c.protocol) });
  if (!endsAtCas) legs.push(overRpc(c));
  if (legs.length === 0) {
    answerBack(t, [at], c.mbx, ruleId);
    return;
  }
  proxyChain(t, at, legs, ruleId, c.mbx);
}
