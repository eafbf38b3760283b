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
import { diagnose } from "../diagnose/index.ts";
import type { ScopedDiagnostic } from "../diagnose/index.ts";
import { eachFlow, type FlowCell } from "./each-flow.ts";
import { buildModel } from "../model/index.ts";
import { requiredNames } from "../diagnose/names.ts";
import type { RequiredNames } from "../diagnose/names.ts";
import { CLIENTS, PROTOCOLS, profileFor } from "../types.ts";
import type { ClientLocation, Outcome, Profile, Protocol, Severity, Topology, User, Version } from "../types.ts";
import { userMatches } from "../validate/index.ts";

export { notApplicable } from "./each-flow.ts";

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
  /** Present when the audit covers part of the topology: the users and protocols it was asked for. */
  scope?: { users?: string[]; protocols?: Protocol[] };
  rows: AuditRow[];
  /** Topology-wide diagnostics (the DX codes), by code then input order. */
  diagnostics: ScopedDiagnostic[];
  names: RequiredNames;
  summary: AuditSummary;
}

export interface AuditOptions {
  profile?: Profile;
  /** Scope: only users matching one of these names or `*` patterns (validate.ts's userMatches). */
  users?: readonly string[];
  /** Scope: only these protocols, in PROTOCOLS order whatever order they are given in. */
  protocols?: readonly Protocol[];
  /** Called after each user's rows, e.g. to draw a progress bar (the CLI does on a terminal). */
  onProgress?: (usersDone: number, usersTotal: number) => void;
}

/** Every outcome a flow can have, in the order audits count them (also the OpenAPI enum). */
export const OUTCOMES: readonly AuditOutcome[] = ["proxy", "redirect", "silent-redirect", "autodiscover-referral", "direct", "fail", "n/a"];
const zero = (): Record<AuditOutcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<AuditOutcome, number>;

/** The users and protocols an audit covers, given its scope. */
export function auditScope(
  topology: Topology,
  options: Pick<AuditOptions, "users" | "protocols"> = {},
): { users: User[]; protocols: Protocol[] } {
  const { users: patterns, protocols: chosen } = options;
  const users = patterns ? topology.users.filter((u) => patterns.some((p) => userMatches(p, u.name))) : topology.users;
  const protocols = chosen ? PROTOCOLS.filter((p) => chosen.includes(p)) : [...PROTOCOLS];
  return { users, protocols };
}

/** Rows an audit will have (users x protocols x client locations), known before routing anything. */
export function auditRowCount(topology: Topology, options: Pick<AuditOptions, "users" | "protocols"> = {}): number {
  const { users, protocols } = auditScope(topology, options);
  return users.length * protocols.length * CLIENTS.length;
}

export function audit(topology: Topology, options: AuditOptions = {}): Audit {
  const profile = profileFor(topology, options.profile);
  const scope = auditScope(topology, options);
  // One model for every flow: route() and diagnose() both reuse it (diagnose memoises per model).
  const model = buildModel(topology);
  const rows: AuditRow[] = [];
  const perUser = scope.protocols.length * CLIENTS.length;
  for (const cell of eachFlow(model, profile, scope)) {
    rows.push(auditRow(cell));
    if (rows.length % perUser === 0) options.onProgress?.(rows.length / perUser, scope.users.length);
  }
  const diagnostics = diagnose(model);
  const scoped =
    options.users || options.protocols
      ? { scope: { ...(options.users ? { users: [...options.users] } : {}), ...(options.protocols ? { protocols: scope.protocols } : {}) } }
      : {};
  return {
    topology: topology.name ?? null,
    profile,
    ...scoped,
    rows,
    diagnostics,
    names: requiredNames(model),
    summary: summarise(scope.users.length, rows, diagnostics),
  };
}

function auditRow(cell: FlowCell): AuditRow {
  const { user, mailbox, protocol, client } = cell;
  // A cloud user (hybrid) has no on-premises Mailbox server: the cell names Exchange Online.
  const base = {
    user: user.name,
    mailbox: user.mailbox ?? "Exchange Online",
    version: mailbox?.version ?? null,
    site: mailbox?.site ?? null,
    protocol,
    client,
  };
  const empty = { host: null, steps: 0, rules: [], diagnostics: [] };
  if (cell.kind === "n/a") return { ...base, ...empty, outcome: "n/a", note: cell.note };
  if (cell.kind === "error") return { ...base, ...empty, outcome: "fail", note: `routing error: ${cell.message}` };
  const { flow } = cell;
  // A row that needs the whole topology (PI-5) says n/a from route() itself.
  if (flow.outcome === "n/a") return { ...base, ...empty, outcome: "n/a", note: flow.notes[0]?.text ?? "not offered" };
  let steps = 0;
  const rules: string[] = [];
  for (const s of flow.steps) {
    if (s.n !== null) steps++;
    if (s.rule && !rules.includes(s.rule)) rules.push(s.rule);
  }
  const codes = [...new Set(flow.diagnostics.map((d) => d.code))];
  return { ...base, host: flow.scenario.host, outcome: flow.outcome, steps, rules, diagnostics: codes };
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
  return {
    users,
    rows: rows.length,
    flows: rows.length - byOutcome["n/a"],
    notApplicable: byOutcome["n/a"],
    byOutcome,
    byProtocol,
    diagnostics: severity,
  };
}
