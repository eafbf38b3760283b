/**
 * `exflow observe <files or folders...> [--topology T]`: read Exchange's HttpProxy logs, group the
 * requests by protocol, user, front end and back end, and say for each group whether the design
 * (the topology) puts those servers on the path. JSON or Markdown; `--pictures DIR` also draws
 * each designed flow with the observed counts (SVG, PNG and Mermaid, sequence and map views).
 * `--strict`: exit 1 when any path differs from the design. `--anonymize`: users and client
 * addresses become pseudonyms in every output.
 */
import { type Command, Option } from "commander";
import { join } from "node:path";
import {
  anonymizeReport,
  createObserver,
  type Flow,
  type ObservedFlow,
  observedFlows,
  type Pseudonyms,
  pseudonymsFor,
  type Topology,
} from "../../core/index.ts";
import { renderObservedMarkdown, renderObservedMermaid, renderObservedSvg } from "../../diagrams/index.ts";
import { CliError, EXIT_FAILING_FLOWS } from "../errors.ts";
import { makeDir, writeFile, writeOutput } from "../io.ts";
import { logFiles, readLogs } from "../logs.ts";
import { optionFlag, outputOption, renderOptions, TOPOLOGY_HELP } from "../options.ts";
import { progress } from "../progress.ts";
import { loadTopology } from "../topology.ts";

interface ObserveFlags {
  topology?: string;
  format?: "json" | "md";
  strict?: boolean;
  anonymize?: boolean;
  pictures?: string;
  theme?: string;
  output?: string;
}

const EXAMPLES = `
Examples:
  $ exflow observe ./HttpProxy --topology topology.yaml > observed.md
  $ exflow observe ./HttpProxy/Eas ./HttpProxy/Ews --topology preset:fabrikam --format json --strict
  $ exflow observe ./HttpProxy --topology topology.yaml --anonymize --pictures observed/

Copy <Exchange install path>\\Logging\\HttpProxy\\<protocol>\\*.LOG from every front end (Exchange 2013
or later). Files are streamed; a folder is searched for *.log recursively.`;

/** Pictures written at most (differing flows first); the JSON and Markdown always list every path. */
const MAX_PICTURES = 50;
const MiB = 1 << 20;

export function registerObserve(program: Command): void {
  program
    .command("observe")
    .summary("read Exchange HttpProxy logs and compare what happened with the design")
    .description(
      "Read Exchange's HttpProxy logs (files or folders), group requests by protocol, user, front end and back end, " +
        "and judge each group against the topology's designed flow: matches, differs (which hop, what the design expected) or unknown.",
    )
    .argument("<logs...>", "HttpProxy log files, or folders searched recursively for *.log")
    .option("-t, --topology <topology>", `the design to compare with: ${TOPOLOGY_HELP}`)
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "md"]).default("md"))
    .option("--strict", "exit 1 when any observed path differs from the design")
    .option("--anonymize", "replace user names and client addresses by stable pseudonyms in every output")
    .option("--pictures <dir>", "also draw each designed flow with the observed counts (svg, png, mmd; sequence and map)")
    .addOption(optionFlag("theme"))
    .addOption(outputOption())
    .addHelpText("after", EXAMPLES)
    .action(async (logs: string[], flags: ObserveFlags) => {
      const topology = flags.topology ? (await loadTopology(flags.topology)).topology : undefined;
      const files = logFiles(logs);
      const total = files.reduce((n, f) => n + f.bytes, 0);
      const bar = progress(Math.max(1, Math.ceil(total / MiB)), "observe (MiB)");
      const observer = createObserver();
      await readLogs(observer, files, (bytes) => bar.update(Math.floor(bytes / MiB)));
      bar.stop();
      const raw = observer.report(topology);
      const names = flags.anonymize ? pseudonymsFor(raw) : undefined;
      const report = names ? anonymizeReport(raw, names) : raw;
      const text = flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderObservedMarkdown(report);
      writeOutput(text, flags.output);
      if (flags.pictures && topology) await drawPictures(topology, raw.paths, flags, names);
      else if (flags.pictures) throw new CliError(2, "--pictures: needs --topology (the pictures are the designed flows)");
      const differs = report.paths.filter((p) => p.verdict === "differs");
      if (flags.strict && differs.length > 0)
        throw new CliError(EXIT_FAILING_FLOWS, [
          ...differs.slice(0, 10).map((p) => `differs: ${p.protocol} ${p.user} ${p.frontEnd} -> ${p.target ?? "(itself)"}: ${p.reason}`),
          `${differs.length} of ${report.paths.length} observed paths differ from the design`,
        ]);
    });
}

async function drawPictures(topology: Topology, paths: ObservedFlow["paths"], flags: ObserveFlags, names?: Pseudonyms): Promise<void> {
  const flows = observedFlows(topology, paths).slice(0, MAX_PICTURES);
  const dir = flags.pictures!;
  makeDir(dir);
  const options = renderOptions(flags);
  const { pngOf } = await import("../png.ts");
  for (const o of flows) {
    const flow = names ? renameUser(o.flow, names) : o.flow;
    const s = flow.scenario;
    const base = [s.protocol, s.user, s.client, s.host ?? ""]
      .filter(Boolean)
      .join("-")
      .replace(/[^A-Za-z0-9._-]+/g, "_");
    for (const view of ["sequence", "map"] as const) {
      const name = join(dir, view === "map" ? `${base}-map` : base);
      const svg = renderObservedSvg(flow, o.overlay, options, view);
      writeFile(`${name}.svg`, svg);
      writeFile(`${name}.mmd`, renderObservedMermaid(flow, o.overlay, options, view));
      writeFile(`${name}.png`, await pngOf(svg));
    }
  }
}

/** The flow with its user's pseudonym wherever the user's name is a word of a text. */
function renameUser(flow: Flow, names: Pseudonyms): Flow {
  const real = flow.scenario.user;
  const alias = names.user(real);
  const word = new RegExp(`\\b${real.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");
  const swap = (t: string) => t.replace(word, alias);
  return {
    ...flow,
    scenario: { ...flow.scenario, user: alias },
    steps: flow.steps.map((s) => ({ ...s, text: swap(s.text) })),
    notes: flow.notes.map((n) => ({ ...n, text: swap(n.text) })),
    diagnostics: flow.diagnostics.map((d) => ({ ...d, message: swap(d.message) })),
  };
}
