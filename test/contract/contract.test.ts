/**
 * The OpenAPI document is the contract and the worker keeps it. Requests are generated from the
 * document's own schemas (json-schema-faker, seeded), valid and deliberately invalid, and sent
 * through the worker in-process (app.request). Every answer must have a declared status, a declared
 * Content-Type whose schema its body matches (Ajv), and declared ETag / Vary / Allow headers; valid
 * input must be accepted and each kind of invalid input refused with its documented status.
 * The number of requests is printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { presets } from "../../core/index.ts";
import { app, kroki, ORIGIN } from "../worker/helpers.ts";
import { loadContract, type Contract, type Operation } from "./document.ts";
import { at, fake, mutate, repair } from "./generate.ts";

type Json = Record<string, unknown>;
const SEEDS = 24;

let contract: Contract;
const tally = { valid: 0, invalid: 0, probes: 0 };
const broken: string[] = [];

beforeAll(async () => {
  contract = await loadContract();
});

afterAll(() => {
  console.log(
    [
      `contract suite: ${tally.valid + tally.invalid + tally.probes} requests (${tally.valid} valid,`,
      `${tally.invalid} invalid, ${tally.probes} method/caching probes)`,
    ].join(" "),
  );
});

const op = (id: string): Operation => {
  const o = contract.operations.find((x) => x.op.operationId === id);
  if (!o) throw new Error(`no operation ${id}`);
  return o;
};

interface Sent {
  res: Response;
  body: string;
  problems: string[];
}

/** Sends a request, checks the answer against `operation` (or, for 405s, the path's), and returns it. */
async function send(
  operation: Operation,
  method: string,
  url: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const res = await app.request(`${ORIGIN}${url}`, { method, body: init.body, headers: init.headers ?? {} });
  const body = method === "HEAD" ? "" : await res.text();
  return { res, body, problems: contract.check(operation, res, body) };
}

/** Query parameters made from the operation's parameter schemas (each present half the time). */
async function queryFor(operation: Operation, seed: number, skip: string[] = []): Promise<string> {
  const params = ((operation.op.parameters ?? []) as Json[]).filter((p) => p.in === "query" && !skip.includes(p.name as string));
  const q = new URLSearchParams();
  for (const [i, p] of params.entries()) {
    if ((seed * 7 + i * 3) % 2 === 0) continue;
    q.set(p.name as string, String(await fake(p.schema, seed * 31 + i)));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** An Accept header the operation's 200 answer declares (or none, or any). */
function acceptFor(operation: Operation, seed: number): Record<string, string> {
  const types = [undefined, "*/*", ...Object.keys(((operation.op.responses as Json)["200"] as Json).content as Json)];
  const t = types[seed % types.length];
  return t === undefined ? {} : { Accept: t };
}

/** A consistent request document: a generated topology repaired, or a preset with one of its users. */
async function validDocument(schemaPointer: string, seed: number): Promise<Json> {
  const doc = (await fake(at(contract.doc, schemaPointer), seed)) as Json;
  let users: string[];
  if (doc.topology) {
    doc.topology = repair(doc.topology as Json);
    users = ((doc.topology as Json).users as Json[]).map((u) => u.name as string);
  } else {
    users = presets[doc.preset as string]?.topology.users.map((u) => u.name) ?? [];
  }
  if (doc.scenario) (doc.scenario as Json).user = users[seed % users.length];
  const options = doc.options as Json | undefined;
  if (options?.users) options.users = [users[seed % users.length]];
  return doc;
}

function expectKept(sent: Sent, statuses: number[], label: string): void {
  if (sent.problems.length > 0) broken.push(...sent.problems.map((p) => `${label}: ${p}`));
  expect(sent.problems, label).toEqual([]);
  expect(statuses, `${label}: ${sent.res.status} ${sent.body.slice(0, 300)}`).toContain(sent.res.status);
}

describe("POST /v1/flow and POST /v1/audit keep the contract", () => {
  for (const [id, component] of [
    ["postFlow", "FlowRequest"],
    ["postAudit", "AuditRequest"],
  ] as const) {
    it(`${id}: generated valid documents (JSON and YAML) are accepted`, async () => {
      const o = op(id);
      for (let seed = 1; seed <= SEEDS; seed++) {
        const doc = await validDocument(`/components/schemas/${component}`, seed);
        expect(contract.validate(`/components/schemas/${component}`, doc), `seed ${seed}: generated document is not valid`).toBe(true);
        const yaml = seed % 3 === 0;
        const query = await queryFor(o, seed, ["users"]);
        const sent = await send(o, "POST", `${o.path}${query}`, {
          body: yaml ? stringify(doc) : JSON.stringify(doc),
          headers: { "Content-Type": yaml ? "application/yaml" : "application/json", ...acceptFor(o, seed) },
        });
        tally.valid++;
        expectKept(sent, [200], `${id} seed ${seed}${query}`);
      }
    });

    it(`${id}: documents broken against their schema are refused with 422`, async () => {
      const o = op(id);
      const pointer = `/components/schemas/${component}`;
      let sentCount = 0;
      for (let seed = 1; sentCount < SEEDS && seed < SEEDS * 4; seed++) {
        const doc = await validDocument(pointer, seed);
        const m = mutate(contract.doc, at(contract.doc, pointer), doc, seed);
        if (!m || contract.validate(pointer, m.value)) continue;
        const sent = await send(o, "POST", o.path, { body: JSON.stringify(m.value), headers: { "Content-Type": "application/json" } });
        tally.invalid++;
        sentCount++;
        expectKept(sent, [422], `${id} seed ${seed}: ${m.what} at ${JSON.stringify(m.path)}`);
      }
      expect(sentCount).toBe(SEEDS);
    });

    it(`${id}: unreadable bodies, unknown formats, other media types and bad options get their documented status`, async () => {
      const o = op(id);
      const { options: _bodyOptions, ...plain } = await validDocument(`/components/schemas/${component}`, 1);
      const good = JSON.stringify(plain); // no body options, so the query's are the ones read
      const cases: [string, { body: string; headers: Record<string, string> }, number][] = [
        [`${o.path}`, { body: '{"preset": ', headers: { "Content-Type": "application/json" } }, 400],
        [`${o.path}`, { body: "a: [b\n", headers: { "Content-Type": "application/yaml" } }, 400],
        [`${o.path}`, { body: good, headers: { "Content-Type": "text/html" } }, 415],
        // An audit has no picture; a flow has one in png, but none in pdf.
        [`${o.path}?format=${id === "postAudit" ? "png" : "pdf"}`, { body: good, headers: { "Content-Type": "application/json" } }, 406],
        [`${o.path}`, { body: good, headers: { "Content-Type": "application/json", Accept: "application/pdf" } }, 406],
        [`${o.path}?theme=purple`, { body: good, headers: { "Content-Type": "application/json" } }, 422],
        [`${o.path}?profile=&view=&format=&theme=&background=`, { body: good, headers: { "Content-Type": "application/json" } }, 200],
        [`${o.path}`, { body: "x".repeat(300 * 1024), headers: { "Content-Type": "application/json" } }, 413],
        [`${o.path}?x=${"a".repeat(9000)}`, { body: good, headers: { "Content-Type": "application/json" } }, 414],
      ];
      for (const [url, init, status] of cases) {
        tally.invalid++;
        expectKept(await send(o, "POST", url, init), [status], `${id} ${url.slice(0, 60)} ${JSON.stringify(init.headers)}`);
      }
    });
  }
});

describe("GET /v1/flow/{format}/{encoded} keeps the contract", () => {
  it("generated valid requests, encoded, are accepted (or 414 when the URL would be too long)", async () => {
    const o = op("getEncodedFlow");
    const formats = (((o.op.parameters as Json[])[0] as Json).schema as Json).enum as string[];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const doc = await validDocument("/components/schemas/FlowRequest", seed);
      const url = `/v1/flow/${formats[seed % formats.length]}/${kroki(doc, seed % 2 === 0)}${await queryFor(o, seed)}`;
      const sent = await send(o, "GET", url, { headers: acceptFor(o, seed) });
      tally.valid++;
      expectKept(sent, [url.length + ORIGIN.length > 8192 ? 414 : 200], `getEncodedFlow seed ${seed}`);
      if (sent.res.status === 200) {
        tally.probes++;
        expectKept(
          await send(o, "GET", url, { headers: { ...acceptFor(o, seed), "If-None-Match": sent.res.headers.get("etag") ?? "" } }),
          [304],
          `304 seed ${seed}`,
        );
      }
    }
  });

  it("invalid formats, encodings and documents get 406, 400 and 422", async () => {
    const o = op("getEncodedFlow");
    const { options: _bodyOptions, ...doc } = await validDocument("/components/schemas/FlowRequest", 2); // the query's view is read
    const pointer = "/components/schemas/FlowRequest";
    const cases: [string, number][] = [
      [`/v1/flow/pdf/${kroki(doc)}`, 406],
      ["/v1/flow/svg/!!!not-base64", 400],
      ["/v1/flow/json/AAAA", 400],
      [`/v1/flow/json/${kroki("{not json")}`, 400],
      [`/v1/flow/json/${kroki(doc)}?view=sideways`, 422],
    ];
    for (let seed = 1; cases.length < 5 + SEEDS / 2 && seed < SEEDS * 4; seed++) {
      const m = mutate(contract.doc, at(contract.doc, pointer), await validDocument(pointer, seed), seed);
      if (m && !contract.validate(pointer, m.value))
        cases.push([`/v1/flow/json/${kroki(m.value)}#${m.what} at ${JSON.stringify(m.path)}`, 422]);
    }
    for (const [target, status] of cases) {
      const [url = "", why = ""] = target.split("#");
      tally.invalid++;
      expectKept(
        await send(o, "GET", url),
        url.length + ORIGIN.length > 8192 ? [414] : [status],
        `getEncodedFlow ${why} ${url.slice(0, 50)}`,
      );
    }
  });
});

describe("presets, health and the document keep the contract", () => {
  it("ids and file names generated from their schemas: 200 when the preset has that scenario, else 404", async () => {
    const file = op("getPresetFile");
    const params = file.op.parameters as Json[];
    for (let seed = 1; seed <= SEEDS * 2; seed++) {
      const id = String(await fake((params[0] as Json).schema, seed));
      const name = String(await fake((params[1] as Json).schema, seed));
      const stem = name.replace(/\.(svg|png|mmd|md|json|csv)$/, "");
      const exists = stem === "audit" || Object.hasOwn(presets[id]?.scenarios ?? {}, stem);
      const query = await queryFor(file, seed, ["users"]);
      // Without an extension the format is negotiated: ask for one this kind of file has.
      const accept: Record<string, string> = name.includes(".")
        ? {}
        : {
            Accept: (stem === "audit" ? ["text/csv", "text/markdown", "*/*"] : ["image/svg+xml", "text/plain", "application/json", "*/*"])[
              seed % 3
            ] as string,
          };
      const sent = await send(file, "GET", `/v1/presets/${id}/${name}${query}`, { headers: accept });
      tally.valid++;
      expectKept(sent, [exists ? 200 : 404], `getPresetFile ${id}/${name}${query}`);
      const one = await send(op("getPreset"), "GET", `/v1/presets/${id}`);
      tally.valid++;
      expectKept(one, [200], `getPreset ${id}`);
    }
    for (const [url, status] of [
      ["/v1/presets/nope", 404],
      ["/v1/presets/o365info/activesync-madrid.pdf", 406],
      ["/v1/presets/o365info/audit.png", 406],
      ["/v1/presets/nope/x.svg", 404],
      ["/v1/presets/o365info/audit.svg", 406],
      ["/v1/presets/o365info/activesync-madrid.svg?theme=purple", 422],
    ] as const) {
      tally.invalid++;
      expectKept(await send(url.split("/").length > 4 ? file : op("getPreset"), "GET", url), [status], url);
    }
  });

  it("the list, health and this document answer as declared, with 304 for a matching ETag", async () => {
    for (const id of ["listPresets", "health", "openApi"]) {
      const o = op(id);
      const sent = await send(o, "GET", o.path);
      tally.valid++;
      expectKept(sent, [200], id);
      const etag = sent.res.headers.get("etag");
      if (etag) {
        tally.probes++;
        expectKept(await send(o, "GET", o.path, { headers: { "If-None-Match": etag } }), [304], `${id} 304`);
      }
    }
  });
});

describe("methods a path does not declare", () => {
  it("get 405 with Allow listing the declared ones", async () => {
    for (const o of contract.operations) {
      const url = o.path
        .replace("{format}", "svg")
        .replace("{encoded}", kroki({ preset: "o365info" }))
        .replace("{id}", "o365info")
        .replace("{file}", "audit.json");
      const declared = contract.methodsOf(o.path);
      for (const method of ["PUT", "DELETE", "PATCH"].filter((m) => !declared.includes(m))) {
        const sent = await send(o, method, url, method === "DELETE" ? {} : { body: "{}", headers: { "Content-Type": "application/json" } });
        tally.probes++;
        expectKept(sent, [405], `${method} ${o.path}`);
        const allow = (sent.res.headers.get("allow") ?? "").split(",").map((m) => m.trim());
        expect(allow, `${method} ${o.path}`).toEqual(expect.arrayContaining(declared));
      }
    }
  });

  it("every operation has an operationId and declares 405, 414 and 500", () => {
    const ids = contract.operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of contract.operations) {
      expect(typeof o.op.operationId, `${o.method} ${o.path}`).toBe("string");
      expect(Object.keys(o.op.responses as Json), `${o.method} ${o.path}`).toEqual(expect.arrayContaining(["405", "414", "500"]));
    }
  });
});
