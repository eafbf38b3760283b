/**
 * The exflow command line: one commander program with a command per file in cli/commands/.
 * Usage errors (unknown option, missing or bad argument) print commander's message and the
 * hint to --help, and exit 2; help and --version exit 0. See cli/errors.ts for exit codes.
 */
import { Command, type OutputConfiguration } from "commander";
import pkg from "../package.json" with { type: "json" };
import { registerAudit } from "./commands/audit.ts";
import { registerFlow } from "./commands/flow.ts";
import { registerImport } from "./commands/import.ts";
import { registerObserve } from "./commands/observe.ts";
import { registerPresets } from "./commands/presets.ts";
import { registerPush } from "./commands/push.ts";
import { registerRender } from "./commands/render.ts";
import { registerValidate } from "./commands/validate.ts";

const EXAMPLES = `
Topology: a YAML or JSON file, - for stdin, or preset:<id> for a built-in one (exflow presets).

Examples:
  $ exflow presets o365info > topology.yaml
  $ exflow validate topology.yaml
  $ exflow flow topology.yaml --user alice --protocol activesync --client external --host mail.o365info.com
  $ exflow audit topology.yaml --format csv --strict
  $ exflow render topology.yaml --out docs/flows
  $ exflow import inventory.json -o topology.yaml   # from Collect-ExflowInventory.ps1
  $ exflow push topology.yaml            # save it on a server; embeds then follow each push
  $ exflow observe ./HttpProxy --topology topology.yaml   # HttpProxy logs against the design

Exit codes: 0 ok, 1 some flow fails (--strict), 2 invalid input or usage, 3 internal error,
4 the server could not be reached or failed (push).`;

/** `output` redirects commander's help and error text (tests); default: stdout and stderr. */
export function buildProgram(output?: OutputConfiguration): Command {
  const program = new Command("exflow")
    .description(pkg.description)
    .version(pkg.version, "-V, --version")
    .exitOverride()
    .showHelpAfterError("(add --help for usage and examples)")
    .addHelpText("after", EXAMPLES);
  if (output) program.configureOutput(output);
  // Registered after the settings above so every command inherits them (commander copies on .command()).
  registerFlow(program);
  registerRender(program);
  registerAudit(program);
  registerValidate(program);
  registerPresets(program);
  registerImport(program);
  registerPush(program);
  registerObserve(program);
  return program;
}
