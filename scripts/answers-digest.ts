/**
 * One SHA-256 over the answers (status, ETag, body bytes) of a fixed set of requests: every preset
 * scenario in every flow format, named and inline (POST and encoded GET), every preset's audit,
 * and 200 seeded generated inline topologies (test/support/arbitraries.ts). A performance change
 * must leave both digests as they were: run it before and after (`git stash`, or on the old
 * commit) and compare. Each request is sent twice, cold (memories cleared) and warm; a difference
 * between the two is reported at once.
 *
 * Usage: node scripts/answers-digest.ts
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { presets } from "../core/index.ts";
import { topologyArb, scenarioArb } from "../test/support/arbitraries.ts";
import { forgetAll } from "../worker/memo.ts";
import app from "../worker/index.ts";

const ORIGIN = "http://answers.test";
const FORMATS = ["svg", "mmd", "md", "json"] as const;
const segment = (doc: unknown): string => deflateSync(JSON.stringify(doc)).toString("base64url");

type Send = () => Request;
const requests: [string, Send][] = [];
const postJson = (path: string, doc: unknown): Send => {
  const body = JSON.stringify(doc);
  return () => new Request(ORIGIN + path, { method: "POST", headers: { "Content-Type": "application/json" }, body });
};
for (const [id, p] of Object.entries(presets)) {
  requests.push([`${id} audit`, postJson("/v1/audit", { topology: p.topology })]);
  requests.push([`${id} audit named`, postJson("/v1/audit?format=md", { preset: id })]);
  for (const [name, s] of Object.entries(p.scenarios)) {
    for (const f of FORMATS) {
      requests.push([`${id}/${name}.${f} named`, () => new Request(`${ORIGIN}/v1/presets/${id}/${name}.${f}`)]);
      requests.push([`${id}/${name}.${f} inline POST`, postJson(`/v1/flow?format=${f}`, { topology: p.topology, scenario: s.scenario })]);
      const seg = segment({ topology: p.topology, scenario: s.scenario, options: { view: "map" } });
      requests.push([`${id}/${name}.${f} inline GET map`, () => new Request(`${ORIGIN}/v1/flow/${f}/${seg}`)]);
    }
  }
}
const cases = fc.sample(
  topologyArb.chain((t) => fc.tuple(fc.constant(t), scenarioArb(t))),
  { numRuns: 200, seed: 25 },
);
cases.forEach(([topology, scenario], i) => {
  for (const f of ["svg", "json"] as const)
    requests.push([`generated ${i}.${f}`, postJson(`/v1/flow?format=${f}`, { topology, scenario })]);
});

async function answer(send: Send): Promise<string> {
  const res = await app.fetch(send());
  const body = Buffer.from(await res.arrayBuffer()).toString("base64");
  return `${res.status} ${res.headers.get("etag")} ${body}`;
}

const bodies = createHash("sha256");
const etags = createHash("sha256");
let differ = 0;
for (const [name, send] of requests) {
  forgetAll();
  const cold = await answer(send);
  const warm = await answer(send);
  if (cold !== warm) {
    differ++;
    console.error(`cold and warm differ: ${name}`);
  }
  const [status, etag, body] = cold.split(" ");
  bodies.update(`${name}\n${status}\n${body}\n`);
  etags.update(`${name}\n${etag}\n`);
}
console.log(`${requests.length} requests; cold/warm differences: ${differ}`);
console.log(`bodies ${bodies.digest("hex")}`);
console.log(`etags  ${etags.digest("hex")}`);
if (differ > 0) process.exit(1);
