/**
 * The zod schemas and the JSON Schema published from them: same types as core/types.ts, every
 * field described for users, strictness and limits carried into the JSON Schema, computed once.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { MAX_SERVERS, MAX_STRING } from "../../core/limits.ts";
import {
  flowRequestJsonSchema,
  flowRequestSchema,
  scenarioJsonSchema,
  scenarioSchema,
  topologyJsonSchema,
  type topologySchema,
} from "../../core/validate/schema.ts";
import { hostPortProblem, hostProblem, urlProblem } from "../../core/validate/syntax.ts";
import type { Scenario, Topology } from "../../core/types.ts";
import { PROTOCOLS, VERSIONS } from "../../core/types.ts";

// biome-ignore lint/suspicious/noExplicitAny: walks generated JSON Schema of any shape; the assertions check it
type Json = Record<string, any>;

/** Every property schema under `schema`, with its path, following properties/items/anyOf. */
function properties(schema: Json, path = ""): [string, Json][] {
  const out: [string, Json][] = [];
  for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Json>))
    out.push([`${path}.${k}`, v], ...properties(v, `${path}.${k}`));
  if (schema.items) out.push(...properties(schema.items as Json, `${path}[]`));
  for (const [i, v] of ((schema.anyOf ?? []) as Json[]).entries()) out.push(...properties(v, `${path}|${i}`));
  return out;
}

describe("schemas", () => {
  it("produce exactly the types of core/types.ts", () => {
    expectTypeOf<z.output<typeof topologySchema>>().toEqualTypeOf<Topology>();
    expectTypeOf<z.input<typeof topologySchema>>().toEqualTypeOf<Topology>();
    expectTypeOf<z.output<typeof scenarioSchema>>().toEqualTypeOf<Scenario>();
  });

  it("accept the examples they publish", () => {
    const scenario = (scenarioJsonSchema().examples as unknown[])[0];
    expect(scenarioSchema.safeParse(scenario).success).toBe(true);
  });
});

describe("JSON Schema", () => {
  it("is computed once", () => {
    expect(topologyJsonSchema()).toBe(topologyJsonSchema());
    expect(flowRequestJsonSchema()).toBe(flowRequestJsonSchema());
  });

  it.each([
    ["topology", topologyJsonSchema],
    ["scenario", scenarioJsonSchema],
    ["flow request", flowRequestJsonSchema],
  ])("of the %s describes every field for users", (_name, get) => {
    const schema = get();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(typeof schema.description).toBe("string");
    const undescribed = properties(schema).filter(([, p]) => typeof p.description !== "string" || p.description.length < 10);
    expect(undescribed.map(([path]) => path)).toEqual([]);
  });

  it("is strict and carries enums and limits", () => {
    const t = topologyJsonSchema() as Json;
    expect(t.additionalProperties).toBe(false);
    expect(t.required).toEqual(["sites", "servers", "namespaces", "users"]);
    const server = t.properties.servers.items;
    expect(t.properties.servers.maxItems).toBe(MAX_SERVERS);
    expect(server.additionalProperties).toBe(false);
    expect(server.properties.version.enum).toEqual([...VERSIONS]);
    expect(server.properties.roles.items.enum).toEqual(["cas", "mailbox"]);
    expect(server.properties.name.maxLength).toBe(MAX_STRING);
    expect(Object.keys(server.properties.urls.properties)).toEqual([...PROTOCOLS]);
  });

  it("of the flow request allows a topology or a preset, each with a scenario", () => {
    const r = flowRequestJsonSchema() as Json;
    expect(r.anyOf.map((o: Json) => o.required)).toEqual([
      ["topology", "scenario"],
      ["preset", "scenario"],
    ]);
    expect(flowRequestSchema.safeParse({ preset: "o365info", topology: {}, scenario: {} }).success).toBe(false);
  });
});

describe("host and URL syntax", () => {
  it.each([
    ["mail.contoso.com", undefined],
    ["NY-CAS2013", undefined],
    ["10.0.0.1", undefined],
    ["mail..contoso.com", "empty label"],
    ["-mail.contoso.com", "not starting or ending with a hyphen"],
    ["*.contoso.com", "wildcards"],
    ["mail.contoso.com.", "trailing dot"],
    ["mail contoso", "without port, path or spaces"],
    ["mäil.contoso.com", "letters, digits or hyphens"],
  ])("host %j", (host, problem) => {
    const p = hostProblem(host);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p).toContain(problem);
  });

  it.each([
    ["https://mail.contoso.com/owa", undefined],
    ["HTTP://mail.contoso.com:8080/ews/exchange.asmx?x=1#y", undefined],
    ["https://mail.contoso.com", undefined],
    ["mail.contoso.com/owa", "not an absolute URL"],
    ["https:///owa", "no host name"],
    ["https://mail.contoso.com:0/owa", "port"],
    ["https://mail_contoso.com/owa", "underscores"],
  ])("URL %j", (url, problem) => {
    const p = urlProblem(url);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p).toContain(problem);
  });

  it.each([
    ["mail.contoso.com:995", undefined],
    ["mail.contoso.com", undefined],
    ["https://mail.contoso.com", undefined],
    ["mail.contoso.com:pop", "port"],
    ["imap://mail.contoso.com:993", "https:// or http://"],
  ])("POP3/IMAP4 %j", (value, problem) => {
    const p = hostPortProblem(value);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p).toContain(problem);
  });
});
