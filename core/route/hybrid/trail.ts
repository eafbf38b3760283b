/**
 * A hybrid flow under construction. Hops name participants by id (servers, cloud endpoints,
 * devices); each hop may be guarded by diagnostic codes: when one of them is an error that
 * concerns this flow, that hop is drawn failing and nothing after it happens (P1: a flow fails
 * where it breaks). Numbering happens once, in `finish`.
 */
import type { Model } from "../../model/index.ts";
import type { ScopedDiagnostic } from "../../diagnose/facts.ts";
import type { Diagnostic, Flow, FlowSite, Hybrid, Note, Outcome, Participant, Server, Step, StepKind } from "../../types.ts";
import { agentParticipant, CLOUD_SITE, cloudParticipant, internetParticipant, lbParticipant, type CloudId } from "./endpoints.ts";
import { internetFacing } from "../../model/index.ts";
import { roleShort } from "../../model/describe.ts";
import { adParticipant, same, serverParticipant } from "../participants.ts";
import { uniqueBy } from "../../unique.ts";

interface Hop extends Omit<Step, "n"> {
  numbered: boolean;
}

export interface HopOptions {
  url?: string;
  /** Drawn without a number (the reference's unnumbered annotations: lookups, LB pass-through). */
  unnumbered?: boolean;
  /** Diagnostic codes that break the flow at this hop. */
  guard?: Guard[];
}

/** A code, or a code that counts only when its diagnostic's path starts with `at` (e.g. one namespace). */
export type Guard = string | { code: string; at: (string | number)[] };

const guards = (d: Diagnostic, g: Guard): boolean =>
  typeof g === "string" ? d.code === g : d.code === g.code && g.at.every((p, i) => d.path[i] === p);

export class HybridTrail {
  readonly hops: Hop[] = [];
  readonly notes: Note[] = [];
  readonly diagnostics: Diagnostic[] = [];
  outcome: Outcome = "direct";
  failed = false;
  private readonly cast = new Map<string, Participant>();

  readonly m: Model;
  readonly h: Hybrid;
  /** Diagnostics that concern this flow (errors can fail a guarded hop). */
  readonly active: ScopedDiagnostic[];

  constructor(m: Model, h: Hybrid, active: ScopedDiagnostic[], clientLabel: string | undefined) {
    this.m = m;
    this.h = h;
    this.active = active;
    if (clientLabel) this.cast.set("client", { id: "client", label: clientLabel, kind: "client", labels: same(clientLabel) });
  }

  server(s: Server): string {
    if (!this.cast.has(s.name)) {
      const names = (this.m.landingOn.get(s.name) ?? []).filter((n) => n.external !== false).map((n) => n.host);
      this.cast.set(s.name, serverParticipant(s, names, `${roleShort(s)}, ${s.site} (${s.name})`));
    }
    return s.name;
  }

  cloud(id: CloudId): string {
    if (!this.cast.has(id)) this.cast.set(id, cloudParticipant(id, this.h, this.m.topology.domain));
    return id;
  }

  lb(host: string, tls: string): string {
    const p = lbParticipant(host, tls);
    if (!this.cast.has(p.id)) this.cast.set(p.id, p);
    return p.id;
  }

  agent(site: string | undefined): string {
    if (!this.cast.has("hybrid-agent")) this.cast.set("hybrid-agent", agentParticipant(this.h, site));
    return "hybrid-agent";
  }

  internet(domain: string): string {
    if (!this.cast.has("internet")) this.cast.set("internet", internetParticipant(domain));
    return "internet";
  }

  ad(): string {
    if (!this.cast.has("ad")) this.cast.set("ad", adParticipant());
    return "ad";
  }

  /** Append a hop unless the flow already broke; a guarded hop whose error is active fails here. */
  hop(from: string, to: string, kind: StepKind, rule: string, text: string, o: HopOptions = {}): boolean {
    if (this.failed) return false;
    // One server in two roles hands the request to itself internally: no arrow (the on-premises trail does the same).
    if (from === to && from !== "client") return true;
    const hop: Hop = { from, to, kind, text, rule, numbered: !o.unnumbered };
    if (o.url !== undefined) hop.url = o.url;
    const hits = this.active.filter((d) => d.severity === "error" && (o.guard ?? []).some((g) => guards(d, g)));
    if (hits.length > 0) {
      hop.fails = true;
      hop.numbered = true;
      hop.text = `${text} This fails: ${hits.map((d) => `${d.code}, ${firstSentence(d.message)}`).join("; ")}`;
      this.failed = true;
      this.outcome = "fail";
    }
    this.hops.push(hop);
    return !this.failed;
  }

  /** Break the flow at a hop for a reason of this scenario alone (e.g. a device that cannot follow 451). */
  breakHere(from: string, to: string, kind: StepKind, rule: string, text: string, d: Diagnostic, url?: string): void {
    if (this.failed) return;
    const hop: Hop = { from, to, kind, text, rule, numbered: true, fails: true };
    if (url !== undefined) hop.url = url;
    this.hops.push(hop);
    this.diagnostics.push(d);
    this.failed = true;
    this.outcome = "fail";
  }

  note(kind: Note["kind"], rule: string, text: string): void {
    if (!this.notes.some((n) => n.text === text)) this.notes.push({ kind, rule, text });
  }

  finish(scenario: Flow["scenario"]): Flow {
    let n = 0;
    const steps: Step[] = this.hops.map(({ numbered, ...hop }) => ({ n: numbered ? ++n : null, ...hop }));
    const order = ["client", ...steps.flatMap((s) => [s.from, s.to])];
    const participants = [...new Set(order)].flatMap((id) => this.cast.get(id) ?? []);
    const sites: FlowSite[] = [];
    for (const p of participants) {
      if (!p.site || sites.some((s) => s.name === p.site)) continue;
      if (p.site === CLOUD_SITE)
        sites.push({
          name: CLOUD_SITE,
          internetFacing: true,
          names: [...new Set(participants.filter((q) => q.site === CLOUD_SITE).flatMap((q) => q.names ?? []))],
        });
      else
        sites.push({
          name: p.site,
          internetFacing: internetFacing(this.m, p.site, scenario.protocol),
          names: [...new Set(participants.filter((q) => q.site === p.site).flatMap((q) => q.names ?? []))],
        });
    }
    const diagnostics = dedupe([
      ...this.diagnostics,
      ...this.active.map(({ code, severity, message, path, breaks }) => ({ code, severity, message, path, breaks })),
    ]);
    // A flow that broke stays broken, whatever outcome a builder set after the failing hop.
    return { outcome: this.failed ? "fail" : this.outcome, scenario, participants, sites, steps, notes: this.notes, diagnostics };
  }
}

const firstSentence = (s: string): string => {
  const i = s.indexOf(": ");
  const rest = i > 0 && i < 60 ? s.slice(i + 2) : s;
  const end = rest.search(/\.(\s|$)/);
  return end > 0 ? rest.slice(0, end) : rest;
};

const dedupe = (list: Diagnostic[]): Diagnostic[] => uniqueBy(list, (d) => `${d.code}|${d.path.join(".")}`);
