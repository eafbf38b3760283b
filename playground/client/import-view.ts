/**
 * The Import panel: paste, choose or drop the JSON file Collect-ExflowInventory.ps1 wrote; the page
 * sends it to POST /v1/import on this origin (a file is read locally, UTF-16 included, and sent as
 * bytes), puts the imported topology in the editor as YAML and lists the import report (guesses,
 * drops, problems, namespaces).
 */
import { type Child, el, fillList } from "./dom.ts";
import { problemOf } from "./flow.ts";
import { applyTopology, describedElsewhere, fitScenario, leavePreset, type Plain, printTopology } from "./topology.ts";
import { $, say, state, ui } from "./ui.ts";

interface Entry {
  code: string;
  message: string;
}
interface NamespaceReview {
  host: string;
  servers: string[];
  internal: boolean;
  external: boolean;
  certificate?: boolean;
  olderServers?: string[];
}
interface ImportResult {
  valid: boolean;
  topology: Plain;
  report: {
    collectedAt?: string;
    summary: {
      servers: number;
      sites: number;
      namespaces: number;
      users: number;
      guessed: number;
      dropped: number;
      problems: number;
      notCollected: number;
    };
    guessed: Entry[];
    dropped: Entry[];
    problems: Entry[];
    notCollected: Entry[];
    namespaces: NamespaceReview[];
  };
}

const importUi = {
  text: $<HTMLTextAreaElement>("import-text"),
  file: $<HTMLInputElement>("import-file"),
  run: $<HTMLButtonElement>("import-run"),
  report: $("import-report"),
};
let importBytes: Uint8Array<ArrayBuffer> | null = null;

function namespaceLine(n: NamespaceReview): Child[] {
  const certificate = n.certificate === undefined ? "unknown" : n.certificate ? "yes" : "no";
  return [
    el("code", { text: n.host }),
    ` \u2192 ${n.servers.join(", ")}; ${n.internal ? "internal" : "not internal"}, ${n.external ? "external" : "not external"}, ` +
      `certificate ${certificate}${n.olderServers ? `; also named by ${n.olderServers.join(", ")}` : ""}`,
  ];
}

function importReport(result: ImportResult): void {
  const r = result.report;
  const s = r.summary;
  const lines: HTMLElement[] = [
    el("p", {
      text:
        `Imported ${s.servers} servers in ${s.sites} sites, ${s.namespaces} namespaces, ${s.users} users` +
        `${r.collectedAt ? ` (collected ${r.collectedAt})` : ""}: ${s.guessed} guessed, ${s.dropped} dropped, ${s.problems} problems, ` +
        `${s.notCollected} not collected.${result.valid ? "" : " The topology does not validate; see the problems."}`,
    }),
  ];
  const sections: [string, Entry[]][] = [
    ["Guessed (check these)", r.guessed],
    ["Dropped", r.dropped],
    ["Problems (left out; what to do)", r.problems],
    ["Not collected", r.notCollected],
  ];
  for (const [title, entries] of sections) {
    if (!entries.length) continue;
    const list = el("ul", { class: "plain" });
    fillList(list, entries, (e) => [el("code", { text: e.code }), " ", e.message], "");
    lines.push(el("h3", { text: title }), list);
  }
  const ns = el("ul", { class: "plain" });
  fillList(ns, r.namespaces, namespaceLine, "No namespaces.");
  lines.push(el("h3", { text: "Namespaces to review" }), ns);
  importUi.report.replaceChildren(...lines);
}

async function runImport(): Promise<void> {
  const body = importBytes ?? importUi.text.value;
  if (typeof body === "string" && !body.trim()) {
    say("Paste an inventory or choose its file first.");
    return;
  }
  importUi.run.disabled = true;
  try {
    const r = await fetch("/v1/import", { method: "POST", headers: { "Content-Type": "application/json" }, body });
    if (!r.ok) {
      const problem = await problemOf(r);
      importUi.report.replaceChildren(el("p", { class: "error", text: problem.map((i) => i.message).join(" ") }));
      return;
    }
    const result = (await r.json()) as ImportResult;
    importReport(result);
    leavePreset();
    state.known = null;
    describedElsewhere("Imported from an inventory; review the namespaces and guesses listed above.");
    ui.format.value = "yaml";
    ui.topology.value = printTopology(result.topology, "yaml");
    applyTopology(result.topology);
    fitScenario(result.topology);
    ui.topology.dispatchEvent(new Event("input"));
    say(`Inventory imported: ${result.report.summary.servers} servers, ${result.report.summary.users} users.`);
  } finally {
    importUi.run.disabled = false;
  }
}

function takeFile(file: File | undefined | null): void {
  if (!file) return;
  file.arrayBuffer().then((buf) => {
    importBytes = new Uint8Array(buf);
    importUi.text.value = "";
    importUi.text.placeholder = `${file.name} (${buf.byteLength} bytes) is ready; press Import.`;
  });
}

export function wireImport(): void {
  importUi.run.addEventListener("click", runImport);
  importUi.text.addEventListener("input", () => {
    importBytes = null;
  });
  importUi.file.addEventListener("change", () => takeFile(importUi.file.files?.[0]));
  importUi.text.addEventListener("dragover", (e) => e.preventDefault());
  importUi.text.addEventListener("drop", (e) => {
    e.preventDefault();
    takeFile(e.dataTransfer?.files[0]);
  });
}
