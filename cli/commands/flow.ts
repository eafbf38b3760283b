/**
 * `exflow flow <topology> --user U --protocol P --client C [--host H]`: route one scenario and
 * print it as Markdown (default), JSON, Mermaid or SVG, in the sequence view or (`--view map`)
 * the map. `--scenario <name>` takes user, protocol, client and host from a preset's named
 * scenario (options given still win).
 * Exit 0 with the flow, also a failing one (its diagnostics say why); `--strict`: 1 if it fails.
 */
import { type Command, Option } from "commander";
import { CLIENT_APPS, CLIENTS, PROTOCOLS, profileFor, route, SCENARIO_KINDS, validateScenario } from "../../core/index.ts";
import { hint, listAllowed, quote } from "../../lib/suggest.ts";
import { CliError, EXIT_FAILING_FLOWS, issueLines, usage } from "../errors.ts";
import { writeOutput } from "../io.ts";
import { drawOptions, outputOption, profileOption, renderOptions, TOPOLOGY_HELP, viewOption } from "../options.ts";
import { loadTopology } from "../topology.ts";
import { chooseFormat, FORMATS, type Format, formatForFile, output, type ViewName } from "../views.ts";

interface FlowFlags {
  user?: string;
  protocol?: string;
  client?: string;
  host?: string;
  profile?: string;
  scenario?: string;
  kind?: string;
  target?: string;
  app?: string;
  format?: Format;
  theme?: string;
  background?: string;
  notes?: string;
  label?: string;
  view: ViewName;
  output?: string;
  strict?: boolean;
}

const EXAMPLES = `
Examples:
  $ exflow flow topology.yaml --user alice --protocol activesync --client external --host mail.o365info.com
  $ exflow flow preset:o365info --user alice --protocol ews --client internal --format json
  $ exflow flow preset:o365info --scenario activesync-madrid --format svg -o madrid.svg
  $ exflow flow preset:o365info --scenario activesync-madrid -o madrid.png --notes none --label role
  $ exflow flow preset:o365info --scenario activesync-los-angeles --view map -o la-map.svg
  $ exflow flow preset:o365info --scenario activesync-los-angeles --view map --format md > la.md
  $ cat topology.json | exflow flow - --user bob --protocol owa --client external --format mmd
  $ exflow flow preset:contoso-hybrid --user bob --protocol ews --client external --kind free-busy --target carol --view map

--view map draws the sites with their servers and numbered arrows: svg is the map, mmd a Mermaid
flowchart, md the same numbered steps with that flowchart in its mermaid fence; json is unchanged.`;

export function registerFlow(program: Command): void {
  // The drawing options come from the core's option table: a new one reaches this command by itself.
  drawOptions()
    .reduce((command, option) => command.addOption(option), program.command("flow"))
    .summary("route one scenario and print its numbered flow")
    .description(
      "Route one client request through the topology and print the numbered flow: which servers it " +
        "passes and whether each hop is a proxy, a redirect or a referral.",
    )
    .argument("<topology>", TOPOLOGY_HELP)
    .option("-u, --user <name>", "user (topology.users[].name)")
    .addOption(new Option("-p, --protocol <protocol>", "client protocol").choices(PROTOCOLS))
    .addOption(new Option("-c, --client <location>", "where the client is").choices(CLIENTS))
    .option("--host <name>", "host name the client uses (default: what namespaces and Autodiscover give it)")
    .addOption(profileOption())
    .addOption(
      new Option("--kind <kind>", "hybrid: what is traced besides a client request (needs a hybrid block)").choices(SCENARIO_KINDS),
    )
    .option("--target <name>", "hybrid: the other user (free-busy: whose calendar; smtp: the recipient)")
    .addOption(new Option("--app <app>", "client application (hybrid flows)").choices(CLIENT_APPS))
    .option("-s, --scenario <name>", "take user, protocol, client and host from a preset scenario (with preset:<id>)")
    .addOption(new Option("-f, --format <format>", "output format (default: from the -o extension, else md)").choices(FORMATS))
    .addOption(viewOption())
    .addOption(outputOption())
    .option("--strict", "exit 1 when the flow fails")
    .addHelpText("after", EXAMPLES)
    .action(async (topologyArg: string, flags: FlowFlags) => {
      const { topology, preset } = await loadTopology(topologyArg);
      let base: Record<string, unknown> = {};
      if (flags.scenario !== undefined) {
        if (!preset) throw usage(`--scenario: needs a preset topology (preset:<id>); for a file, give --user, --protocol and --client`);
        const names = Object.keys(preset.scenarios);
        const named = Object.hasOwn(preset.scenarios, flags.scenario) ? preset.scenarios[flags.scenario] : undefined;
        if (!named)
          throw usage(
            [
              `--scenario: preset ${preset.id} has no scenario`,
              `${quote(flags.scenario)}${hint(flags.scenario, names)} (scenarios: ${listAllowed(names)})`,
            ].join(" "),
          );
        base = { ...named.scenario };
      }
      const input: Record<string, unknown> = { ...base };
      for (const key of ["user", "protocol", "client", "host", "profile", "kind", "target", "app"] as const)
        if (flags[key] !== undefined) input[key] = flags[key];
      const missing = (["user", "protocol", "client"] as const).filter((k) => input[k] === undefined).map((k) => `--${k}`);
      if (missing.length)
        throw usage(
          `error: required option${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not specified (or use --scenario with a preset)`,
        );

      // Validated from the root so each message starts with the field, which is also the option's name.
      const scenario = validateScenario(input, topology, []);
      if (!scenario.ok)
        throw usage(
          issueLines(scenario.issues).map((line) => line.replace(/^(user|protocol|client|host|profile|kind|target|app): /, "--$1: ")),
        );
      const flow = route(topology, { ...scenario.value, profile: profileFor(topology, scenario.value.profile) });

      const format = chooseFormat(flags.format, flags.output, formatForFile, "md", ["md", "json", "mmd", "svg", "png"]);
      writeOutput(await output(flow, format, renderOptions(flags), flags.view), flags.output);
      if (flags.strict && flow.outcome === "fail")
        throw new CliError(EXIT_FAILING_FLOWS, `flow fails: ${flow.diagnostics[0]?.message ?? "see the diagnostics"}`);
    });
}
