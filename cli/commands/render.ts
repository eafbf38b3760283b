/**
 * `exflow render <topology> --out dir/`: every user x protocol x client location as
 * `<user>-<protocol>-<client>.svg`, `.mmd` and `.md`, plus `index.md` with a table per user
 * linking them, for a documentation build. Combinations that cannot exist (the audit's n/a:
 * MAPI/HTTP to 2007, RPC/TCP from outside, ...) are skipped and shown as n/a in the index;
 * failing flows are rendered (their diagrams show where they break) and marked in the index.
 */
import { type Command, Option } from "commander";
import { join } from "node:path";
import { notApplicable } from "../../core/audit.ts";
import { buildModel } from "../../core/model.ts";
import { route } from "../../core/route.ts";
import { CLIENTS, PROTOCOLS, type ClientLocation, type Flow, type Protocol, type Topology } from "../../core/types.ts";
import { escapeMarkdown } from "../../diagrams/escape.ts";
import { cleanText } from "../../diagrams/text.ts";
import { uniqueStems } from "../filenames.ts";
import { makeDir, writeFile, writeOutput } from "../io.ts";
import { asProfile, backgroundOption, profileOption, renderOptions, themeOption, TOPOLOGY_HELP } from "../options.ts";
import { progress } from "../progress.ts";
import { loadTopology } from "../topology.ts";
import { view } from "../views.ts";

interface RenderFlags {
  out: string;
  profile?: string;
  theme?: string;
  background?: string;
}

const EXAMPLES = `
Examples:
  $ exflow render topology.yaml --out docs/flows
  $ exflow render preset:o365info --out site/flows --theme dark --background transparent`;

const EXTENSIONS = ["svg", "mmd", "md"] as const;

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
  program
    .command("render")
    .summary("write every flow as SVG, Mermaid and Markdown, plus index.md")
    .description("Render every user x protocol x client location into a directory as <user>-<protocol>-<client>.svg, .mmd and .md, and write index.md with a table per user linking them. Combinations that cannot exist are skipped (n/a in the index); failing flows are rendered and marked.")
    .argument("<topology>", TOPOLOGY_HELP)
    .requiredOption("--out <dir>", "directory to write into (created if missing)")
    .addOption(profileOption())
    .addOption(themeOption())
    .addOption(backgroundOption())
    .addHelpText("after", EXAMPLES)
    .action(async (topologyArg: string, flags: RenderFlags) => {
      const { topology } = await loadTopology(topologyArg);
      const profile = asProfile(flags.profile) ?? "o365info";
      const options = renderOptions(flags);
      makeDir(flags.out);

      const model = buildModel(topology);
      const stems = uniqueStems(topology.users.map((u) => u.name));
      const plan = topology.users.flatMap((user) => PROTOCOLS.flatMap((protocol) => CLIENTS.map((client) => ({ user, protocol, client }))));
      const bar = progress(plan.length, "render");
      const users = new Map<string, UserEntry>();
      let files = 0;
      let flows = 0;
      try {
        for (const { user, protocol, client } of plan) {
          let entry = users.get(user.name);
          if (!entry) {
            const mbx = model.servers.get(user.mailbox);
            entry = { name: user.name, mailbox: user.mailbox, where: mbx ? `Exchange ${mbx.version}, ${mbx.site}` : "", cells: [] };
            users.set(user.name, entry);
          }
          const mbx = model.servers.get(user.mailbox);
          const na = mbx ? notApplicable(mbx, protocol, client) : null;
          if (na) {
            entry.cells.push({ protocol, client, outcome: "n/a", steps: 0, note: na });
          } else {
            const flow = route(model, { user: user.name, protocol, client, profile });
            const stem = `${stems.get(user.name)}-${protocol}-${client}`;
            for (const ext of EXTENSIONS) writeFile(join(flags.out, `${stem}.${ext}`), view(flow, ext, options));
            files += EXTENSIONS.length;
            flows++;
            entry.cells.push({ protocol, client, stem, outcome: flow.outcome, steps: flow.steps.filter((s) => s.n !== null).length });
          }
          await bar.step(`${user.name} ${protocol} ${client}`);
        }
      } finally {
        bar.stop();
      }
      writeFile(join(flags.out, "index.md"), indexMarkdown(topology, profile, [...users.values()]));
      writeOutput(`wrote ${flows} flows (${files} files) and index.md to ${flags.out}\n`);
    });
}

const md = (s: string): string => escapeMarkdown(cleanText(s));

function indexCell(c: Cell | undefined): string {
  if (!c) return "";
  if (!c.stem) return "n/a";
  const label = c.outcome === "fail" ? "**fail**" : c.outcome;
  const steps = c.steps > 0 ? ` (${c.steps})` : "";
  return `[${label}](${c.stem}.md)${steps} · [svg](${c.stem}.svg) · [mmd](${c.stem}.mmd)`;
}

/** index.md: per user, a protocol x client-location table; cells link the three files. */
export function indexMarkdown(topology: Topology, profile: string, users: UserEntry[]): string {
  const out: string[] = [`# Connectivity flows${topology.name ? `: ${md(topology.name)}` : ""}`, ""];
  out.push(
    `Profile **${md(profile)}**. Each cell gives the outcome (numbered steps) and links the Markdown narrative, the SVG diagram and the Mermaid source; n/a: the combination cannot exist for that mailbox version or location.`,
    "",
  );
  for (const u of users) {
    out.push(`## ${md(u.name)}`, "", `Mailbox ${md(u.mailbox)}${u.where ? ` (${md(u.where)})` : ""}.`, "");
    out.push(`| Protocol | ${CLIENTS.join(" | ")} |`, `| --- |${" --- |".repeat(CLIENTS.length)}`);
    for (const p of PROTOCOLS) out.push(`| ${p} | ${CLIENTS.map((c) => indexCell(u.cells.find((x) => x.protocol === p && x.client === c))).join(" | ")} |`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
