/**
 * The audit matrix: POST /v1/audit for the editor's topology, one row per user, two columns
 * (internal, external) per protocol, a button per routed cell (its accessible name says user,
 * protocol, location and outcome; n/a cells are plain text with the reason as a tooltip).
 * Choosing a cell opens its flow.
 */
import { diagnosticItem, el, fillList } from "./dom.ts";
import { requestDoc, scheduleFlow } from "./flow.ts";
import { setUsers } from "./topology.ts";
import { say, state, ui } from "./ui.ts";

export interface AuditRow {
  user: string;
  mailbox: string;
  version?: string | number;
  protocol: string;
  client: string;
  outcome: string;
  rules: string[];
  host?: string;
  note?: string;
  diagnostics: string[];
}

interface Audit {
  rows: AuditRow[];
  summary: { flows: number; users: number; byOutcome: Record<string, number> };
  diagnostics: Parameters<typeof diagnosticItem>[0][];
}

const OUTCOME_LETTER: Record<string, string> = {
  proxy: "P",
  redirect: "R",
  "silent-redirect": "S",
  "autodiscover-referral": "A",
  direct: "D",
  fail: "\u2717",
  "n/a": "\u2013",
};

export function renderAudit(container: HTMLElement, audit: Audit, onOpen: (row: AuditRow) => void): void {
  container.classList.remove("stale");
  const protocols: string[] = [];
  const users: AuditRow[] = [];
  const cells = new Map<string, AuditRow>();
  for (const row of audit.rows) {
    if (!protocols.includes(row.protocol)) protocols.push(row.protocol);
    if (!users.some((u) => u.user === row.user)) users.push(row);
    cells.set(`${row.user}|${row.protocol}|${row.client}`, row);
  }
  const head1 = el("tr", {}, [
    el("th", { scope: "col", rowspan: 2, text: "User (mailbox)" }),
    ...protocols.map((p) => el("th", { scope: "colgroup", colspan: 2, text: p })),
  ]);
  const head2 = el(
    "tr",
    {},
    protocols.flatMap(() => [
      el("th", { scope: "col", class: "loc", title: "internal client", text: "int" }),
      el("th", { scope: "col", class: "loc", title: "external client", text: "ext" }),
    ]),
  );
  const body = users.map((u) => {
    const who = el("th", { scope: "row" }, [u.user, el("span", { class: "sub", text: u.mailbox + (u.version ? ` (${u.version})` : "") })]);
    const row = protocols.flatMap((p) => ["internal", "external"].map((c) => auditCell(cells.get(`${u.user}|${p}|${c}`), onOpen)));
    return el("tr", {}, [who, ...row]);
  });
  container.replaceChildren(
    el("table", { class: "matrix" }, [
      el("caption", { text: "Outcome per user, protocol and client location; choose a cell to open its flow." }),
      el("thead", {}, [head1, head2]),
      el("tbody", {}, body),
    ]),
  );
}

function auditCell(row: AuditRow | undefined, onOpen: (row: AuditRow) => void): HTMLTableCellElement {
  if (!row) return el("td", { class: "cell-missing" });
  const label = `${row.user}, ${row.protocol}, ${row.client}: ${row.outcome}`;
  const detail =
    row.note ||
    row.rules.join(", ") +
      (row.host ? ` via ${row.host}` : "") +
      (row.diagnostics.length ? `; diagnostics ${row.diagnostics.join(", ")}` : "");
  if (row.outcome === "n/a") return el("td", { class: "outcome-na", title: `${label}: ${detail}`, text: OUTCOME_LETTER["n/a"] });
  const button = el("button", {
    type: "button",
    class: `cell outcome-${row.outcome}`,
    "aria-label": label,
    title: label + (detail ? ` (${detail})` : ""),
    "data-user": row.user,
    "data-protocol": row.protocol,
    "data-client": row.client,
    text: OUTCOME_LETTER[row.outcome] ?? "?",
    onclick: () => onOpen(row),
  });
  return el("td", { class: row.diagnostics.length ? "has-diagnostics" : "" }, [button]);
}

export function markAuditCell(container: HTMLElement, user: string, protocol: string, client: string): void {
  for (const b of container.querySelectorAll<HTMLButtonElement>("button.cell")) {
    if (b.dataset.user === user && b.dataset.protocol === protocol && b.dataset.client === client) b.setAttribute("aria-current", "true");
    else b.removeAttribute("aria-current");
  }
}

export function scheduleAudit(delay: number): void {
  clearTimeout(state.auditTimer);
  state.auditTimer = setTimeout(updateAudit, delay);
}

async function updateAudit(): Promise<void> {
  const doc = requestDoc(true);
  if (!doc || doc.text === state.auditKey) return;
  state.auditCtl?.abort();
  const ctl = new AbortController();
  state.auditCtl = ctl;
  ui.audit.setAttribute("aria-busy", "true");
  try {
    const r = await fetch("/v1/audit?format=json", {
      method: "POST",
      headers: { "Content-Type": doc.type },
      body: doc.text,
      signal: ctl.signal,
    });
    if (!r.ok) {
      if (ctl === state.auditCtl) {
        ui.audit.classList.add("stale");
        ui.auditSummary.textContent = "The audit needs a valid topology; see the problems listed under the editor.";
      }
      return;
    }
    const audit = (await r.json()) as Audit;
    if (ctl !== state.auditCtl) return;
    state.auditKey = doc.text;
    renderAudit(ui.audit, audit, openCell);
    markAuditCell(ui.audit, ui.user.value, ui.protocol.value, ui.client.value);
    const by = audit.summary.byOutcome;
    const counts = Object.entries(by)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`);
    ui.auditSummary.textContent = `${audit.summary.flows} flows for ${audit.summary.users} users: ${counts.join(", ")}.`;
    fillList(ui.auditDiagnostics, audit.diagnostics, diagnosticItem, "No topology-wide diagnostics.");
    const users = [...new Set(audit.rows.map((row) => row.user))];
    if (setUsers(users)) scheduleFlow(0);
  } catch (e) {
    if (!(e instanceof Error && e.name === "AbortError") && ctl === state.auditCtl) {
      ui.auditSummary.textContent = `The audit could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
    }
  } finally {
    if (ctl === state.auditCtl) ui.audit.removeAttribute("aria-busy");
  }
}

function openCell(row: AuditRow): void {
  ui.example.value = "";
  ui.user.value = row.user;
  ui.protocol.value = row.protocol;
  ui.client.value = row.client;
  ui.host.value = "";
  say(`Opened ${row.user}, ${row.protocol}, ${row.client} client`);
  scheduleFlow(0);
  ui.result.scrollIntoView({ block: "start" });
}
