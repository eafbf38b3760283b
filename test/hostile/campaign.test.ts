/**
 * Hostile generated input: thousands of seeded hostile requests through the worker's real routes
 * (`app.request`), each answer judged by what the docs promise for it (test/hostile/support.ts):
 * never a 5xx or a hang, errors as problem+json with `errors[]` or as an SVG card for images,
 * successful bodies parse and are inert. A fixed probe is answered byte for byte the same before
 * and after the campaign, and `Object.prototype` is untouched. Figures go to the console.
 * FC_SEED / FC_RUNS override the seed and the number of requests (e.g. FC_RUNS=50000 for a long run).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { caseArb, RAW_DOCS, type Case } from "./generate.ts";
import { Figures, krokiEncode, responseProblems, send, type Sent } from "./support.ts";

const SEED = Number(process.env.FC_SEED ?? 0x8_0000_8);
const RUNS = Number(process.env.FC_RUNS ?? 2000);

const ALICE_EWS = { user: "alice", protocol: "ews", client: "internal" };

const PROBES: Sent[] = [
  {
    method: "POST",
    path: "/v1/flow?format=svg",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      preset: "o365info",
      scenario: { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" },
    }),
  },
  {
    method: "POST",
    path: "/v1/flow?format=json&view=map",
    headers: { "Content-Type": "application/yaml" },
    body: "preset: contoso\nscenario: {user: alice, protocol: owa, client: external}\n",
  },
  {
    method: "GET",
    path: `/v1/flow/md/${krokiEncode(JSON.stringify({ preset: "fabrikam", scenario: ALICE_EWS }))}`,
  },
  { method: "POST", path: "/v1/audit?format=csv", headers: { "Content-Type": "application/json" }, body: '{"preset":"o365info"}' },
  { method: "GET", path: "/v1/presets/o365info/activesync-madrid.svg?view=map&theme=dark" },
  { method: "GET", path: "/v1/presets" },
  {
    method: "POST",
    path: "/v1/flow",
    headers: { "Content-Type": "application/json" },
    body: '{"preset":"o365info","scenario":{"user":"nobody","protocol":"ews","client":"internal"}}',
  },
];

/** What must not change: status, body bytes, and the headers that describe the body. */
async function probe(): Promise<string[]> {
  const out: string[] = [];
  for (const p of PROBES) {
    const got = await send(p);
    const text = got.status === 422 ? got.text.replace(/"requestId": "[^"]*"/, "") : got.text;
    out.push(`${got.status} ${got.headers.get("content-type")} ${got.headers.get("etag")} ${got.headers.get("cache-control")}\n${text}`);
  }
  return out;
}

const protoSnapshot = (): string =>
  JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    Object.getOwnPropertyNames(Array.prototype).sort(),
    Object.getOwnPropertyNames(Function.prototype).sort(),
  ]);

const figures = new Figures();

afterAll(() => {
  console.log(figures.summary(`campaign (seed ${SEED}, ${RUNS} generated + ${RAW_DOCS.length * 4} raw)`));
});

describe("hostile campaign through app.request", () => {
  it(`answers ${RUNS} generated hostile requests with well-formed 2xx/4xx, and changes nothing`, async () => {
    const before = await probe();
    const proto = protoSnapshot();

    const cases: Case[] = fc.sample(caseArb, { seed: SEED, numRuns: RUNS });
    // The hand-written documents, each as JSON, YAML and sniffed text, and as an encoded URL.
    for (const body of RAW_DOCS) {
      for (const type of ["application/json", "application/yaml", "text/plain"])
        cases.push({ cls: "raw-doc", req: { method: "POST", path: "/v1/flow?format=svg", headers: { "Content-Type": type }, body } });
      cases.push({ cls: "raw-doc", req: { method: "GET", path: `/v1/flow/svg/${krokiEncode(body)}` } });
    }
    for (const c of cases) {
      const got = await send(c.req);
      figures.record(c.cls, c.req, got, responseProblems(c.req, got));
    }

    const after = await probe();
    expect(protoSnapshot()).toBe(proto);
    const probeObj = {} as Record<string, unknown>;
    expect([probeObj.polluted, probeObj.isAdmin, ([] as unknown as Record<string, unknown>).polluted]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(after).toEqual(before);
    expect(figures.hangs).toBe(0);
    expect(figures.fiveXX).toBe(0);
    expect(figures.problems.slice(0, 15)).toEqual([]);
  }, 600_000);
});
