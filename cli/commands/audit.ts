/**
 * `exflow audit <topology>`: every user x protocol x client location routed once, with the
 * topology's diagnostics and DNS/certificate plan, as Markdown (default), JSON or CSV.
 * `--strict`: exit 1 when any flow fails (n/a combinations are not flows), for CI gates.
 */
import { type Command, Option } from "commander";
import { extname } from "node:path";
import { type Audit, audit } from "../../core/index.ts";
import { failingRows, renderAuditCsv, renderAuditMarkdown } from "../../diagrams/index.ts";
import { CliError, EXIT_FAILING_FLOWS } from "../errors.ts";
import { writeOutput } from "../io.ts";
import { chooseFormat } from "../views.ts";
import { progress } from "../progress.ts";
import { asProfile, outputOption, profileOption, TOPOLOGY_HELP } from "../options.ts";
import { loadTopology } from "../topology.ts";

interface AuditFlags {
  format?: AuditFormat;
  profile?: string;
  strict?: boolean;
  output?: string;
}

const EXAMPLES = `
Examples:
  $ exflow audit topology.yaml > audit.md
  $ exflow audit topology.yaml --format csv -o audit.csv
  $ exflow audit preset:o365info --profile microsoft --format json
  $ exflow audit topology.yaml --strict > /dev/null || echo "some flow fails"`;

export const AUDIT_FORMATS = ["md", "json", "csv"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The audit as text: the shared Markdown and CSV views, or the Audit object as core returns it. */
export function formatAudit(a: Audit, format: AuditFormat): string {
  if (format === "csv") return renderAuditCsv(a);
  if (format === "md") return renderAuditMarkdown(a);
  return `${JSON.stringify(a, null, 2)}\n`;
}

const FROM_EXTENSION: Record<string, AuditFormat> = { json: "json", csv: "csv", md: "md", markdown: "md" };

export function registerAudit(program: Command): void {
  program
    .command("audit")
    .summary("route every user x protocol x location; outcomes and diagnostics")
    .description(
      "Route every user x protocol x client location and report the outcome matrix, the " +
        "misconfiguration diagnostics (the DX codes) and the DNS/certificate names the topology needs. " +
        "Combinations that cannot exist are listed as n/a with the reason.",
    )
    .argument("<topology>", TOPOLOGY_HELP)
    .addOption(new Option("-f, --format <format>", "output format (default: from the -o extension, else md)").choices(AUDIT_FORMATS))
    .addOption(profileOption())
    .option("--strict", "exit 1 when any flow fails")
    .addOption(outputOption())
    .addHelpText("after", EXAMPLES)
    .action(async (topologyArg: string, flags: AuditFlags) => {
      const { topology } = await loadTopology(topologyArg);
      const bar = progress(topology.users.length, "audit");
      const result = audit(topology, { profile: asProfile(flags.profile), onProgress: (done) => bar.update(done) });
      bar.stop();
      const format = chooseFormat(
        flags.format,
        flags.output,
        (f) => FROM_EXTENSION[extname(f).slice(1).toLowerCase()],
        "md",
        AUDIT_FORMATS,
      );
      writeOutput(formatAudit(result, format), flags.output);
      const failing = failingRows(result);
      if (flags.strict && failing.length > 0) {
        const shown = failing
          .slice(0, 10)
          .map((r) =>
            [
              `fails: ${r.user} ${r.protocol}`,
              `${r.client}${r.host ? ` (${r.host})` : ""}${r.diagnostics.length ? ` ${r.diagnostics.join(" ")}` : ""}`,
            ].join(" "),
          );
        if (failing.length > shown.length) shown.push(`... and ${failing.length - shown.length} more`);
        throw new CliError(EXIT_FAILING_FLOWS, [...shown, `${failing.length} of ${result.summary.flows} flows fail`]);
      }
    });
}
