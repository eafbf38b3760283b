/**
 * `exflow import <inventory>`: the JSON file Collect-ExflowInventory.ps1 writes -> a topology
 * (YAML with the import report as comments, or JSON) on stdout or -o, and the report on stderr
 * (or as JSON with --report). Reads bytes, so UTF-16 files from Windows PowerShell 5.1 work.
 * Exit 0 imported; 1 with --strict when values were unreadable or guessed; 2 not an inventory, or
 * the imported topology does not validate (it is still written, to be fixed by hand).
 */
import { type Command, Option } from "commander";
import { readFileSync } from "node:fs";
import process from "node:process";
import { importedYaml, importInventory, reportLines } from "../../core/index.ts";
import { CliError, EXIT_FAILING_FLOWS, EXIT_USAGE, issueLines, usage } from "../errors.ts";
import { formatOf, writeFile, writeOutput } from "../io.ts";
import { outputOption } from "../options.ts";

interface ImportFlags {
  format?: "yaml" | "json";
  output?: string;
  report?: string;
  strict?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
In the Exchange Management Shell (read-only; see Get-Help .\\Collect-ExflowInventory.ps1 -Full):
  PS> .\\collect\\Collect-ExflowInventory.ps1 -Out inventory.json

Examples:
  $ exflow import inventory.json -o topology.yaml      # the report goes to stderr
  $ exflow import inventory.json --format json --report import-report.json > topology.json
  $ exflow import inventory.json -o topology.yaml && exflow audit topology.yaml`;

async function readBytes(arg: string): Promise<Uint8Array> {
  if (arg === "-") {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
    return new Uint8Array(Buffer.concat(chunks));
  }
  try {
    return new Uint8Array(readFileSync(arg));
  } catch (e) {
    throw usage(`${arg}: cannot read (${e && typeof e === "object" && "code" in e ? String(e.code) : String(e)})`);
  }
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .summary("turn an Exchange inventory (Collect-ExflowInventory.ps1) into a topology")
    .description(
      "Read the JSON file collect/Collect-ExflowInventory.ps1 writes in the Exchange Management Shell " +
        "(UTF-8 or UTF-16, with or without a BOM) and write the exflow topology: " +
        "servers with version and build from AdminDisplayVersion, roles, sites, virtual-directory URLs " +
        "and authentication, Outlook Anywhere, SCP, namespaces derived from the URLs, and a sample of " +
        "users. " +
        "The import report (what was guessed, dropped or unreadable, the namespaces to review and the " +
        "diagnostics of the result) goes to stderr, or as JSON to --report.",
    )
    .argument("<inventory>", "inventory JSON file, or - for stdin")
    .addOption(new Option("-f, --format <format>", "topology format (default: from the -o extension, else yaml)").choices(["yaml", "json"]))
    .addOption(outputOption())
    .option("--report <file>", "write the import report as JSON to this file")
    .option("--strict", "exit 1 when a value was unreadable or guessed")
    .option("-q, --quiet", "do not print the report to stderr")
    .addHelpText("after", EXAMPLES)
    .action(async (arg: string, flags: ImportFlags) => {
      const result = importInventory(await readBytes(arg));
      if (!result.ok) throw usage(issueLines(result.issues).map((l) => `${arg === "-" ? "(stdin)" : arg}: ${l}`));
      const { report, valid } = result.value;
      const format = flags.format ?? (flags.output && formatOf(flags.output) === "json" ? "json" : "yaml");
      writeOutput(format === "json" ? `${JSON.stringify(result.value.topology, null, 2)}\n` : importedYaml(result.value), flags.output);
      if (flags.report) writeFile(flags.report, `${JSON.stringify(report, null, 2)}\n`);
      if (!flags.quiet) for (const line of reportLines(report)) process.stderr.write(`${line}\n`);
      if (!valid)
        throw new CliError(EXIT_USAGE, [
          "the imported topology does not validate (see the diagnostics above); fix the inventory or the topology by hand",
        ]);
      if (flags.strict && (report.problems.length > 0 || report.guessed.length > 0)) process.exitCode = EXIT_FAILING_FLOWS;
    });
}
