/**
 * Invalid input and usage. Two cases run the real process to pin the exit code (2) and the
 * stderr format (`path: message` lines, the path written once); the rest run the commander
 * program in-process and check the error each stops with before writing any output.
 */
import { CommanderError } from "commander";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../cli/errors.ts";
import { presets } from "../../core/presets/index.ts";
import { parse } from "./inprocess.ts";
import { exflow, tempDir } from "./run.ts";

let dir: string;
let topo: string;
beforeAll(() => {
  dir = tempDir();
  topo = file("o365info.json", JSON.stringify(presets.o365info!.topology));
});

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe("the process exits 2", () => {
  it("on a topology with the wrong shape, one path: message line per issue", async () => {
    const r = await exflow(["validate", file("bad.yaml", "sites: [ {name: A} ]\nservers: 3\n")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    for (const line of lines) expect(line).toMatch(/^\S[^:]*: \S/);
    expect(r.stderr).toMatch(/^servers\b.*: /m);
    expect(r.stderr).not.toMatch(/^(\S+): \1: /m); // the path is not printed twice
  });

  it("on an unknown option, with commander's message and the --help hint", async () => {
    const r = await exflow(["flow", "preset:o365info", "--user", "alice", "--protocol", "owa", "--client", "internal", "--colour", "red"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error: unknown option '--colour'");
    expect(r.stderr).toContain("--help");
  });
});

/** The run stopped with an exit-2 CliError whose lines match. */
async function expectInputError(args: string[], message: RegExp): Promise<void> {
  const { error } = await parse(args);
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).code).toBe(2);
  expect((error as CliError).lines.join("\n")).toMatch(message);
}

describe("invalid input", () => {
  it("YAML that does not parse: line and column", async () => {
    await expectInputError(["validate", file("broken.yaml", "sites: [ {name: A}\nservers: [\n")], /line \d+, column \d+/);
  });

  it("a .json file is parsed as JSON", async () => {
    await expectInputError(["audit", file("broken.json", '{"sites": [}')], /invalid JSON/);
  });

  it("an unreadable file", async () => {
    await expectInputError(["validate", join(dir, "missing.yaml")], /missing\.yaml: cannot read \(no such file or directory\)/);
  });

  it("an unknown preset, with a suggestion", async () => {
    await expectInputError(["audit", "preset:o365inf"], /^preset:o365inf: no such preset; did you mean "o365info"\?/);
    await expectInputError(["presets", "nope"], /no such preset/);
  });

  it("scenario values the topology does not allow, named by their option", async () => {
    await expectInputError(
      ["flow", topo, "--user", "alicia", "--protocol", "owa", "--client", "internal"],
      /^--user: no user "alicia"; did you mean "alice"\?/,
    );
    await expectInputError(
      ["flow", topo, "--user", "alice", "--protocol", "owa", "--client", "internal", "--host", "mail.o365info.com/owa"],
      /^--host: /,
    );
  });

  it("--scenario: only with a preset, and only its names", async () => {
    await expectInputError(["flow", topo, "--scenario", "ews-internal"], /^--scenario: needs a preset topology/);
    await expectInputError(["flow", "preset:o365info", "--scenario", "ews-internl"], /did you mean "ews-internal"/);
  });

  it("missing scenario options", async () => {
    await expectInputError(["flow", "preset:o365info", "--user", "alice"], /--protocol, --client not specified/);
  });
});

describe("usage errors", () => {
  it.each([
    [
      "bad choice",
      ["flow", "preset:o365info", "--user", "alice", "--protocol", "smtp", "--client", "internal"],
      /argument 'smtp' is invalid\. Allowed choices are autodiscover/,
    ],
    ["missing argument", ["validate"], /missing required argument 'topology'/],
    ["missing --out", ["render", "preset:o365info"], /required option '--out <dir>' not specified/],
    ["unknown command", ["draw"], /unknown command 'draw'/],
    ["unsafe background", ["flow", "preset:o365info", "-s", "ews-internal", "--background", "url(#x)"], /argument 'url\(#x\)' is invalid/],
    ["bad audit format", ["audit", "preset:o365info", "--format", "xlsx"], /Allowed choices are md, json, csv/],
  ])("%s", async (_name, args, message) => {
    const { error, err, out } = await parse(args);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).exitCode).not.toBe(0);
    expect(err).toMatch(message);
    expect(err).toContain("(add --help for usage and examples)");
    expect(out).toBe("");
  });
});
