/**
 * The whole-organisation audit: every user x protocol x client location routed once over one
 * shared Model, with the topology-wide diagnostics, the DNS/certificate plan and counts.
 * In: a validated Topology (+ profile). Out: Audit, plain JSON.
 *
 * Combinations that cannot exist are kept as `n/a` rows with the decision row that rules them
 * out, so a matrix reader sees why a cell is empty instead of wondering whether it was forgotten.
 *
 * @example audit(presets.o365info.topology).summary.byOutcome.proxy
 */
import { diagnose } from "./diagnostics.ts";
import type { ScopedDiagnostic } from "./diagnostics.ts";
import { compareLevel, parseBuild } from "./diagnostics/builds.ts";
import { buildModel, isModern } from "./model.ts";
import { requiredNames } from "./names.ts";
import type { RequiredNames } from "./names.ts";
import { route } from "./route.ts";
import { matches } from "./conditions.ts";
import { RULES } from "./rules.ts";
import { CLIENTS, PROTOCOLS, profileFor } from "./types.ts";
import type { ClientLocation, Outcome, Profile, Protocol, Server, Severity, Topology, Version } from "./types.ts";

export type AuditOutcome = Outcome | "n/a";

export interface AuditRow {
  user: string;
  /** The user's mailbox server, its version and site (null when the server is unknown). */
  mailbox: string;
  version: Version | null;
  site: string | null;
  protocol: Protocol;
  client: ClientLocation;
  /** Host name the client used (route's default when none is given); null for RPC/TCP and n/a. */
  host: string | null;
  outcome: AuditOutcome;
  /** Numbered steps (annotations such as the AD lookup are not counted). */
  steps: number;
  /** Decision-row ids the flow used, in step order, without repeats. */
  rules: string[];
  /** Codes of the diagnostics attached to the flow. */
  diagnostics: string[];
  /** For n/a rows: the decision row and the reason; for a routing error: its message. */
  note?: string;
}

export interface AuditSummary {
  users: number;
  /** rows = users x protocols x client locations. */
  rows: number;
  /** Rows actually routed (rows - notApplicable). */
  flows: number;
  notApplicable: number;
  byOutcome: Record<AuditOutcome, number>;
  byProtocol: Record<Protocol, Record<AuditOutcome, number>>;
  diagnostics: Record<Severity, number>;
}

export interface Audit {
  topology: string | null;
  profile: Profile;
  rows: AuditRow[];
  /** Topology-wide diagnostics (DX-01 ... DX-19), by code then input order. */
  diagnostics: ScopedDiagnostic[];
  names: RequiredNames;
  summary: AuditSummary;
}

export interface AuditOptions {
  profile?: Profile;
  /** Called after each user's rows, e.g. to draw a progress bar (the CLI does on a terminal). */
  onProgress?: (usersDone: number, usersTotal: number) => void;
}

/**
 * Why a user/protocol/location cell does not exist, or null when it does: the `not-applicable`
 * rows of rules.ts that need nothing but the mailbox and the location (MH-1, MH-2, ECP-1, OL-3b,
 * OL-4). Rows that need the whole topology (PI-5: POP3/IMAP4 not offered) come from route().
 */
export function notApplicable(mailbox: Server, protocol: Protocol, client: ClientLocation): string | null {
  const c = { m: STATIC, protocol, client, profile: "microsoft" as const, user: { name: "", mailbox: mailbox.name }, mbx: mailbox, host: null, hostGiven: false };
  const row = RULES.find((r) => r.action === "not-applicable" && !r.match.when?.startsWith("protocol-") && matches(r.match, c, "microsoft"));
  return row ? `${row.id}: ${row.summary}${row.fallback ? `; the client uses ${row.fallback}` : ""}` : null;
}

// The static rows look at no topology; an empty model keeps them honest about that.
const STATIC = buildModel({ sites: [], servers: [], namespaces: [], users: [] });

const OUTCOMES: AuditOutcome[] = ["proxy", "redirect", "silent-redirect", "autodiscover-referral", "direct", "fail", "n/a"];
const zero = (): Record<AuditOutcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<AuditOutcome, number>;

export function audit(topology: Topology, options: AuditOptions = {}): Audit {
  const profile = profileFor(topology, options.profile);
  // One model for every flow: route() and diagnose() both reuse it (diagnose memoises per model).
  const model = buildModel(topology);
  const rows: AuditRow[] = [];
  for (const user of topology.users) {
    const mbx = model.servers.get(user.mailbox);
    const base = { user: user.name, mailbox: user.mailbox, version: mbx?.version ?? null, site: mbx?.site ?? null };
    for (const protocol of PROTOCOLS) {
      for (const client of CLIENTS) {
        const na = mbx ? notApplicable(mbx, protocol, client) : null;
        if (na) {
          rows.push({ ...base, protocol, client, host: null, outcome: "n/a", steps: 0, rules: [], diagnostics: [], note: na });
          continue;
        }
        rows.push({ ...base, protocol, client, ...routeRow(model, user.name, protocol, client, profile) });
      }
    }
    options.onProgress?.(rows.length / (PROTOCOLS.length * CLIENTS.length), topology.users.length);
  }
  const diagnostics = diagnose(model);
  return { topology: topology.name ?? null, profile, rows, diagnostics, names: requiredNames(model), summary: summarise(topology.users.length, rows, diagnostics) };
}

type Routed = Pick<AuditRow, "host" | "outcome" | "steps" | "rules" | "diagnostics" | "note">;

function routeRow(model: ReturnType<typeof buildModel>, user: string, protocol: Protocol, client: ClientLocation, profile: Profile): Routed {
  try {
    const flow = route(model, { user, protocol, client, profile });
    if (flow.outcome === "n/a") return { host: null, outcome: "n/a", steps: 0, rules: [], diagnostics: [], note: flow.notes[0]?.text ?? "not offered" };
    let steps = 0;
    const rules: string[] = [];
    for (const s of flow.steps) {
      if (s.n !== null) steps++;
      if (s.rule && !rules.includes(s.rule)) rules.push(s.rule);
    }
    const codes = [...new Set(flow.diagnostics.map((d) => d.code))];
    return { host: flow.scenario.host, outcome: flow.outcome, steps, rules, diagnostics: codes };
  } catch (e) {
    // route() does not throw on validated input; an unvalidated topology must not sink the whole audit.
    return { host: null, outcome: "fail", steps: 0, rules: [], diagnostics: [], note: `routing error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function summarise(users: number, rows: AuditRow[], diagnostics: ScopedDiagnostic[]): AuditSummary {
  const byOutcome = zero();
  const byProtocol = Object.fromEntries(PROTOCOLS.map((p) => [p, zero()])) as Record<Protocol, Record<AuditOutcome, number>>;
  for (const r of rows) {
    byOutcome[r.outcome]++;
    byProtocol[r.protocol][r.outcome]++;
  }
  const severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) severity[d.severity]++;
  return { users, rows: rows.length, flows: rows.length - byOutcome["n/a"], notApplicable: byOutcome["n/a"], byOutcome, byProtocol, diagnostics: severity };
}
