/**
 * Misconfiguration diagnostics (the DX codes of codes.ts; most are the `config` rows of docs/rules.md). In: a Model.
 * Out: Diagnostic[] sorted by code, then input order; each says what is wrong, what the client
 * sees and what to change, with a path into the input and the flows it `breaks` (for warnings:
 * the flows it degrades). Pure; results are memoised per Model so route() may call it per flow.
 *
 * Detected from topology data: all 19 codes, each to the extent the input describes it.
 * Not detectable (no input field): Outlook 2003 clients (part of DX-18), certificates on
 * publishing devices (DX-03 checks the namespace's `certificate` flag only), the EAS protocol
 * version of devices (DX-12 flags the risk), actual load (DX-17 flags the build).
 */
import type { Model } from "../model/index.ts";
import { requiredNames } from "./names.ts";
import { CLIENTS, PROTOCOLS } from "../types.ts";
import type { ClientLocation, Diagnostic, Protocol } from "../types.ts";
import { checkFloors, checkProxyBalance } from "./builds.ts";
import { checkEas451, checkEcpLoop, checkSilentRedirect } from "./cross-site.ts";
import { factsOf } from "./facts.ts";
import type { ScopedDiagnostic } from "./facts.ts";
import { checkCertificates, checkEasLegacyName, checkLegacyName, checkLocalCas, checkOwaRedirectTarget } from "./legacy-access.ts";
import { checkCasArray, checkNegotiate, checkOaHostname, checkOutlookAnywhere, checkRpcNtlm, checkRpcProxy, checkScp } from "./outlook.ts";
import { checkUnknownHosts } from "./hosts.ts";
import { checkOab, checkRecentMove } from "./users.ts";
import { diagnoseHybrid } from "./hybrid.ts";

export type { DiagnosticScope, ScopedDiagnostic } from "./facts.ts";
export { compareLevel, parseBuild } from "./builds.ts";

const cache = new WeakMap<Model, ScopedDiagnostic[]>();

export function diagnose(model: Model): ScopedDiagnostic[] {
  const hit = cache.get(model);
  if (hit) return hit.slice();
  const f = factsOf(model);
  const names = requiredNames(model).names;
  const all = [
    ...checkLocalCas(f), // DX-01
    ...checkLegacyName(f, names), // DX-02
    ...checkCertificates(f, names), // DX-03
    ...checkOwaRedirectTarget(f), // DX-04
    ...checkOutlookAnywhere(f), // DX-05
    ...checkRpcProxy(f), // DX-06
    ...checkRpcNtlm(f), // DX-07
    ...checkOaHostname(f), // DX-08
    ...checkCasArray(f), // DX-09
    ...checkOab(f), // DX-10
    ...checkScp(f), // DX-11
    ...checkEas451(f), // DX-12
    ...checkEasLegacyName(f, names), // DX-13
    ...checkSilentRedirect(f), // DX-14
    ...checkEcpLoop(f), // DX-15
    ...checkRecentMove(f), // DX-16
    ...checkProxyBalance(f), // DX-17
    ...checkFloors(f), // DX-18
    ...checkNegotiate(f), // DX-19
    ...checkUnknownHosts(f), // DX-20
    ...diagnoseHybrid(model), // HX-* (Extended Protection, load balancer TLS, hybrid)
  ];
  // Array.prototype.sort is stable: input order survives within a code.
  all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  cache.set(model, all);
  return all.slice();
}

export interface FlowKey {
  user: string;
  /** The user's mailbox server. */
  mailbox?: string;
  protocol: Protocol;
  client: ClientLocation;
}

/** Whether a diagnostic concerns a flow: `breaks` names its protocol (and location), and its scope includes the user. */
export function affects(d: Diagnostic & { scope?: ScopedDiagnostic["scope"] }, flow: FlowKey): boolean {
  const hit = d.breaks.some((b) => b === flow.protocol || b === `${flow.protocol}:${flow.client}`);
  if (!hit) return false;
  const s = d.scope;
  if (!s) return true;
  return !!(s.users?.includes(flow.user) || (flow.mailbox !== undefined && s.mailboxes?.includes(flow.mailbox)));
}

const byFlow = new WeakMap<Model, Map<string, ScopedDiagnostic[]>>();

/** Diagnostics per "protocol:client", built once per model: an audit asks for 20,000+ flows. */
function index(model: Model): Map<string, ScopedDiagnostic[]> {
  let idx = byFlow.get(model);
  if (idx) return idx;
  idx = new Map();
  const all = diagnose(model);
  for (const protocol of PROTOCOLS) {
    for (const client of CLIENTS) {
      const key = `${protocol}:${client}`;
      idx.set(
        key,
        all.filter((d) => d.breaks.includes(protocol) || d.breaks.includes(key)),
      );
    }
  }
  byFlow.set(model, idx);
  return idx;
}

/** The diagnostics route() attaches to one flow, in diagnose() order. */
export function diagnosticsFor(model: Model, flow: FlowKey): ScopedDiagnostic[] {
  const mailbox = flow.mailbox ?? model.users.get(flow.user)?.mailbox;
  const candidates = index(model).get(`${flow.protocol}:${flow.client}`) ?? [];
  return candidates.filter((d) => affects(d, { ...flow, mailbox }));
}
