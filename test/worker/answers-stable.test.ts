/**
 * The same request gives the same bytes and ETag, cold or warm, over every preset scenario and a
 * generated set of inline topologies (the performance work of issue 25 may not change an answer).
 * Cold = every bounded memory of the worker cleared (worker/memo.ts); warm = the same request again.
 * The before/after half is scripts/answers-digest.ts: one digest of 830 answers, compared across commits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import { forgetAll } from "../../worker/memo.ts";
import { scenarioArb, topologyArb } from "../support/arbitraries.ts";
import { app, kroki } from "./helpers.ts";

interface Seen {
  status: number;
  etag: string | null;
  body: string;
}

async function send(url: string, doc?: unknown): Promise<Seen> {
  const init = doc === undefined ? {} : { method: "POST", body: JSON.stringify(doc), headers: { "Content-Type": "application/json" } };
  const res = await app.request(url, init);
  return { status: res.status, etag: res.headers.get("etag"), body: Buffer.from(await res.arrayBuffer()).toString("base64") };
}

/** Cold, then warm twice; all three equal (and a 200 with an ETag). */
async function stable(url: string, doc?: unknown): Promise<Seen> {
  forgetAll();
  const cold = await send(url, doc);
  const warm = [await send(url, doc), await send(url, doc)];
  expect(cold.status, url).toBe(200);
  expect(cold.etag, url).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  for (const w of warm) expect(w, url).toEqual(cold);
  return cold;
}

const SCENARIOS = Object.entries(presets).flatMap(([id, p]) =>
  Object.entries(p.scenarios).map(([name, s]) => ({ id, name, topology: p.topology, scenario: s.scenario })),
);

describe("answers are the same cold and warm", () => {
  it.each(SCENARIOS)("$id/$name: named, inline POST and inline encoded GET", async ({ id, name, topology, scenario }) => {
    for (const f of ["svg", "mmd", "md", "json"]) {
      const named = await stable(`http://a.test/v1/presets/${id}/${name}.${f}`);
      const inline = await stable(`http://a.test/v1/flow?format=${f}`, { topology, scenario });
      // The drawing does not depend on where the topology came from.
      if (f !== "json") expect(inline.body).toBe(named.body);
    }
    const svg = await stable(`http://a.test/v1/flow/svg/${kroki({ topology, scenario })}`);
    // Not JSON: no origin in the answer, so the ETag is the same from every origin.
    expect(await stable(`http://b.test/v1/flow/svg/${kroki({ topology, scenario })}`)).toEqual(svg);
  });

  it("generated inline topologies: flows and audits", async () => {
    await fc.assert(
      fc.asyncProperty(
        topologyArb.chain((t) => fc.tuple(fc.constant(t), scenarioArb(t))),
        async ([topology, scenario]) => {
          const svg = await stable("http://a.test/v1/flow?format=svg", { topology, scenario });
          expect(await stable("http://b.test/v1/flow?format=svg", { topology, scenario })).toEqual(svg);
          await stable("http://a.test/v1/flow?format=json", { topology, scenario });
          await stable("http://a.test/v1/audit?format=csv", { topology });
        },
      ),
      { numRuns: 40, seed: 25 },
    );
  });
});
