/**
 * `exflow push` end to end: the real CLI process against a real `wrangler dev` (local D1): create,
 * a new version, unchanged, wrong token, invalid input (nothing sent), EXFLOW_TOKEN, no server.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presetYaml } from "../../cli/commands/presets.ts";
import { presets, type Preset } from "../../core/index.ts";
import { startWorker, type DevWorker } from "../../scripts/dev-worker.ts";
import { exflow, tempDir } from "./run.ts";

let worker: DevWorker;
beforeAll(async () => {
  worker = await startWorker();
}, 120_000);
afterAll(async () => {
  await worker?.stop();
});

const dir = tempDir();
const file = join(dir, "topology.yaml");
const yaml = presetYaml(presets.o365info as Preset);

async function versions(id: string): Promise<number[]> {
  const res = await fetch(`${worker.base}/v1/topologies/${id}/versions`);
  return ((await res.json()) as { versions: { version: number }[] }).versions.map((v) => v.version);
}

describe("exflow push", () => {
  it("creates, pushes a new version, reports an unchanged one, and refuses a wrong token", async () => {
    writeFileSync(file, yaml);
    const created = await exflow(["push", file, "--url", worker.base]);
    expect(created.code, created.stderr).toBe(0);
    const id = /saved: id ([A-Za-z0-9_-]{24}), version 1/.exec(created.stdout)?.[1] ?? "";
    const token = /token: (exft_\S+)/.exec(created.stdout)?.[1] ?? "";
    expect(id).not.toBe("");
    expect(token).not.toBe("");
    expect(created.stdout).toContain(`embed:   ${worker.base}/v1/t/${id}/flow/{user}/{protocol}/{client}.svg?host={host}`);

    writeFileSync(file, yaml.replaceAll("europe.mail.o365info.com", "eu.mail.o365info.com"));
    const v2 = await exflow(["push", file, "--id", id, "--token", token, "--url", worker.base]);
    expect(v2.code, v2.stderr).toBe(0);
    expect(v2.stdout).toContain(`saved: id ${id}, version 2`);
    const same = await exflow(["push", file, "--id", id, "--url", worker.base], { env: { EXFLOW_TOKEN: token } });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain("unchanged: identical to version 2");

    const wrong = await exflow(["push", "preset:contoso", "--id", id, "--token", "exft_nope", "--url", worker.base]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("403 Write token rejected");
    writeFileSync(file, "sites: []\nservers: nope\n");
    const invalid = await exflow(["push", file, "--id", id, "--token", token, "--url", worker.base]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/servers/);
    expect(await versions(id)).toEqual([1, 2]);

    const json = await exflow(["push", "preset:fabrikam", "--url", worker.base, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, token: expect.stringMatching(/^exft_/) });
  }, 120_000);

  it("says when no server answers (exit 4) and checks its options before sending", async () => {
    const down = await exflow(["push", "preset:o365info", "--url", "http://127.0.0.1:1"]);
    expect(down.code).toBe(4);
    expect(down.stderr).toContain("no answer");
    expect((await exflow(["push", "preset:o365info", "--token", "exft_x"])).code).toBe(2);
    expect((await exflow(["push", "preset:o365info", "--id", "x"], { env: { EXFLOW_TOKEN: "" } })).code).toBe(2);
    expect((await exflow(["push", "preset:o365info", "--url", "not a url"])).code).toBe(2);
  });
});
