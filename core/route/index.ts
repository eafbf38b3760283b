/**
 * The routing engine: topology + scenario -> Flow. It resolves the host the client used to a
 * front end, looks the mailbox up, applies the first matching decision row of rules.ts, lets that
 * row's action emit hops, and numbers the steps once, here. It never throws on a validated model;
 * a flow that cannot complete ends in `fail` with a diagnostic.
 */
import { failFlow } from "./actions/fail.ts";
import { proxyToLegacyCas, proxyToMailbox, proxyToOabGeneration, proxyViaMailbox2013, serveLocally } from "./actions/proxy.ts";
import { applyBreaks } from "./breaks.ts";
import { autodiscover2007, redirect, referral } from "./actions/redirect.ts";
import { directToMailbox, rpcClientAccess } from "./actions/rpc.ts";
import { matches, type Ctx } from "./conditions.ts";
import { buildModel, type Model } from "../model/index.ts";
import { clientParticipant, participantsOf, sitesOf } from "./participants.ts";
import { capitalise, clientPhrase } from "../model/describe.ts";
import { diagnosticsFor } from "../diagnose/index.ts";
import { routeHybrid } from "./hybrid/route.ts";
import { defaultHost, resolveHost, standardUrl } from "../model/resolve.ts";
import { type ActionId, type Rule, RULES } from "./rules.ts";
import { connect, lookup, newTrail, type Trail } from "./trail.ts";
import { uniqueBy } from "../unique.ts";
import {
  profileFor,
  type Diagnostic,
  type Flow,
  type Note,
  type Outcome,
  type Profile,
  type Scenario,
  type Server,
  type Step,
  type Topology,
} from "../types.ts";

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
  "proxy-to-oab-generation": proxyToOabGeneration,
  // Never reached: route() answers n/a rows before any front end is chosen.
  "not-applicable": () => undefined,
};

/** Actions where the client talks to no front end (Outlook over RPC/TCP). */
const NO_FRONT_END = new Set<ActionId>(["direct-to-mailbox", "rpc-client-access"]);

const OTHER: Record<Profile, Profile> = { o365info: "microsoft", microsoft: "o365info" };

export function pickRule(c: Ctx, profile: Profile): Rule | undefined {
  return RULES.find((r) => r.stage === "route" && matches(r.match, c, profile));
}

/** A flow that fails before it reaches a server: one failing hop at the client, with the reason (P2). */
function failed(scenario: Flow["scenario"], d: Diagnostic, notes: Note[] = [], rule = "NS-1"): Flow {
  const client = clientParticipant(scenario.protocol, scenario.client);
  const step: Step = {
    n: 1,
    from: "client",
    to: "client",
    kind: "connect",
    text: `${capitalise(clientPhrase(scenario.protocol, scenario.client))} cannot reach a server: ${d.message}`,
    rule,
    fails: true,
  };
  if (scenario.host) step.url = scenario.host;
  return { outcome: "fail", scenario, participants: [client], steps: [step], notes, diagnostics: [d] };
}

/** P5: what the organisation does not offer is n/a, with the row, the reason and the fallback. */
function notOffered(scenario: Flow["scenario"], rule: Rule): Flow {
  const client = clientParticipant(scenario.protocol, scenario.client);
  const text = `${rule.id}: ${rule.summary}.${rule.fallback ? ` The client uses ${rule.fallback} instead.` : ""}`;
  const d: Diagnostic = { code: "RT-NA", severity: "info", message: text, path: ["scenario", "protocol"], breaks: [] };
  return { outcome: "n/a", scenario, participants: [client], steps: [], notes: [{ kind: "info", rule: rule.id, text }], diagnostics: [d] };
}

/** Route one scenario. Pass a Model (buildModel) when routing many scenarios over one topology. */
export function route(input: Model | Topology, scenario: Scenario): Flow {
  const m = "bySite" in input ? input : buildModel(input);
  const profile = profileFor(m.topology, scenario.profile);
  const { protocol, client } = scenario;
  const resolved: Flow["scenario"] = { user: scenario.user, protocol, client, profile, host: scenario.host ?? null };
  // Flows that cross into Exchange Online (hybrid/route.ts); undefined for every on-premises flow.
  const hybrid = routeHybrid(m, scenario, profile);
  if (hybrid) return hybrid;
  const user = m.users.get(scenario.user);
  const mbx = user?.mailbox !== undefined ? m.servers.get(user.mailbox) : undefined;
  if (!user || !mbx)
    return failed(resolved, {
      code: "RT-USER",
      severity: "error",
      message: `scenario.user: no user "${scenario.user}" with a known mailbox server`,
      path: ["scenario", "user"],
      breaks: [],
    });

  const notes: Note[] = [];
  const c: Ctx = { m, protocol, client, profile, user, mbx, host: null, hostGiven: !!scenario.host };
  const na = RULES.find((r) => r.action === "not-applicable" && matches(r.match, c, profile));
  if (na) return notOffered(resolved, na);
  const where = locate(c, scenario, notes);
  resolved.host = c.host;
  if (!where.ok)
    return failed(
      resolved,
      where.d,
      notes,
      protocol === "autodiscover" && !scenario.host ? (client === "internal" ? "AD-4" : "AD-5") : "NS-1",
    );

  // P3: a name that lands on a pool is routed from every member; the flow shows the first in
  // poolOrder (newest version, then name) and says when the others answer differently.
  const flows = where.pool.map((fe) => routeFrom({ ...c, fe }, scenario, [...notes]));
  const shown = flows[0] as Flow;
  const differ = where.pool.flatMap((fe, i) =>
    i > 0 && fe && signature(flows[i] as Flow, where.pool) !== signature(shown, where.pool)
      ? [`${fe.name} (Exchange ${fe.version}): ${summary(flows[i] as Flow)}`]
      : [],
  );
  if (differ.length && shown.steps[0]) {
    const host = c.host ?? "";
    shown.diagnostics.push({
      code: "RT-POOL",
      severity: "warning",
      message: [
        `${host} lands on ${where.pool.length} servers that answer this request differently. Shown:`,
        `${where.pool[0]?.name} (Exchange ${where.pool[0]?.version}), the pool's newest member (then by`,
        `name): ${summary(shown)}. The others: ${differ.join("; ")}.`,
      ].join(" "),
      path: ["topology", "namespaces", m.namespaceIndex.get(host.toLowerCase()) ?? 0, "servers"],
      breaks: [],
    });
  }
  return shown;
}

/** What a flow does, in a few words, for comparing pool members. */
function summary(f: Flow): string {
  const via = f.steps
    .filter((s) => s.kind === "proxy" || s.kind === "redirect")
    .map((s) => `${s.kind} to ${s.to === "client" ? s.url : s.to}`);
  return `${f.outcome}${via.length ? ` (${via.join(", ")})` : ""}`;
}

/**
 * What a pool member answers, for RT-POOL: the outcome, where the request goes after the pool
 * (redirect URLs, servers outside the pool) and why it fails. Which member is drawn is not an
 * answer, so the pool's members count as one.
 */
const signature = (f: Flow, pool: (Server | undefined)[]): string => {
  const members = new Set(pool.flatMap((s) => (s ? [s.name] : [])));
  const at = (id: string) => (members.has(id) ? "<pool>" : id);
  return JSON.stringify([
    f.outcome,
    f.steps.filter((s) => s.from !== s.to).map((s) => [s.kind, at(s.from), at(s.to), s.kind === "redirect" ? s.url : "", !!s.fails]),
    f.diagnostics.map((d) => d.code).sort(),
  ]);
};

function routeFrom(c: Ctx, scenario: Scenario, notes: Note[]): Flow {
  const { m, protocol, client, profile, user, mbx } = c;
  const resolved: Flow["scenario"] = { user: user.name, protocol, client, profile, host: c.host };
  const rule = pickRule(c, profile);
  if (!rule?.action)
    return failed(
      resolved,
      {
        code: "RT-NORULE",
        severity: "error",
        message: `No decision row covers ${protocol} from Exchange ${c.fe?.version} to a ${mbx.version} mailbox.`,
        path: ["scenario"],
        breaks: [`${protocol}:${client}`],
      },
      notes,
    );

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
  if (other && other !== rule && rule.otherProfile)
    notes.push({ kind: "deviation", rule: rule.id, text: `Profiles differ. ${rule.otherProfile}.` });
  if (rule.note && t.outcome !== "fail") notes.push({ kind: "info", rule: rule.id, text: `${rule.note}.` });
  if (rule.confidence === "I")
    notes.push({ kind: "assumption", rule: rule.id, text: `No source states this directly (engine inference): ${rule.summary}.` });
  if (rule.confidence === "R")
    notes.push({ kind: "info", rule: rule.id, text: `Probable, from sources that could not be re-read: ${rule.summary}.` });
  // A note row no source states directly (R, I) is an assumption the flow carries, not a fact.
  for (const r of RULES)
    if (r.stage === "note" && matches(r.match, c, profile))
      notes.push({ kind: r.confidence === "R" || r.confidence === "I" ? "assumption" : "info", rule: r.id, text: `${r.summary}.` });

  const known = diagnosticsFor(m, { user: user.name, mailbox: mbx.name, protocol, client }).map(
    ({ code, severity, message, path, breaks }) => ({ code, severity, message, path, breaks }),
  );
  const diagnostics = applyBreaks(t, user.name, merge(t.diagnostics, known));
  ensureEnd(t, rule);
  const steps = number(t, rule);
  const participants = participantsOf(m, steps, protocol, client);
  return {
    outcome: t.outcome as Outcome,
    scenario: resolved,
    participants,
    sites: sitesOf(m, participants, steps, protocol),
    steps,
    notes: dedupeNotes([...notes, ...t.notes]),
    diagnostics: [...diagnostics, ...t.diagnostics.filter((d) => d.code === "RT-INCOMPLETE")],
  };
}

/**
 * P2, every flow ends: failing at a marked hop, or with an answer to the client. An action that
 * leaves neither is an engine bug; the flow then fails at its last hop with RT-INCOMPLETE rather
 * than being drawn as working (a property test asserts this never happens).
 */
function ensureEnd(t: Trail, rule: Rule): void {
  const last = t.hops[t.hops.length - 1];
  if (t.outcome === "fail" && t.hops.some((h) => h.fails)) return;
  if (t.outcome && t.outcome !== "fail" && (last?.to === "client" || t.articleStop)) return;
  const why = [
    `exflow could not finish this flow (rule ${rule.id}): it neither reaches the client nor fails at`,
    "a hop. Please report this topology.",
  ].join(" ");
  if (last) {
    last.fails = true;
    last.numbered = true;
  } else t.hops.push({ from: "client", to: "client", kind: "connect", rule: rule.id, text: why, numbered: true, fails: true });
  t.outcome = "fail";
  t.diagnostics.push({ code: "RT-INCOMPLETE", severity: "error", message: why, path: ["scenario"], breaks: [`${t.protocol}:${t.client}`] });
}

/**
 * The host the client uses (given, or what namespaces and Autodiscover give it) and the front end it
 * lands on, written into `c`; a Diagnostic when the name leads nowhere.
 */
function locate(c: Ctx, scenario: Scenario, notes: Note[]): { ok: true; pool: (Server | undefined)[] } | { ok: false; d: Diagnostic } {
  const { m, protocol, client, mbx } = c;
  const breaks = [`${protocol}:${client}`];
  if (protocol === "rpc-tcp") {
    if (scenario.host)
      notes.push({
        kind: "info",
        text: [
          `scenario.host (${scenario.host}) is not used for RPC/TCP: Outlook connects to the mailbox server`,
          "(2007) or the RpcClientAccessServer name of the mailbox database (2010) from its profile.",
        ].join(" "),
      });
    return { ok: true, pool: [undefined] };
  }
  let host = scenario.host;
  if (!host) {
    // 2007 EWS and OAB start with Autodiscover (EWS-4, OAB-2): without a host, the client asks Autodiscover first.
    const viaAutodiscover = mbx.version === 2007 && (protocol === "ews" || protocol === "oab");
    const d = defaultHost(m, viaAutodiscover ? "autodiscover" : protocol, client, mbx);
    if (!d)
      return {
        ok: false,
        d: {
          code: "RT-HOST",
          severity: "error",
          message: [
            `scenario.host: no namespace or URL in the topology gives a ${client} client a host name for`,
            `${protocol}; name one with scenario.host`,
          ].join(" "),
          path: ["scenario", "host"],
          breaks,
        },
      };
    host = d.host;
    notes.push({ kind: "info", text: `No host name given: the client uses ${d.host}, ${d.why}.` });
  }
  c.host = host;
  const landing = resolveHost(m, host, client);
  if (!landing.ok)
    return {
      ok: false,
      d: {
        code: "RT-HOST",
        severity: "error",
        message: `${landing.why}; the ${client} client cannot reach a server with it.`,
        path: landing.path,
        breaks,
      },
    };
  return { ok: true, pool: landing.pool };
}

/**
 * The action's diagnostics and diagnose()'s for this flow, each code|path once. Precedence: where
 * both raise a code, diagnose()'s entries (message and path) replace the action's and come first,
 * because the flow broke on them; then the action's own codes; then diagnose()'s other findings.
 */
function merge(fromAction: Diagnostic[], known: Diagnostic[]): Diagnostic[] {
  return dedupe([
    ...known.filter((k) => fromAction.some((d) => d.code === k.code)),
    ...fromAction.filter((d) => !known.some((k) => k.code === d.code)),
    ...known,
  ]);
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

const dedupe = (list: Diagnostic[]): Diagnostic[] => uniqueBy(list, (d) => `${d.code}|${d.path.join(".")}`);
const dedupeNotes = (list: Note[]): Note[] => uniqueBy(list, (n) => n.text);
