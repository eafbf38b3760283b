/**
 * `exflow validate <topology>`: check a topology against the schema and its cross-references.
 * Valid: `ok: N sites, N servers, N namespaces, N users` on stdout, exit 0. Invalid: one
 * `path: message` line per issue on stderr, exit 2.
 */
import type { Command } from "commander";
import type { Topology } from "../../core/index.ts";
import { writeOutput } from "../io.ts";
import { TOPOLOGY_HELP } from "../options.ts";
import { loadTopology } from "../topology.ts";

const EXAMPLES = `
Examples:
  $ exflow validate topology.yaml
  $ exflow presets o365info | exflow validate -`;

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function summary(t: Topology): string {
  return [
    `ok: ${count(t.sites.length, "site")}, ${count(t.servers.length, "server")},`,
    `${count(t.namespaces.length, "namespace")}, ${count(t.users.length, "user")}`,
  ].join(" ");
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .summary("check a topology; print a summary or its issues")
    .description(
      "Check a topology: structure, allowed values and references between sites, servers, namespaces " +
        "and users. Prints a one-line summary (exit 0) or every issue as `path: message` on stderr (exit " +
        "2). Misconfigurations that break flows are reported by `exflow audit`.",
    )
    .argument("<topology>", TOPOLOGY_HELP)
    .addHelpText("after", EXAMPLES)
    .action(async (topologyArg: string) => {
      const { topology } = await loadTopology(topologyArg);
      writeOutput(`${summary(topology)}\n`);
    });
}
