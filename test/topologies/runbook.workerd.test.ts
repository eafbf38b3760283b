/**
 * The saved-topology runbook of docs/saved-topologies.md (the ```sh runbook block), run line by line inside workerd
 * against the worker and its local D1: curl through SELF.fetch, and the few other commands the block
 * uses (exflow presets, NAME=$(jq -r .field file), sed -i 's/a/b/') over an in-memory file table.
 * Every curl must answer 2xx; any command this runner does not know fails the test, so the README
 * cannot grow a line nobody has run.
 */
import { SELF } from "cloudflare:test";
import { stringify } from "yaml";
import { expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import README from "../../docs/saved-topologies.md?raw";
import { shellWords } from "../support/shell.ts";

const files = new Map<string, string>();
const vars = new Map<string, string>();

const file = (name: string): string => {
  const text = files.get(name);
  if (text === undefined) throw new Error(`runbook reads ${name} before writing it`);
  return text;
};

async function curl(words: string[]): Promise<{ status: number; body: string }> {
  let method = "";
  let url = "";
  let out: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? "";
    const value = (): string => words[++i] ?? "";
    if (w === "-s") continue;
    else if (w === "-X") method = value();
    else if (w === "-H") {
      const h = value();
      headers[h.slice(0, h.indexOf(":")).trim()] = h.slice(h.indexOf(":") + 1).trim();
    } else if (w === "--data-binary") {
      const v = value();
      body = v.startsWith("@") ? file(v.slice(1)) : v;
    } else if (w === "-o") out = value();
    else if (w.startsWith("-")) throw new Error(`curl option ${w} is not known to the runbook test`);
    else url = w;
  }
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8787\//);
  const res = await SELF.fetch(url, {
    method: method || (body === undefined ? "GET" : "POST"),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  if (out) files.set(out, text);
  return { status: res.status, body: text };
}

const block = /^```sh runbook\n([\s\S]*?)^```/m.exec(README)?.[1] ?? "";
const lines = block
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

it("docs/saved-topologies.md has a runbook that creates, updates, diffs and deletes", () => {
  expect(lines.length).toBeGreaterThanOrEqual(8);
  for (const route of ["-X POST", "-X PUT", "/versions", "/diff", "@1/", "-X DELETE"]) expect(block).toContain(route);
});

it("runs the runbook of docs/saved-topologies.md in order, every curl 2xx", async () => {
  const answers: { line: string; status: number; body: string }[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\$([A-Z_][A-Z0-9_]*)/g, (_, name: string) => vars.get(name) ?? `$${name}`);
    const preset = /^exflow presets (\S+) > (\S+)$/.exec(line);
    const jq = /^([A-Z_]+)=\$\(jq -r \.(\w+) (\S+)\)$/.exec(raw);
    const sed = /^sed -i 's\/([^/]+)\/([^/]*)\/' (\S+)$/.exec(line);
    if (preset) {
      files.set(preset[2] ?? "", stringify(presets[preset[1] ?? ""]?.topology));
    } else if (jq) {
      const value = (JSON.parse(file(jq[3] ?? "")) as Record<string, unknown>)[jq[2] ?? ""];
      expect(typeof value, raw).toBe("string");
      vars.set(jq[1] ?? "", value as string);
    } else if (sed) {
      const [, from = "", to = "", name = ""] = sed;
      const before = file(name);
      files.set(
        name,
        before
          .split("\n")
          .map((l) => l.replace(new RegExp(from), to))
          .join("\n"),
      );
      expect(file(name), line).not.toBe(before);
    } else if (line.startsWith("curl ")) {
      const got = await curl(shellWords(line));
      expect(got.status, `${line}\n${got.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(got.status, `${line}\n${got.body.slice(0, 300)}`).toBeLessThan(300);
      answers.push({ line, ...got });
    } else {
      throw new Error(`the runbook test does not know how to run: ${raw}`);
    }
  }
  // What the runbook promises: the embed follows the new version, @1 keeps the old picture, the diff names the change.
  expect(files.get("carmen-eas.svg")).toContain("europe.mail.o365info.com");
  expect(files.get("carmen-eas-before.svg")).toBe(files.get("carmen-eas.svg"));
  expect(answers.find((a) => a.line.includes("/diff"))?.body).toContain("| carmen | activesync | external | path |");
  expect(answers.find((a) => a.line.includes("-X DELETE"))?.body).toContain('"deleted": true');
  const gone = await SELF.fetch(`http://127.0.0.1:8787/v1/topologies/${vars.get("ID")}`);
  expect(gone.status).toBe(404);
});
