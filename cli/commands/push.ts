/**
 * `exflow push <topology> [--id ID --token T] [--url BASE]`: save a topology on an exflow server
 * for embeds that follow it. Without --id: POST /v1/topologies, print the new id, its write token
 * (shown only this once) and the URLs to embed. With --id and the token: PUT a new version.
 * The topology is validated here first (exit 2 with every issue, nothing sent). A problem answer
 * from the server (4xx) is printed as its detail and issues, exit 2; no answer or a 5xx, exit 4.
 */
import { type Command, Option } from "commander";
import process from "node:process";
import { CliError, EXIT_USAGE, usage } from "../errors.ts";
import { writeOutput } from "../io.ts";
import { TOPOLOGY_HELP } from "../options.ts";
import { loadTopology } from "../topology.ts";

/** The server did not answer, or failed (5xx): worth a retry, not the user's input. */
export const EXIT_SERVER = 4;

export const DEFAULT_URL = "http://127.0.0.1:8787";

interface PushFlags {
  id?: string;
  token?: string;
  url: string;
  format: "text" | "json";
}

interface Saved {
  id: string;
  version: number;
  created: string;
  token?: string;
  stored?: boolean;
  links: Record<string, string>;
}

interface ProblemBody {
  title?: string;
  detail?: string;
  errors?: { message: string }[];
}

const EXAMPLES = `
Examples:
  $ exflow push topology.yaml                          # new topology: prints id and token (keep the token)
  $ exflow push topology.yaml --id ID --token TOKEN    # the next version of that topology
  $ EXFLOW_TOKEN=TOKEN exflow push topology.yaml --id ID --url https://exflow.example.com

Embed ${"<url>"}/v1/t/ID/flow/USER/PROTOCOL/CLIENT.svg?host=HOST: it always shows the latest version;
ID@N pins version N. Exit codes: 0 saved, 2 invalid topology, usage or refused by the server
(wrong token, limits), 4 the server could not be reached or failed.`;

async function send(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new CliError(
      EXIT_SERVER,
      [
        `${url}: no answer`,
        `(${e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)}); is`,
        `the server running? (--url, default ${DEFAULT_URL})`,
      ].join(" "),
    );
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported below as text
  }
  if (res.ok) return { status: res.status, body };
  const p = (typeof body === "object" && body !== null ? body : { detail: text.slice(0, 300) }) as ProblemBody;
  const lines = [`${res.status} ${p.title ?? res.statusText}: ${p.detail ?? ""}`.trim(), ...(p.errors ?? []).map((e) => `  ${e.message}`)];
  throw new CliError(res.status >= 500 ? EXIT_SERVER : EXIT_USAGE, lines);
}

function report(saved: Saved, created: boolean): string {
  const out: string[] = [];
  if (created) {
    out.push(`saved: id ${saved.id}, version ${saved.version}`);
    out.push(`token: ${saved.token ?? "(none)"}`);
    out.push("       Keep the token: it is shown only now, and needed to push new versions and to delete.");
  } else if (saved.stored === false) {
    out.push(`unchanged: identical to version ${saved.version} of ${saved.id}; nothing stored`);
  } else {
    out.push(`saved: id ${saved.id}, version ${saved.version}`);
  }
  const latest = saved.links.latest ?? "";
  out.push(
    `latest:  ${latest}`,
    `version: ${saved.links.self ?? ""}`,
    `embed:   ${latest.replace("/v1/topologies/", "/v1/t/")}/flow/{user}/{protocol}/{client}.svg?host={host}`,
  );
  return `${out.join("\n")}\n`;
}

export function registerPush(program: Command): void {
  program
    .command("push")
    .summary("save a topology on an exflow server (a new one, or a new version with --id)")
    .description(
      "Validate the topology and save it on an exflow server, so diagram URLs follow it. Without --id a " +
        "new saved topology is created and its write token printed once; with --id and --token (or " +
        "EXFLOW_TOKEN) a new version is stored.",
    )
    .argument("<topology>", TOPOLOGY_HELP)
    .option("--id <id>", "id of a saved topology: push a new version of it")
    .option("--token <token>", "its write token (or set EXFLOW_TOKEN)")
    .option("--url <base>", "the exflow server (or set EXFLOW_URL)", process.env.EXFLOW_URL ?? DEFAULT_URL)
    .addOption(new Option("-f, --format <format>", "text, or the server's JSON answer").choices(["text", "json"]).default("text"))
    .addHelpText("after", EXAMPLES)
    .action(async (topologyArg: string, flags: PushFlags) => {
      const token = flags.token ?? process.env.EXFLOW_TOKEN;
      if (flags.id === undefined && flags.token !== undefined)
        throw usage("--token needs --id: the token belongs to a saved topology (without --id a new one is created)");
      if (flags.id !== undefined && !token) throw usage("--id needs the topology's write token: --token T or EXFLOW_TOKEN");
      let base: URL;
      try {
        base = new URL(flags.url);
      } catch {
        throw usage(`--url ${flags.url}: not a URL (e.g. ${DEFAULT_URL})`);
      }
      const { topology } = await loadTopology(topologyArg);
      const body = JSON.stringify(topology);
      const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
      const root = base.href.replace(/\/+$/, "");
      const res =
        flags.id === undefined
          ? await send(`${root}/v1/topologies`, { method: "POST", headers, body })
          : await send(`${root}/v1/topologies/${encodeURIComponent(flags.id)}`, {
              method: "PUT",
              headers: { ...headers, Authorization: `Bearer ${token}` },
              body,
            });
      writeOutput(flags.format === "json" ? `${JSON.stringify(res.body, null, 2)}\n` : report(res.body as Saved, flags.id === undefined));
    });
}
