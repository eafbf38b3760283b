/**
 * The import report as plain lines, for a terminal (CLI stderr) and for the comment block at the
 * top of an imported YAML topology. Mapped servers and users are counted, not listed; every
 * conversion, guess, drop, problem and failed cmdlet is listed with its inventory path.
 */
import { stringify } from "yaml";
import type { Imported } from "./index.ts";
import type { ImportReport } from "./report.ts";

const ROUTINE = new Set(["SERVER", "USER"]);

export function reportLines(r: ImportReport): string[] {
  const s = r.summary;
  const out = [
    `imported ${s.servers} servers in ${s.sites} sites, ${s.namespaces} namespaces, ${s.users} users from ${r.format}${
      r.collectedAt ? ` collected ${r.collectedAt}` : ""
    }${r.psVersion ? ` (PowerShell ${r.psVersion}${r.anonymized ? ", names anonymised" : ""})` : ""}`,
    [
      `report: ${s.guessed} guessed, ${s.dropped} dropped, ${s.problems} problems, ${s.notCollected}`,
      `not collected, ${s.diagnostics} diagnostics`,
    ].join(" "),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push("", `${title}:`, ...lines.map((l) => `  ${l}`));
  };
  section(
    "Also read (conversions)",
    r.mapped.filter((e) => !ROUTINE.has(e.code)).map((e) => e.message),
  );
  section(
    "Guessed (check these)",
    r.guessed.map((e) => e.message),
  );
  section(
    "Dropped",
    r.dropped.map((e) => e.message),
  );
  section(
    "Problems (left out; what to do)",
    r.problems.map((e) => e.message),
  );
  section(
    "Not collected (the collector's errors)",
    r.notCollected.map((e) => e.message),
  );
  section(
    "Namespaces derived from the URLs (review: internal/external DNS, certificate)",
    r.namespaces.map((n) =>
      [
        `${n.host} -> ${n.servers.join(", ")}; ${n.internal ? "internal" : "not internal"},`,
        `${n.external ? "external" : "not external"}, certificate`,
        `${n.certificate === undefined ? "unknown" : n.certificate ? "yes" : "no"}${
          n.olderServers ? `; also named by ${n.olderServers.join(", ")}` : ""
        }`,
      ].join(" "),
    ),
  );
  section(
    "Diagnostics of the imported topology",
    r.diagnostics.map((d) => `${d.code}${"severity" in d ? ` ${d.severity}` : ""}: ${d.message}`),
  );
  return out;
}

/** The topology as YAML under a comment block holding the report, so the file explains itself. */
export function importedYaml(result: Pick<Imported, "topology" | "report">): string {
  const comments = [
    "exflow topology imported from an inventory; review the namespaces and the guesses below.",
    "",
    ...reportLines(result.report),
  ];
  return `${comments.map((l) => (l ? `# ${l}` : "#")).join("\n")}\n${stringify(result.topology, { lineWidth: 0 })}`;
}
