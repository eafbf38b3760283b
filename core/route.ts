/**
 * The routing engine: topology + scenario -> Flow. It resolves the host the client used to a
 * front end, looks the mailbox up, applies the first matching decision row of rules.ts, lets that
 * row's action emit hops, and numbers the steps once, here. It never throws on a validated model;
 * a flow that cannot complete ends in `fail` with a diagnostic.
 */
import { failFlow } from "./actions/fail.ts";
import { proxyToLegacyCas, proxyToMailbox, proxyViaMailbox2013, serveLocally } from "./actions/proxy.ts";
import { autodiscover2007, redirect, referral } from "./actions/redirect.ts";
import { directToMailbox, rpcClientAccess } from "./actions/rpc.ts";
import { matches, type Ctx } from "./conditions.ts";
import { buildModel, type Model } from "./model.ts";
import { participantsOf, sitesOf } from "./participants.ts";
import { clientLabel } from "./describe.ts";
import { diagnosticsFor } from "./diagnostics.ts";
import { defaultHost, resolveHost, standardUrl } from "./resolve.ts";
import { type ActionId, type Rule, RULES } from "./rules.ts";
import { connect, lookup, newTrail, type Trail } from "./trail.ts";
import { chooseProfile } from "./defaults.ts";
import type { Diagnostic, Flow, Note, Profile, Scenario, Step, Topology } from "./types.ts";

type Action = (t: Trail, c: Ctx, rule: Rule) => void;

const ACTIONS: Record<ActionId, Action> = {
  "proxy-to-mailbox": proxyToMailbox,
  "proxy-to-legacy-cas": proxyToLegacyCas,
  "proxy-via-mailbox-2013": proxyViaMailbox2013,
  "autodiscover-2007": (t, c) => autodiscover2007(t, c, ""),
  referral,
  redirect,
  fail: failFlow,
  "direct-to-mailbox": directToMailbox,
  "rpc-client-access": rpcClientAccess,
  "serve-locally": serveLocally,
};

/** Actions where the client talks to no front end (Outlook over RPC/TCP). */
const NO_FRONT_END = new Set<ActionId>(["direct-to-mailbox", "rpc-client-access"]);

const OTHER: Record<Profile, Profile> = { o365info: "microsoft", microsoft: "o365info" };

export function pickRule(c: Ctx, profile: Profile): Rule | undefined {
  return RULES.find((r) => r.stage === "route" && matches(r.match, c, profile));
}

function failed(scenario: Flow["scenario"], d: Diagnostic, notes: Note[] = []): Flow {
  const client = { id: "client", label: clientLabel(scenario.protocol, scenario.client), kind: "client" as const };
  return { outcome: "fail", scenario, participants: [client], steps: [], notes, diagnostics: [d] };
}

/** Route one scenario. Pass a Model (buildModel) when routing many scenarios over one topology. */
export function route(input: Model | Topology, scenario: Scenario): Flow {
  const m = "bySite" in input ? input : buildModel(input);
  const profile = chooseProfile(scenario.profile);
  const { protocol, client } = scenario;
  const resolved: Flow["scenario"] = { user: scenario.user, protocol, client, profile, host: scenario.host ?? null };
  const user = m.users.get(scenario.user);
  const mbx = user && m.servers.get(user.mailbox);
  if (!user || !mbx)
    return failed(resolved, { code: "RT-USER", severity: "error", message: `scenario.user: no user "${scenario.user}" with a known mailbox server`, path: ["scenario", "user"], breaks: [] });

  const notes: Note[] = [];
  const c: Ctx = { m, protocol, client, profile, user, mbx, host: null, hostGiven: !!scenario.host };
  const unreachable = locate(c, scenario, notes);
  resolved.host = c.host;
  if (unreachable) return failed(resolved, unreachable, notes);

  const rule = pickRule(c, profile);
  if (!rule?.action) return failed(resolved, { code: "RT-NORULE", severity: "error", message: `No decision row covers ${protocol} from Exchange ${c.fe?.version} to a ${mbx.version} mailbox.`, path: ["scenario"], breaks: [`${protocol}:${client}`] }, notes);

  const t = newTrail(m, protocol, client);
  if (c.fe && c.host && !NO_FRONT_END.has(rule.action)) {
    const asksAutodiscover = protocol === "autodiscover" || rule.action === "referral";
    const url = standardUrl(c.host, asksAutodiscover ? "autodiscover" : protocol);
    // How the client found this server is the first step's rule when Autodiscover picked the name.
    const found = asksAutodiscover && !scenario.host ? (client === "internal" ? "AD-4" : "AD-5") : rule.id;
    connect(t, c.fe, url, found, asksAutodiscover);
    lookup(t, c.fe, mbx, rule.id);
  }
  ACTIONS[rule.action](t, c, rule);

  const other = pickRule(c, OTHER[profile]);
  if (other && other !== rule && rule.otherProfile) notes.push({ kind: "deviation", rule: rule.id, text: `Profiles differ. ${rule.otherProfile}.` });
  if (rule.note && t.outcome !== "fail") notes.push({ kind: "info", rule: rule.id, text: `${rule.note}.` });
  if (rule.confidence === "I") notes.push({ kind: "assumption", rule: rule.id, text: `No source states this directly (engine inference): ${rule.summary}.` });
  if (rule.confidence === "R") notes.push({ kind: "info", rule: rule.id, text: `Probable, from sources that could not be re-read: ${rule.summary}.` });
  for (const r of RULES) if (r.stage === "note" && matches(r.match, c, profile)) notes.push({ kind: "info", rule: r.id, text: `${r.summary}.` });

  const steps = number(t, rule);
  const participants = participantsOf(m, steps, protocol, client);
  const known = diagnosticsFor(m, { user: user.name, mailbox: mbx.name, protocol, client }).map(({ code, severity, message, path, breaks }) => ({ code, severity, message, path, breaks }));
  const diagnostics = merge(t.diagnostics, known);
  return { outcome: t.outcome, scenario: resolved, participants, sites: sitesOf(m, participants, steps, protocol), steps, notes: dedupeNotes([...notes, ...t.notes]), diagnostics };
}

/**
 * The host the client uses (given, or what namespaces and Autodiscover give it) and the front end it
 * lands on, written into `c`; a Diagnostic when the name leads nowhere.
 */
function locate(c: Ctx, scenario: Scenario, notes: Note[]): Diagnostic | undefined {
  const { m, protocol, client, mbx } = c;
  const breaks = [`${protocol}:${client}`];
  if (protocol === "rpc-tcp") {
    if (scenario.host) notes.push({ kind: "info", text: `scenario.host (${scenario.host}) is not used for RPC/TCP: Outlook connects to the mailbox server (2007) or the RpcClientAccessServer name of the mailbox database (2010) from its profile.` });
    return undefined;
  }
  let host = scenario.host;
  if (!host) {
    // 2007 EWS and OAB start with Autodiscover (EWS-4, OAB-2): without a host, the client asks Autodiscover first.
    const viaAutodiscover = mbx.version === 2007 && (protocol === "ews" || protocol === "oab");
    const d = defaultHost(m, viaAutodiscover ? "autodiscover" : protocol, client, mbx);
    if (!d) return { code: "RT-HOST", severity: "error", message: `scenario.host: no namespace or URL in the topology gives a ${client} client a host name for ${protocol}; name one with scenario.host`, path: ["scenario", "host"], breaks };
    host = d.host;
    notes.push({ kind: "info", text: `No host name given: the client uses ${d.host}, ${d.why}.` });
  }
  c.host = host;
  const landing = resolveHost(m, host, client);
  if (!landing.ok) return { code: "RT-HOST", severity: "error", message: `${landing.why}; the ${client} client cannot reach a server with it.`, path: landing.path, breaks };
  c.fe = landing.server;
  return undefined;
}

/** The action's diagnostics and diagnose()'s for this flow; where both explain the same code, diagnose()'s message and path win. */
function merge(fromAction: Diagnostic[], known: Diagnostic[]): Diagnostic[] {
  // The order is the precedence: (1) diagnose()'s entries for the codes the action raised, listed
  // first because they explain why this flow breaks; (2) the action's entries for codes diagnose()
  // has none of (its entries for codes in (1) are dropped, so diagnose()'s wording wins); (3) every
  // other diagnose() entry. dedupe keeps the first of each code+path, removing (3)'s copies of (1).
  return dedupe([...known.filter((k) => fromAction.some((d) => d.code === k.code)), ...fromAction.filter((d) => !known.some((k) => k.code === d.code)), ...known]);
}

/** Steps are numbered here and only here: 1..n over numbered hops, null for annotations. */
function number(t: Trail, rule: Rule): Step[] {
  let n = 0;
  return t.hops.map(({ numbered, ...hop }) => {
    const step: Step = { n: numbered ? ++n : null, ...hop };
    if (rule.confidence === "I") step.derived = true;
    return step;
  });
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.path.join(".")}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function dedupeNotes(list: Note[]): Note[] {
  const seen = new Set<string>();
  return list.filter((n) => (seen.has(n.text) ? false : (seen.add(n.text), true)));
}

