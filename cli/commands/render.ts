/**
 * `exflow render <topology> --out dir/ [--view sequence|map|both]`: every user x protocol x client
 * location as `<user>-<protocol>-<client>.svg`, `.mmd` and `.md` (sequence view), the map view as
 * `.map.svg` and `.map.mmd` beside them (`--view map`: those and the `.md`, whose fence then holds
 * the map; `both`: all five), plus `index.md` with a table per user linking them, for a
 * documentation build. Combinations that cannot exist (the audit's n/a:
 * MAPI/HTTP to 2007, RPC/TCP from outside, ...) are skipped and shown as n/a in the index;
 * failing flows are rendered (their diagrams show where they break) and marked in the index.
 */
import { type Command, Option } from "commander";
import { join } from "node:path";
import {
  buildModel,
  cellCount,
  CLIENTS,
  DEFAULT_VIEW,
  eachFlow,
  PROTOCOLS,
  profileFor,
  type ClientLocation,
  type Flow,
  type Protocol,
  type Topology,
} from "../../core/index.ts";
import { escapeMarkdown } from "../../diagrams/index.ts";
import { cleanText } from "../../diagrams/index.ts";
import { uniqueStems } from "../filenames.ts";
import { makeDir, writeFile, writeOutput } from "../io.ts";
import { asProfile, drawOptions, profileOption, renderOptions, TOPOLOGY_HELP } from "../options.ts";
import { progress } from "../progress.ts";
import { loadTopology } from "../topology.ts";
import { type Format, view, type ViewName } from "../views.ts";

const RENDER_VIEWS = ["sequence", "map", "both"] as const;
type RenderView = (typeof RENDER_VIEWS)[number];

interface RenderFlags {
  out: string;
  profile?: string;
  theme?: string;
  background?: string;
  notes?: string;
  label?: string;
  view: RenderView;
}

/** One file written per flow: `<stem><suffix>`, linked from index.md as `label` (the .md is the cell's outcome link). */
interface FileKind {
  suffix: string;
  format: Exclude<Format, "json" | "png">;
  view: ViewName;
  label: string;
}

const SEQUENCE_FILES: FileKind[] = [
  { suffix: ".md", format: "md", view: "sequence", label: "md" },
  { suffix: ".svg", format: "svg", view: "sequence", label: "svg" },
  { suffix: ".mmd", format: "mmd", view: "sequence", label: "mmd" },
];
const MAP_FILES: FileKind[] = [
  { suffix: ".map.svg", format: "svg", view: "map", label: "map" },
  { suffix: ".map.mmd", format: "mmd", view: "map", label: "map mmd" },
];

/** What each --view writes; the map-only .md carries the map in its fence, like `flow --view map --format md`. */
function filesFor(v: RenderView): FileKind[] {
  if (v === "map") return [{ suffix: ".md", format: "md", view: "map", label: "md" }, ...MAP_FILES];
  return v === "both" ? [...SEQUENCE_FILES, ...MAP_FILES] : SEQUENCE_FILES;
}

const EXAMPLES = `
Examples:
  $ exflow render topology.yaml --out docs/flows
  $ exflow render preset:o365info --out site/flows --theme dark --background transparent
  $ exflow render preset:o365info --out site/flows --view both   # also <name>.map.svg and .map.mmd

--view sequence (default) writes <name>.svg, .mmd and .md; map writes <name>.map.svg, .map.mmd and
.md (its mermaid fence holds the map); both writes all five. index.md links what was written.`;

/** One cell of the index: what happened to user x protocol x client. */
interface Cell {
  protocol: Protocol;
  client: ClientLocation;
  /** File-name stem without extension; undefined for n/a. */
  stem?: string;
  outcome: Flow["outcome"] | "n/a";
  steps: number;
  note?: string;
}

interface UserEntry {
  name: string;
  mailbox: string;
  where: string;
  cells: Cell[];
}

export function registerRender(program: Command): void {
  // The drawing options come from the core's option table: a new one reaches this command by itself.
  drawOptions()
    .reduce((command, option) => command.addOption(option), program.command("render"))
    .summary("write every flow as SVG, Mermaid and Markdown, plus index.md")
    .description(
      "Render every user x protocol x client location into a directory as " +
        "<user>-<protocol>-<client>.svg, .mmd and .md (and the map view as .map.svg and .map.mmd with " +
        "--view map or both), and write index.md with a table per user linking them. Combinations that " +
        "cannot exist are skipped (n/a in the index); failing flows are rendered and marked.",
    )
    .argument("<topology>", TOPOLOGY_HELP)
    .requiredOption("--out <dir>", "directory to write into (created if missing)")
    .addOption(profileOption())
    .addOption(
      new Option("--view <view>", "diagram views to write: sequence, map (sites with servers and numbered arrows) or both")
        .choices(RENDER_VIEWS)
        .default(DEFAULT_VIEW),
    )
    .addHelpText("after", EXAMPLES)
    .action(async (topologyArg: string, flags: RenderFlags) => {
      const { topology } = await loadTopology(topologyArg);
      const profile = profileFor(topology, asProfile(flags.profile));
      const options = renderOptions(flags);
      const kinds = filesFor(flags.view);
      makeDir(flags.out);

      const model = buildModel(topology);
      const stems = uniqueStems(topology.users.map((u) => u.name));
      const bar = progress(cellCount(model), "render");
      const users = new Map<string, UserEntry>();
      let files = 0;
      let flows = 0;
      try {
        for (const cell of eachFlow(model, profile)) {
          const { user, mailbox, protocol, client } = cell;
          let entry = users.get(user.name);
          if (!entry) {
            entry = {
              name: user.name,
              mailbox: user.mailbox ?? "Exchange Online",
              where: mailbox ? `Exchange ${mailbox.version}, ${mailbox.site}` : "",
              cells: [],
            };
            users.set(user.name, entry);
          }
          // A routing error is a bug (the topology was validated): exit 3, as before eachFlow.
          if (cell.kind === "error") throw new Error(cell.message);
          // Rows that need the topology (PI-5: POP3/IMAP4 not offered) come back from route() as n/a.
          if (cell.kind === "n/a" || cell.flow.outcome === "n/a") {
            entry.cells.push({
              protocol,
              client,
              outcome: "n/a",
              steps: 0,
              note: cell.kind === "n/a" ? cell.note : (cell.flow.notes[0]?.text ?? "not offered"),
            });
          } else {
            const { flow } = cell;
            const stem = `${stems.get(user.name)}-${protocol}-${client}`;
            for (const k of kinds) writeFile(join(flags.out, `${stem}${k.suffix}`), view(flow, k.format, options, k.view));
            files += kinds.length;
            flows++;
            entry.cells.push({ protocol, client, stem, outcome: flow.outcome, steps: flow.steps.filter((s) => s.n !== null).length });
          }
          await bar.step(`${user.name} ${protocol} ${client}`);
        }
      } finally {
        bar.stop();
      }
      writeFile(join(flags.out, "index.md"), indexMarkdown(topology, profile, [...users.values()], kinds));
      writeOutput(`wrote ${flows} flows (${files} files) and index.md to ${flags.out}\n`);
    });
}

const md = (s: string): string => escapeMarkdown(cleanText(s));

function indexCell(c: Cell | undefined, kinds: readonly FileKind[]): string {
  if (!c) return "";
  if (!c.stem) return "n/a";
  const label = c.outcome === "fail" ? "**fail**" : c.outcome;
  const steps = c.steps > 0 ? ` (${c.steps})` : "";
  const more = kinds.filter((k) => k.format !== "md").map((k) => ` · [${k.label}](${c.stem}${k.suffix})`);
  return `[${label}](${c.stem}.md)${steps}${more.join("")}`;
}

const LINKED: Record<string, string> = {
  svg: "the SVG sequence diagram",
  mmd: "its Mermaid source",
  map: "the SVG map (sites, servers, numbered arrows)",
  "map mmd": "the map's Mermaid source",
};

/** index.md: per user, a protocol x client-location table; cells link the files written (`kinds`). */
export function indexMarkdown(
  topology: Topology,
  profile: string,
  users: UserEntry[],
  kinds: readonly FileKind[] = SEQUENCE_FILES,
): string {
  const out: string[] = [`# Connectivity flows${topology.name ? `: ${md(topology.name)}` : ""}`, ""];
  const linked = kinds.filter((k) => k.format !== "md").map((k) => `${k.label}: ${LINKED[k.label] ?? k.label}`);
  out.push(
    [
      `Profile **${md(profile)}**. Each cell gives the outcome (numbered steps), linking the Markdown`,
      `narrative, then ${linked.join("; ")}. n/a: the combination cannot exist for that mailbox version`,
      "or location.",
    ].join(" "),
    "",
  );
  for (const u of users) {
    out.push(`## ${md(u.name)}`, "", `Mailbox ${md(u.mailbox)}${u.where ? ` (${md(u.where)})` : ""}.`, "");
    out.push(`| Protocol | ${CLIENTS.join(" | ")} |`, `| --- |${" --- |".repeat(CLIENTS.length)}`);
    for (const p of PROTOCOLS)
      out.push(
        `| ${p} | ${CLIENTS.map((c) =>
          indexCell(
            u.cells.find((x) => x.protocol === p && x.client === c),
            kinds,
          ),
        ).join(" | ")} |`,
      );
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
